import type { ParagraphRule } from './context';

const OPENING = new Set(['“', '„', '«', '‹', '``']);

/** Quotation marks that do not pair up within their paragraph. */
export const quoteUnbalanced: ParagraphRule = {
  id: 'quote.unbalanced',
  scope: 'paragraph',
  check(ctx) {
    return ctx.unbalanced.map((m) => {
      const mark = ctx.source(m.start, m.end);
      const opening = OPENING.has(mark) || /[\s(]/.test(ctx.source(m.start - 1, m.start) || ' ');
      return {
        start: m.start,
        end: m.end,
        message: opening
          ? `Quotation mark ${mark} opens and is never closed in this paragraph`
          : `Quotation mark ${mark} closes a quotation that never opened`,
        data: ctx.fixData(ctx.sentenceAt(m.start), {}),
      };
    });
  },
};
