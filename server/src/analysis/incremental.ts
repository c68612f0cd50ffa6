// The article-wide stage, incrementally. The last analysis of a document is kept by paragraph;
// after an edit, the paragraphs before and after the edited ones (same local analysis, same
// place, or the same place shifted by the edit) keep their results, and the edited ones are
// recomputed, then the paragraphs after them until the state carried from paragraph to paragraph
// is the same as last time. Only lists of paragraphs are walked for the others: reading each
// paragraph's objects on every edit (6,000 paragraphs at 100,000 words) was most of an edit's time.
import type { Segmented } from './article';
import type { BlockAnalysis } from './block';
import { articleNameIndex, changedNames, looksUpAny, type NameIndex } from './attribution/resolve';
import { handOver, sameCarry, sameItems, stageParagraph, START, type Carry, type Staged } from './paragraph';
import { paragraphFindings, readsSame, type ParagraphFindings } from './paragraphRules';
import { severitySetting } from './ruleInfo';
import { PARAGRAPH_RULES } from './rules';
import { numberIds, type NumberedIds } from './numbering';
import { articleOutput, failedRules, placeAttribution, placeFinding } from './output';
import { lineStartsOf } from './text/lines';
import { lastStartingAt } from './text/spans';
import type { AnalyseOptions, Analysis, Attribution, Finding, RuleId, SeveritySetting } from './types';

/** What an analysis keeps for the next analysis of the same document. Indexed by paragraph. */
interface ArticleState {
  /** The paragraph rules' settings: nothing is reused under other settings. */
  settings: string;
  index: NameIndex;
  textLength: number;
  locals: readonly BlockAnalysis[];
  starts: readonly number[];
  froms: readonly number[];
  notes: ReadonlyMap<number, readonly (string | null)[]>;
  staged: readonly Staged[];
  found: readonly ParagraphFindings[];
  notedLater: ReadonlyMap<number, readonly number[]>;
  /** Paragraphs whose findings read the article's text (checked again on every analysis). */
  reads: readonly number[];
  /** Paragraphs where a rule threw. */
  errors: readonly number[];
  /** Paragraphs with floating quotes that continue a speaker from an earlier paragraph and carry a note. */
  noted: readonly number[];
  /** The note ids in use and the rules that failed: suggested ids depend on them. */
  numbering: string;
  /** Placed results laid end to end, and where each paragraph's begin (one more entry at the end). */
  attributions: readonly Attribution[];
  attributionFirst: readonly number[];
  findings: readonly Finding[];
  findingFirst: readonly number[];
  lineStarts: readonly number[];
}

// By the list of paragraphs the analysis matched its paragraphs against (article.ts).
const states = new WeakMap<object, ArticleState>();

const NONE: readonly number[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

/** How this analysis's paragraphs line up with the last analysis's. */
interface Alignment {
  prev: ArticleState;
  /** The paragraph of the last analysis that paragraph `i` is, or -1. */
  aligned(i: number): number;
  /** The paragraph of this analysis that paragraph `j` of the last one is, or -1. */
  alignedNew(j: number): number;
}

/** The analysis of a segmented article from its paragraphs' local analyses. */
export function analyseArticle(seg: Segmented, locals: readonly BlockAnalysis[], options: AnalyseOptions, remembered: object, previous: object | undefined): Analysis {
  const severity = (id: RuleId): SeveritySetting => severitySetting(options, id);
  const settings = PARAGRAPH_RULES.map((r) => severity(r.id)).join();
  const index = articleNameIndex(locals.map((l) => l.names));
  const notes = sentenceNotes(seg, locals);
  const prev = previous ? states.get(previous) : undefined;
  const al = prev && prev.settings === settings ? align(seg, locals, prev) : undefined;
  // A name typed or changed: only the paragraphs that look up a changed name are redone.
  const names = al && al.prev.index !== index ? changedNames(al.prev.index, index) : NO_NAMES;

  const staged = stageAll(seg, locals, notes, index, names, al);
  const reusedStaged = (i: number) => !!al && al.aligned(i) >= 0 && staged[i] === al.prev.staged[al.aligned(i)];
  const noted = sparse(locals.length, al, (st) => st.noted, reusedStaged, staged, (r) => r.notedEarlier.length > 0);
  const notedLater = notedLaterByParagraph(seg, staged, noted);
  const enabled = PARAGRAPH_RULES.map((r) => severity(r.id) !== 'off');
  const found = ruleAll(seg, locals, staged, notedLater, options, enabled, al);
  const reusedFound = (i: number) => !!al && al.aligned(i) >= 0 && found[i] === al.prev.found[al.aligned(i)];
  const reads = sparse(locals.length, al, (st) => st.reads, reusedFound, found, (f) => f.reads.length > 0);
  const errors = sparse(locals.length, al, (st) => st.errors, reusedFound, found, (f) => f.errors.length > 0);

  const failed = failedRules(found, errors);
  const notesInUse = [...seg.scan.notes.definitions.map((d) => d.id), ...seg.scan.notes.references.map((r) => r.id)];
  const numbering = `${[...failed.keys()].join()}\u0000${notesInUse.join('\u0001')}`;
  const before = al && { found: al.prev.found, findings: al.prev.findings, findingFirst: al.prev.findingFirst, key: al.prev.numbering, aligned: al.aligned, reused: reusedFound };
  const ids = numberIds(notesInUse, found, new Set(failed.keys()), numbering, before);
  const placed = placeAll(seg, staged, found, ids, severity, al);

  states.set(remembered, { settings, index, textLength: seg.text.length, locals, starts: seg.blocks.map((b) => b.start), froms: seg.blocks.map((b) => b.from), notes, staged, found, notedLater, noted, reads, errors, numbering, ...placed });
  return articleOutput(seg, options, placed.attributions, placed.findings, placed.findingFirst, failed);
}

/** The paragraphs unchanged at the start and, shifted by the edit, at the end. */
function align(seg: Segmented, locals: readonly BlockAnalysis[], prev: ArticleState): Alignment {
  const { blocks } = seg;
  const n = locals.length;
  const m = prev.locals.length;
  const shift = n - m;
  const delta = seg.text.length - prev.textLength;
  let p = 0;
  while (p < n && p < m && locals[p] === prev.locals[p] && blocks[p]!.start === prev.starts[p] && blocks[p]!.from === prev.froms[p]) p++;
  const same = (i: number, j: number) => locals[i] === prev.locals[j] && blocks[i]!.start === prev.starts[j]! + delta && blocks[i]!.from === prev.froms[j]! + delta;
  let s = 0;
  while (s < n - p && s < m - p && same(n - 1 - s, m - 1 - s)) s++;
  return {
    prev,
    aligned: (i) => (i < p ? i : i >= n - s && i < n ? i - shift : -1),
    alignedNew: (j) => (j < p ? j : j >= m - s && j < m ? j + shift : -1),
  };
}

/** The article-wide steps, paragraph by paragraph: last time's results while nothing they depend on changed. */
function stageAll(seg: Segmented, locals: readonly BlockAnalysis[], notes: ReadonlyMap<number, readonly (string | null)[]>, index: NameIndex, names: ReadonlySet<string>, al: Alignment | undefined): Staged[] {
  const { blocks } = seg;
  const n = locals.length;
  // Note references moved in or out of unchanged paragraphs.
  const notesChanged = new Set<number>();
  if (al) {
    for (const [i, ids] of notes) if (al.aligned(i) >= 0 && !sameItems(ids, al.prev.notes.get(al.aligned(i)) ?? null)) notesChanged.add(i);
    for (const j of al.prev.notes.keys()) if (al.alignedNew(j) >= 0 && !notes.has(al.alignedNew(j))) notesChanged.add(al.alignedNew(j));
  }
  const staged: Staged[] = new Array<Staged>(n);
  const gap = (i: number) => blocks[i]!.start - blocks[i - 1]!.start;
  const carryInto = (i: number): Carry => (i === 0 ? START : handOver(staged[i - 1]!.carry, gap(i)));
  let settled = true;
  for (let i = 0; i < n; i++) {
    const j = al ? al.aligned(i) : -1;
    const local = locals[i]!;
    if (al && j >= 0 && !notesChanged.has(i) && sameNext(locals, i, al.prev.locals, j, al.aligned(i + 1) === j + 1) && (names.size === 0 || !looksUpAny(local.attributions, local.subjects, names))) {
      const { prev } = al;
      const prevGap = () => prev.starts[j]! - prev.starts[j - 1]!;
      // Unchanged, and so is what the paragraph before hands on (the carried speaker is placed
      // relative to this paragraph, so the distance from the one before must be the same too).
      if (settled && (i === 0 ? j === 0 : al.aligned(i - 1) === j - 1 && gap(i) === prevGap())) {
        staged[i] = prev.staged[j]!;
        continue;
      }
      if (sameCarry(carryInto(i), j === 0 ? START : handOver(prev.staged[j - 1]!.carry, prevGap()))) {
        staged[i] = prev.staged[j]!;
        settled = true;
        continue;
      }
    }
    staged[i] = stageParagraph(local, { text: seg.texts[i]!, nextReopens: locals[i + 1]?.startsWithOpen === true, carry: carryInto(i), notes: notes.get(i) ?? null, index });
    settled = false;
  }
  return staged;
}

/** The paragraph rules: last time's findings where the results, the notes on later quotes and the text they read are the same. */
function ruleAll(
  seg: Segmented,
  locals: readonly BlockAnalysis[],
  staged: readonly Staged[],
  notedLater: ReadonlyMap<number, readonly number[]>,
  options: AnalyseOptions,
  enabled: readonly boolean[],
  al: Alignment | undefined,
): ParagraphFindings[] {
  const { text, blocks } = seg;
  const readsChanged = new Set<number>();
  for (const j of al?.prev.reads ?? NONE) {
    const i = al!.alignedNew(j);
    if (i >= 0 && !readsSame(text, blocks[i]!.start, al!.prev.found[j]!.reads)) readsChanged.add(i);
  }
  return staged.map((st, i) => {
    const j = al ? al.aligned(i) : -1;
    const later = notedLater.get(i) ?? NONE;
    if (al && j >= 0 && st === al.prev.staged[j] && !readsChanged.has(i) && sameItems(later, al.prev.notedLater.get(j) ?? NONE)) return al.prev.found[j]!;
    return paragraphFindings({ local: locals[i]!, staged: st, text, at: blocks[i]!.start, notedLater: later, options, enabled });
  });
}

/** The results at their offsets, laid end to end: last time's objects where nothing moved or changed. */
function placeAll(
  seg: Segmented,
  staged: readonly Staged[],
  found: readonly ParagraphFindings[],
  ids: NumberedIds,
  severity: (id: RuleId) => SeveritySetting,
  al: Alignment | undefined,
): Pick<ArticleState, 'attributions' | 'attributionFirst' | 'findings' | 'findingFirst' | 'lineStarts'> {
  const attributions: Attribution[] = [];
  const attributionFirst: number[] = [];
  const findings: Finding[] = [];
  const findingFirst: number[] = [];
  const lineStarts: number[] = [];
  // The line index is shared with the server's snapshot of the same text (built once per version).
  const lines = lineStartsOf(seg.text);
  staged.forEach((st, i) => {
    const j = al ? al.aligned(i) : -1;
    const prev = al?.prev;
    const at = seg.blocks[i]!.start;
    attributionFirst.push(attributions.length);
    findingFirst.push(findings.length);
    const still = !!prev && j >= 0 && prev.starts[j] === at;
    if (still && st === prev!.staged[j]) copyRange(attributions, prev!.attributions, prev!.attributionFirst, j);
    else for (const a of st.attributions) attributions.push(placeAttribution(a, at));
    const f = found[i]!;
    const lineStart = f.findings.length === 0 ? -1 : lines.lineStart(seg.blocks[i]!.from);
    lineStarts.push(lineStart);
    if (still && f === prev!.found[j] && prev!.lineStarts[j] === lineStart && ids.unchanged(i)) copyRange(findings, prev!.findings, prev!.findingFirst, j);
    else f.findings.forEach((pf, k) => findings.push(placeFinding(pf, at, lineStart, ids.id(i, k), severity(pf.rule) as Finding['severity'])));
  });
  attributionFirst.push(attributions.length);
  findingFirst.push(findings.length);
  return { attributions, attributionFirst, findings, findingFirst, lineStarts };
}

/** Does paragraph `i`'s next paragraph open the same way as `j`'s did? */
function sameNext(locals: readonly BlockAnalysis[], i: number, before: readonly BlockAnalysis[], j: number, sameObject: boolean): boolean {
  if (sameObject) return true;
  return (locals[i + 1]?.startsWithOpen === true) === (before[j + 1]?.startsWithOpen === true);
}

function copyRange<T>(to: T[], from: readonly T[], firsts: readonly number[], j: number): void {
  for (let k = firsts[j]!; k < firsts[j + 1]!; k++) to.push(from[k]!);
}

/**
 * The paragraphs (ascending) whose results `has` something: from last time's list for the
 * results kept, and by looking at the recomputed ones. Only the recomputed paragraphs are read.
 */
function sparse<T>(n: number, al: Alignment | undefined, list: (st: ArticleState) => readonly number[], reused: (i: number) => boolean, results: readonly T[], has: (r: T) => boolean): number[] {
  const out: number[] = [];
  for (const j of al ? list(al.prev) : NONE) {
    const i = al!.alignedNew(j);
    if (i >= 0 && reused(i)) out.push(i);
  }
  for (let i = 0; i < n; i++) if (!reused(i) && has(results[i]!)) out.push(i);
  return out.sort((a, b) => a - b);
}

/**
 * For each paragraph, the starts of its speakers whose floating quotes in later paragraphs carry
 * a note (a note there sources the speaker's mention here).
 */
function notedLaterByParagraph(seg: Segmented, staged: readonly Staged[], noted: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const i of noted) {
    for (const rel of staged[i]!.notedEarlier) {
      const at = seg.blocks[i]!.start + rel;
      const j = lastStartingAt(seg.blocks, at);
      const list = out.get(j) ?? [];
      if (!list.includes(at - seg.blocks[j]!.start)) list.push(at - seg.blocks[j]!.start);
      out.set(j, list.sort((a, b) => a - b));
    }
  }
  return out;
}

/**
 * The note id each sentence carries, for the paragraphs with note references: a sentence owns
 * the references up to the next sentence's start (in the next paragraph for its last sentence),
 * and carries the last of them.
 */
function sentenceNotes(seg: Segmented, locals: readonly BlockAnalysis[]): Map<number, (string | null)[]> {
  const out = new Map<number, (string | null)[]>();
  const firstSentence = (i: number) => seg.blocks[i]!.start + (locals[i]!.sentences[0]?.start ?? 0);
  for (const ref of seg.scan.notes.references) {
    let i = lastStartingAt(seg.blocks, ref.start);
    if (i >= 0 && ref.start < firstSentence(i)) i--;
    if (i < 0 || ref.start < firstSentence(i)) continue;
    const local = locals[i]!;
    let ids = out.get(i);
    if (!ids) out.set(i, (ids = local.sentences.map(() => null)));
    ids[Math.max(0, lastStartingAt(local.sentences, ref.start - seg.blocks[i]!.start))] = ref.id;
  }
  return out;
}
