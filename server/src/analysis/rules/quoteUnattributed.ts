import type { Rule } from './context';

/** Words in quotation marks that read as speech but have no speaker. */
export const quoteUnattributed: Rule = {
  id: 'quote.unattributed',
  check(ctx) {
    return ctx.unattributed.flatMap((q) => {
      const sentence = ctx.sentenceAt(q.start);
      if (!sentence || ctx.hasNote(sentence)) return [];
      return [{
        start: q.start,
        end: q.end,
        message: 'Quotation with no speaker: name who said it, or add a source note',
        data: ctx.fixData(ctx.sentenceAt(q.end - 1) ?? sentence, {}),
      }];
    });
  },
};
