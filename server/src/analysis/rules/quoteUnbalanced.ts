import type { Rule } from './context';

const OPENING = new Set(['“', '„', '«', '‹', '``']);

/** Quotation marks that do not pair up within their paragraph. */
export const quoteUnbalanced: Rule = {
  id: 'quote.unbalanced',
  check(ctx) {
    return ctx.article.unbalanced.flatMap((m) => {
      const sentence = ctx.sentenceAt(m.start);
      if (!sentence) return [];
      const mark = ctx.article.text.slice(m.start, m.end);
      const opening = OPENING.has(mark) || /[\s(]/.test(ctx.article.text[m.start - 1] ?? ' ');
      return [{
        start: m.start,
        end: m.end,
        message: opening
          ? `Quotation mark ${mark} opens and is never closed in this paragraph`
          : `Quotation mark ${mark} closes a quotation that never opened`,
        data: ctx.fixData(sentence, {}),
      }];
    });
  },
};
