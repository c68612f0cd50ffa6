import type { Rule } from './context';

/** Words in quotation marks that read as speech but have no speaker. */
export const quoteUnattributed: Rule = {
  id: 'quote.unattributed',
  check(ctx) {
    return ctx.unattributed.flatMap((q) => {
      const first = ctx.sentenceAt(q.start);
      const last = ctx.sentenceAt(q.end - 1) ?? first;
      if (!first || !last) return [];
      // A note on any sentence of the quotation sources it; the quick fix puts one after the last.
      for (let i = first.index; i <= last.index; i++) if (ctx.hasNote(ctx.article.sentences[i]!)) return [];
      return [{
        start: q.start,
        end: q.end,
        message: 'Quotation with no speaker: name who said it, or add a source note',
        data: ctx.fixData(last, {}),
      }];
    });
  },
};
