import type { ArticleRule, RuleFindingData } from './context';

function lineData(at: number, noteId: string): RuleFindingData {
  return { insertAt: at, suggestedId: noteId, noteId };
}

/** A reference `[^id]` with no definition line. */
export const noteMissing: ArticleRule = {
  id: 'note.missing',
  scope: 'article',
  check(ctx) {
    const defined = new Set(ctx.notes.definitions.map((d) => d.id));
    return ctx.notes.references
      .filter((r) => !defined.has(r.id))
      .map((r) => ({ start: r.start, end: r.end, message: `Source note [^${r.id}] is referenced but never defined`, data: lineData(r.end, r.id) }));
  },
};

/** A referenced definition that is empty or still holds the placeholder word. */
export const noteIncomplete: ArticleRule = {
  id: 'note.incomplete',
  scope: 'article',
  check(ctx) {
    const used = new Set(ctx.notes.references.map((r) => r.id));
    const word = ctx.options.placeholder ?? 'TODO';
    return ctx.notes.definitions
      .filter((d) => d.placeholder && used.has(d.id))
      .map((d) => ({
        start: d.start,
        end: d.end,
        message: d.text === '' ? `Source note [^${d.id}] is empty` : `Source note [^${d.id}] still has a placeholder (${word})`,
        data: lineData(d.end, d.id),
      }));
  },
};

/** A definition that no sentence references. */
export const noteUnused: ArticleRule = {
  id: 'note.unused',
  scope: 'article',
  check(ctx) {
    const used = new Set(ctx.notes.references.map((r) => r.id));
    return ctx.notes.definitions
      .filter((d) => !used.has(d.id))
      .map((d) => ({ start: d.start, end: d.end, message: `Source note [^${d.id}] is defined but never referenced`, data: lineData(d.end, d.id) }));
  },
};
