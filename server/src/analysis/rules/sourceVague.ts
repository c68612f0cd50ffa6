import { sourceHits } from '../vagueness';
import type { Rule } from './context';

/** A claim leaning on an unnamed group or on nobody: "analysts claim", "it is believed". */
export const sourceVague: Rule = {
  id: 'source.vague',
  check(ctx) {
    return sourceHits(ctx)
      .filter((h) => h.kind === 'vague')
      .map((h) => ({
        start: h.start,
        end: h.end,
        message: `Vague source ("${h.text.length <= 40 ? h.text : h.who ?? h.text}"): name who says this, or add a source note`,
        data: ctx.fixData(ctx.sentenceAt(h.end - 1)!, { source: h.who ?? h.text, sourceKey: h.who?.toLowerCase() }),
      }));
  },
};
