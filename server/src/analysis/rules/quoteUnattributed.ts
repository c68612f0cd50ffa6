import type { ParagraphRule } from './context';

/** Words in quotation marks that read as speech but have no speaker. */
export const quoteUnattributed: ParagraphRule = {
  id: 'quote.unattributed',
  scope: 'paragraph',
  check(ctx) {
    return ctx.unattributed.flatMap((q) => {
      const first = ctx.sentenceAt(q.start);
      const last = ctx.sentenceAt(q.end - 1);
      // A note on any sentence of the quotation sources it; the quick fix puts one after the last.
      for (let k = first; k <= last; k++) if (ctx.hasNote(k)) return [];
      return [{
        start: q.start,
        end: q.end,
        message: 'Quotation with no speaker: name who said it, or add a source note',
        data: ctx.fixData(last, {}),
      }];
    });
  },
};
