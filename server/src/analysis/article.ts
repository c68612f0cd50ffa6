// Paragraphs from the text (Markdown parsed for real) and each paragraph's memoised local
// analysis; the steps that cross paragraphs follow in incremental.ts.
import type { AnalyseOptions } from './types';
import { analyseBlock, type BlockAnalysis, type LocalSettings } from './block';
import { atSamePlace, RecentLists, type RecentList } from './text/recent';
import { CueLexicon } from './attribution/cues';
import { plainTextBlocks, type Block } from './text/blocks';
import { markdownProse, tooDeeplyNested } from './text/markdown';
import { tagSpans } from './text/tags';
import { noteBlanks, scanNotes, type NoteScan } from './text/notes';
import { codeAt, proseSlice, unionOf, type BlankedText } from './text/blanks';

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
    blocks = trimmedAtBlanks(prose, md.blocks);
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

/** Keeps this analysis's paragraphs for the next one to find; returns what they are kept as. */
export function rememberParagraphs(seg: Segmented, locals: readonly BlockAnalysis[]): object {
  const list = { key: seg.settings.paragraph.settingsKey, texts: seg.texts, values: locals };
  recentParagraphs.remember(list, seg.previous);
  return list;
}

/**
 * Markdown's blocks come trimmed from the parse; blanking notes and markers can leave one with
 * leading or trailing spaces, so the blocks a blank falls in are trimmed again. Only those: the
 * edges of every block were read on every edit, a cache miss each in a long article.
 */
function trimmedAtBlanks(prose: BlankedText, blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let k = 0;
  for (const b of blocks) {
    while (k < prose.blanks.length && prose.blanks[k]!.end <= b.start) k++;
    const t = k < prose.blanks.length && prose.blanks[k]!.start < b.end ? trimBlock(prose, b) : b;
    if (t.end > t.start) out.push(t);
  }
  return out;
}

/** Blanking notes can leave a block with leading or trailing spaces. */
function trimBlock(prose: BlankedText, b: Block): Block {
  const isSpace = (k: number) => /\s/.test(String.fromCharCode(codeAt(prose, k)));
  let { start, end } = b;
  while (start < end && isSpace(start)) start++;
  while (end > start && isSpace(end - 1)) end--;
  return { start, end, kind: b.kind, from: b.from };
}
