import { sourceRule } from './sourceRule';

/** An unnamed source: "people familiar with the matter", "a senior official said". */
export const sourceAnonymous = sourceRule('source.anonymous', 'anonymous', 'Anonymous source', 'say why anonymity was granted and how the source knows, or add a source note');
