import { sourceRule } from './sourceRule';

/** A claim leaning on an unnamed group or on nobody: "analysts claim", "it is believed". */
export const sourceVague = sourceRule('source.vague', 'vague', 'Vague source', 'name who says this, or add a source note');
