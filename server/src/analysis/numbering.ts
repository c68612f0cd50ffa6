// Suggested note ids (`peskov-1`, `claim-3`) for the paragraphs' findings, numbered across the
// article; after an edit, the numbers of the last analysis where the edit cannot have moved them.
import type { ParagraphFindings } from './paragraphRules';
import { PARAGRAPH_RULES } from './rules';
import { NoteIds } from './rules/context';
import type { Finding, RuleId } from './types';

/** The suggested note ids of the paragraphs' findings (by paragraph and sorted index). */
export interface NumberedIds {
  /** Paragraph `i`'s findings keep the ids they had in the last analysis. */
  unchanged(i: number): boolean;
  id(i: number, k: number): string;
}

/** The last analysis, as numbering reads it. */
export interface NumberedBefore {
  found: readonly ParagraphFindings[];
  findings: readonly Finding[];
  findingFirst: readonly number[];
  /** The note ids in use and the failed rules, as one string. */
  key: string;
  /** The paragraph of the last analysis that paragraph `i` is, or -1. */
  aligned(i: number): number;
  /** Paragraph `i` kept its findings from the last analysis. */
  reused(i: number): boolean;
}

/**
 * Suggested ids are numbered per base across the article (`claim-1`, `claim-2` ...), rule by rule
 * in registry order and each rule's findings in the order it reported them, skipping `inUse` (the
 * note ids the article already has).
 * When each changed stretch of paragraphs has as many findings of each rule and base as before,
 * every id stays where it was and the stretch takes its old ids in order; else all are numbered.
 */
export function numberIds(inUse: readonly string[], found: readonly ParagraphFindings[], failed: ReadonlySet<RuleId>, key: string, before: NumberedBefore | undefined): NumberedIds {
  const previousId = (j: number, k: number) => before!.findings[before!.findingFirst[j]! + k]!.data.suggestedId;
  if (before && before.key === key) {
    const fresh = renumberedStretches(found, failed, before, previousId);
    if (fresh) return { unchanged: (i) => !fresh.has(i), id: (i, k) => (fresh.get(i)?.[k] ?? previousId(before.aligned(i), k)) };
  }
  const noteIds = new NoteIds(new Set(inUse));
  const ids = found.map((f) => new Array<string>(f.findings.length));
  PARAGRAPH_RULES.forEach((rule, r) => {
    if (failed.has(rule.id)) return;
    found.forEach((f, i) => {
      for (const k of f.byRule[r]!) ids[i]![k] = noteIds.next(f.findings[k]!.data.suggestedId);
    });
  });
  const same = (i: number) => !!before && before.reused(i) && ids[i]!.every((id, k) => id === previousId(before.aligned(i), k));
  return { unchanged: same, id: (i, k) => ids[i]![k]! };
}

/** The ids of the changed stretches' findings, or undefined when some stretch's counts changed. */
function renumberedStretches(found: readonly ParagraphFindings[], failed: ReadonlySet<RuleId>, before: NumberedBefore, previousId: (j: number, k: number) => string): Map<number, string[]> | undefined {
  const fresh = new Map<number, string[]>();
  let lastI = -1;
  let lastJ = -1;
  for (let i = 0; i <= found.length; i++) {
    if (i < found.length && !before.reused(i)) continue;
    const j = i < found.length ? before.aligned(i) : before.found.length;
    if (i - lastI > 1 || j - lastJ > 1) {
      if (!sameCounts(found, lastI + 1, i, before.found, lastJ + 1, j)) return undefined;
      // The stretch takes its old ids, rule by rule and base by base, in order.
      const old = new Map<string, string[]>();
      PARAGRAPH_RULES.forEach((rule, r) => {
        if (failed.has(rule.id)) return;
        for (let k = lastJ + 1; k < j; k++) {
          for (const x of before.found[k]!.byRule[r]!) {
            const key = `${rule.id} ${before.found[k]!.findings[x]!.data.suggestedId}`;
            old.set(key, [...(old.get(key) ?? []), previousId(k, x)]);
          }
        }
      });
      const taken = new Map<string, number>();
      for (let k = lastI + 1; k < i; k++) fresh.set(k, new Array<string>(found[k]!.findings.length));
      PARAGRAPH_RULES.forEach((rule, r) => {
        if (failed.has(rule.id)) return;
        for (let k = lastI + 1; k < i; k++) {
          for (const x of found[k]!.byRule[r]!) {
            const key = `${rule.id} ${found[k]!.findings[x]!.data.suggestedId}`;
            const n = taken.get(key) ?? 0;
            taken.set(key, n + 1);
            fresh.get(k)![x] = old.get(key)![n]!;
          }
        }
      });
    }
    lastI = i;
    lastJ = j;
  }
  return fresh;
}

/** Do paragraphs [a0, a1) of `a` and [b0, b1) of `b` have as many findings of each rule and base? */
function sameCounts(a: readonly ParagraphFindings[], a0: number, a1: number, b: readonly ParagraphFindings[], b0: number, b1: number): boolean {
  const counts = new Map<string, number>();
  const add = (f: ParagraphFindings, by: number) => {
    for (const x of f.findings) {
      const key = `${x.rule} ${x.data.suggestedId}`;
      counts.set(key, (counts.get(key) ?? 0) + by);
    }
  };
  for (let k = a0; k < a1; k++) add(a[k]!, 1);
  for (let k = b0; k < b1; k++) add(b[k]!, -1);
  for (const c of counts.values()) if (c !== 0) return false;
  return true;
}
