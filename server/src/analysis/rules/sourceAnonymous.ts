import { sourceHits } from '../vagueness';
import type { Rule } from './context';

/** An unnamed source: "people familiar with the matter", "a senior official said". */
export const sourceAnonymous: Rule = {
  id: 'source.anonymous',
  check(ctx) {
    return sourceHits(ctx)
      .filter((h) => h.kind === 'anonymous')
      .map((h) => ({
        start: h.start,
        end: h.end,
        message: `Anonymous source ("${h.text.length <= 40 ? h.text : h.who ?? h.text}"): say why anonymity was granted and how the source knows, or add a source note`,
        data: ctx.fixData(ctx.sentenceAt(h.end - 1)!, { source: h.who ?? h.text, sourceKey: h.who?.toLowerCase() }),
      }));
  },
};
