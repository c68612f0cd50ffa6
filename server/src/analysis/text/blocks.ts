import type { Span } from '../types';

/** A paragraph or heading of prose. */
export interface Block extends Span {
  kind: 'paragraph' | 'heading';
}

/**
 * Plain-text blocks. Paragraphs are separated by blank lines; a single line break also ends a
 * paragraph when the line ends a sentence (wire copy often has one paragraph a line). A short
 * line with no final punctuation followed by a blank line reads as a heading.
 */
export function plainTextBlocks(prose: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let lineStart = 0;
  const len = prose.length;
  const close = (end: number) => {
    if (start >= 0) {
      let e = end;
      while (e > start && /\s/.test(prose[e - 1] ?? '')) e--;
      if (e > start) blocks.push({ start, end: e, kind: 'paragraph' });
    }
    start = -1;
  };
  for (let i = 0; i <= len; i++) {
    if (i < len && prose[i] !== '\n') continue;
    // line is [lineStart, i)
    const line = prose.slice(lineStart, i);
    const trimmed = line.trim();
    if (trimmed === '') {
      close(lineStart);
    } else {
      if (start < 0) start = lineStart + (line.length - line.trimStart().length);
      if (/[.!?:;"”’»)\]]\s*$/.test(trimmed) || i === len) close(i);
    }
    lineStart = i + 1;
  }
  close(len);
  for (const b of blocks) {
    const t = prose.slice(b.start, b.end);
    if (t.length < 80 && !/[.!?:;"”]$/.test(t) && !t.includes('\n')) b.kind = 'heading';
  }
  return blocks;
}
