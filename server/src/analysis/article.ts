// The article-wide stage: paragraphs from the text (Markdown parsed for real), each paragraph's
// memoised local analysis shifted into place, then the cheap linear steps that cross paragraphs:
// quotes running over paragraphs, floating quotes, name resolution and source notes.
import type { AnalyseOptions, Notes, Span } from './types';
import { analyseBlock, type BlockAnalysis, type LocalSettings } from './block';
import { atSamePlace, RecentLists, type RecentList } from './text/recent';
import { CueLexicon } from './attribution/cues';
import { attachFloating } from './attribution/floating';
import type { PendingQuote, RawAttribution } from './attribution/model';
import { resolveNames, type NameRun, type PersonSubject, type ResolvedAttribution } from './attribution/resolve';
import type { Trigger } from './claims';
import { plainTextBlocks, type Block } from './text/blocks';
import { markdownProse, tooDeeplyNested } from './text/markdown';
import { tagSpans } from './text/tags';
import { noteBlanks, scanNotes, type IgnoreMarker, type NoteScan } from './text/notes';
import { codeAt, proseSlice, unionOf, type BlankedText } from './text/blanks';
import type { Quote } from './text/quotes';
import type { PhraseHit } from './vagueness';

export interface Sentence extends Span {
  index: number;
  block: number;
  /** Why the sentence is check-worthy; null when it is not, or may not be flagged (heading, question ...). */
  trigger: Trigger | null;
}

/** A resolved attribution, before note matching. */
export type { ResolvedAttribution };

/** An article analysed once per run and handed to every rule. */
export interface Article {
  text: string;
  blocks: Block[];
  sentences: Sentence[];
  quotes: Quote[];
  unbalanced: Span[];
  notes: Notes;
  ignores: IgnoreMarker[];
  attributions: ResolvedAttribution[];
  /** Quotations that read as speech but have no speaker. */
  unattributed: Span[];
  /** Vague and anonymous phrases outside quotations. */
  phrases: PhraseHit[];
}

const lexicons = new Map<string, CueLexicon>();
function lexiconFor(extra: readonly string[]): CueLexicon {
  const key = extra.join('\n');
  let lex = lexicons.get(key);
  if (!lex) {
    lex = new CueLexicon(extra);
    if (lexicons.size > 16) lexicons.clear();
    lexicons.set(key, lex);
  }
  return lex;
}

// Typed copies, not object spread: spread is several times slower and this runs for every
// sentence, quote and phrase of the article on every edit.
const shiftSpan = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });
const shiftQuote = (q: Quote, by: number): Quote => ({ start: q.start + by, end: q.end + by, runsOn: q.runsOn });
const shiftPhrase = (h: PhraseHit, by: number): PhraseHit => ({ start: h.start + by, end: h.end + by, kind: h.kind });
const shiftPending = (p: PendingQuote, by: number, firstSentence: number): PendingQuote => ({
  quote: shiftSpan(p.quote, by),
  sentence: p.sentence + firstSentence,
  opensSentence: p.opensSentence,
  words: p.words,
  cueNearby: p.cueNearby,
});
// All fields in record()'s order, so every attribution has one shape and resolveNames' stores stay fast.
const shiftAttribution = (a: RawAttribution, by: number, firstSentence: number): RawAttribution => ({
  kind: a.kind,
  quote: shiftSpan(a.quote, by),
  speaker: a.speaker && shiftSpan(a.speaker, by),
  speakerText: a.speakerText,
  speakerParts: a.speakerParts,
  speakerKind: a.speakerKind,
  cue: a.cue && shiftSpan(a.cue, by),
  cueText: a.cueText,
  sentence: a.sentence + firstSentence,
  floating: a.floating,
  role: a.role,
  name: a.name,
  person: a.person,
});

/** The text split into paragraphs, before any paragraph is analysed. */
export interface Segmented {
  text: string;
  /** `text` with non-prose blanked (same length): markup, code, notes, markers. */
  prose: BlankedText;
  blocks: Block[];
  scan: NoteScan;
  /** The local settings of paragraphs and of headings, built once per analysis. */
  settings: { paragraph: LocalSettings; heading: LocalSettings };
  /** The recent analysis whose unchanged paragraphs are reused, and this one's paragraph texts. */
  previous: RecentList<BlockAnalysis> | undefined;
  texts: string[];
}

/** Paragraphs of the last analyses, found again by place (text/recent.ts). */
const recentParagraphs = new RecentLists<BlockAnalysis>(4);
export const clearRecentParagraphs = (): void => recentParagraphs.clear();

export function segment(text: string, options: AnalyseOptions): Segmented {
  const md = options.format === 'markdown' && !tooDeeplyNested(text) ? markdownProse(text) : null;
  const scan = scanNotes(text, md?.verbatim ?? [], options.placeholder ?? 'TODO');
  let prose: BlankedText;
  let blocks: Block[];
  if (md) {
    prose = { source: md.prose, blanks: noteBlanks(scan) };
    blocks = md.blocks.map((b) => trimBlock(prose, b)).filter((b) => b.end > b.start);
  } else {
    const plain = { source: text, blanks: unionOf(tagSpans(text), noteBlanks(scan)) };
    blocks = plainTextBlocks(plain);
    prose = plain;
  }
  const extra = options.extraReportingVerbs ?? [];
  const vaguePhrases = options.extraVaguePhrases ?? [];
  const base = { lexicon: lexiconFor(extra), vaguePhrases, settingsKey: `${extra.join('\u0001')}\u0000${vaguePhrases.join('\u0001')}` };
  const settings = { paragraph: { ...base, heading: false }, heading: { ...base, heading: true } };
  return { text, prose, blocks, scan, settings, previous: recentParagraphs.closest(base.settingsKey, blocks.length), texts: [] };
}

/** The local analysis of paragraph `i`: the recent one at its place if unchanged, else memoised by its text. */
export function analyseParagraph(seg: Segmented, i: number): BlockAnalysis {
  const b = seg.blocks[i]!;
  const text = proseSlice(seg.prose, b.start, b.end);
  const heading = b.kind === 'heading';
  seg.texts[i] = text;
  const recent = atSamePlace(seg.previous, i, seg.blocks.length, text);
  return recent?.heading === heading ? recent : analyseBlock(text, heading ? seg.settings.heading : seg.settings.paragraph);
}

export function buildArticle(text: string, options: AnalyseOptions): Article {
  const seg = segment(text, options);
  return assemble(seg, seg.blocks.map((_, i) => analyseParagraph(seg, i)));
}

/** Put the paragraphs' local analyses together and run the article-wide steps. */
export function assemble(seg: Segmented, locals: readonly BlockAnalysis[]): Article {
  const { text, blocks, scan } = seg;
  recentParagraphs.remember({ key: seg.settings.paragraph.settingsKey, texts: seg.texts, values: locals }, seg.previous);

  const sentences: Sentence[] = [];
  const quotes: Quote[] = [];
  const unbalanced: Span[] = [];
  const raws: RawAttribution[] = [];
  const pending: PendingQuote[] = [];
  const names: (readonly NameRun[])[] = [];
  const subjects: PersonSubject[] = [];
  const phrases: PhraseHit[] = [];
  locals.forEach((local, bi) => {
    const at = blocks[bi]!.start;
    const first = sentences.length;
    for (const s of local.sentences) sentences.push({ start: s.start + at, end: s.end + at, index: sentences.length, block: bi, trigger: s.trigger });
    // A quote still open at the paragraph's end runs on only if the next paragraph reopens it.
    const runsOn = locals[bi + 1]?.startsWithOpen === true;
    const dangling = local.quotes.find((q) => q.runsOn && !runsOn);
    for (const q of local.quotes) if (q !== dangling) quotes.push(shiftQuote(q, at));
    for (const u of local.unbalanced) unbalanced.push(shiftSpan(u, at));
    if (dangling) unbalanced.push({ start: dangling.start + at, end: dangling.start + at + (/^(?:''|``)/.test(seg.texts[bi]!.slice(dangling.start, dangling.start + 2)) ? 2 : 1) });
    const isDangling = (s: Span) => !!dangling && s.start === dangling.start && s.end === dangling.end;
    for (const a of local.attributions) {
      if (isDangling(a.quote)) continue;
      raws.push(shiftAttribution(a, at, first));
    }
    for (const p of local.pending) if (!isDangling(p.quote)) pending.push(shiftPending(p, at, first));
    names.push(local.names);
    for (const s of local.subjects) subjects.push({ at: s.at + at, parts: s.parts });
    for (const h of local.phrases) phrases.push(shiftPhrase(h, at));
  });
  raws.sort((a, b) => a.quote.start - b.quote.start);
  const { attributions, unattributed } = attachFloating(raws, pending, (i) => sentences[i]!.block);
  return {
    text,
    blocks,
    sentences,
    quotes,
    unbalanced: unbalanced.sort((a, b) => a.start - b.start),
    notes: scan.notes,
    ignores: scan.ignores,
    attributions: resolveNames(attributions, names, subjects),
    unattributed,
    phrases,
  };
}

/** Blanking notes can leave a block with leading or trailing spaces. */
function trimBlock(prose: BlankedText, b: Block): Block {
  const isSpace = (k: number) => /\s/.test(String.fromCharCode(codeAt(prose, k)));
  let { start, end } = b;
  while (start < end && isSpace(start)) start++;
  while (end > start && isSpace(end - 1)) end--;
  return { start, end, kind: b.kind, from: b.from };
}
