import type { AnalyseOptions, Notes, Span } from './types';
import { plainTextBlocks, type Block } from './text/blocks';
import { markdownProse } from './text/markdown';
import { blankNotes, scanNotes, type IgnoreMarker } from './text/notes';
import { scanQuotes, type Quote } from './text/quotes';
import { splitSentences } from './text/sentences';
import { tokenize, type Token } from './text/tokens';
import { tagParagraph } from './nlp';

export interface Sentence extends Span {
  index: number;
  block: number;
  tokens: Token[];
}

/** An article segmented once per run and handed to every rule. */
export interface Article {
  text: string;
  /** `text` with non-prose blanked (same length): markup, code, notes, markers. */
  prose: string;
  blocks: Block[];
  sentences: Sentence[];
  quotes: Quote[];
  unbalanced: Span[];
  notes: Notes;
  ignores: IgnoreMarker[];
}

export function buildArticle(text: string, options: AnalyseOptions): Article {
  const markdown = options.format === 'markdown';
  const md = markdown ? markdownProse(text) : null;
  const scan = scanNotes(text, md?.verbatim ?? [], options.placeholder ?? 'TODO');
  const prose = blankNotes(md ? md.prose : text, scan);
  const blocks = md ? md.blocks.map((b) => trimBlock(prose, b)).filter((b) => b.end > b.start) : plainTextBlocks(prose);
  const sentences: Sentence[] = [];
  blocks.forEach((b, bi) => {
    const tags = tagParagraph(prose.slice(b.start, b.end));
    for (const s of splitSentences(prose, b)) {
      const tokens = tokenize(prose, s.start, s.end);
      for (const t of tokens) {
        if (!t.isWord) continue;
        const tg = tags.get(t.start - b.start);
        if (tg) t.tags = tg;
      }
      sentences.push({ ...s, index: sentences.length, block: bi, tokens });
    }
  });
  const { quotes, unbalanced } = scanQuotes(prose, blocks);
  return { text, prose, blocks, sentences, quotes, unbalanced, notes: scan.notes, ignores: scan.ignores };
}

/** Blanking notes can leave a block with leading or trailing spaces. */
function trimBlock(prose: string, b: Block): Block {
  let { start, end } = b;
  while (start < end && /\s/.test(prose[start] ?? '')) start++;
  while (end > start && /\s/.test(prose[end - 1] ?? '')) end--;
  return { start, end, kind: b.kind };
}
