import type { Rule, RuleFindingData } from './context';

function lineData(at: number, noteId: string): RuleFindingData {
  return { insertAt: at, suggestedId: noteId, noteId };
}

/** A reference `[^id]` with no definition line. */
export const noteMissing: Rule = {
  id: 'note.missing',
  check(ctx) {
    const defined = new Set(ctx.article.notes.definitions.map((d) => d.id));
    return ctx.article.notes.references
      .filter((r) => !defined.has(r.id))
      .map((r) => ({ start: r.start, end: r.end, message: `Source note [^${r.id}] is referenced but never defined`, data: lineData(r.end, r.id) }));
  },
};

/** A referenced definition that is empty or still holds the placeholder word. */
export const noteIncomplete: Rule = {
  id: 'note.incomplete',
  check(ctx) {
    const used = new Set(ctx.article.notes.references.map((r) => r.id));
    const word = ctx.options.placeholder ?? 'TODO';
    return ctx.article.notes.definitions
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
export const noteUnused: Rule = {
  id: 'note.unused',
  check(ctx) {
    const used = new Set(ctx.article.notes.references.map((r) => r.id));
    return ctx.article.notes.definitions
      .filter((d) => !used.has(d.id))
      .map((d) => ({ start: d.start, end: d.end, message: `Source note [^${d.id}] is defined but never referenced`, data: lineData(d.end, d.id) }));
  },
};
