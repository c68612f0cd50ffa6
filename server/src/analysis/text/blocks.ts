import type { Span } from '../types';
import { codeAt, type BlankedText } from './blanks';

/** A paragraph or heading of prose. */
export interface Block extends Span {
  kind: 'paragraph' | 'heading';
  /**
   * Where the block's source begins, before leading markup and blanked text (`> - \`code\` Text`
   * starts at the `\``, its prose at `Text`, possibly a line later): a factcheck-ignore marker goes
   * on the line before this offset's line.
   */
  from: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
// Line endings that close a paragraph: sentence punctuation, closing quotes and brackets.
const ENDS_SENTENCE = new Set([...'.!?:;"”’»)]'].map((c) => c.charCodeAt(0)));

/**
 * Plain-text blocks. Paragraphs are separated by blank lines; a single line break also ends a
 * paragraph when the line ends a sentence (wire copy often has one paragraph a line). A short
 * line with no final punctuation and no line break inside reads as a heading. Linear, one pass.
 */
export function plainTextBlocks(prose: BlankedText<string>): Block[] {
  const blocks: Block[] = [];
  const text = prose.source;
  const len = text.length;
  let start = -1;
  let lineStart = 0;
  while (lineStart <= len) {
    let nl = text.indexOf('\n', lineStart);
    if (nl < 0) nl = len;
    let a = lineStart;
    let b = nl;
    while (a < b && isSpace(codeAt(prose, a))) a++;
    while (b > a && isSpace(codeAt(prose, b - 1))) b--;
    if (a === b) {
      if (start >= 0) push(blocks, prose, start, lastEnd(prose, start, lineStart));
      start = -1;
    } else {
      if (start < 0) start = a;
      if (ENDS_SENTENCE.has(codeAt(prose, b - 1)) || nl === len) {
        push(blocks, prose, start, b);
        start = -1;
      }
    }
    lineStart = nl + 1;
  }
  if (start >= 0) push(blocks, prose, start, lastEnd(prose, start, len));
  return blocks;
}

function lastEnd(prose: BlankedText, from: number, to: number): number {
  while (to > from && isSpace(codeAt(prose, to - 1))) to--;
  return to;
}

function push(blocks: Block[], prose: BlankedText<string>, start: number, end: number): void {
  if (end <= start) return;
  const last = codeAt(prose, end - 1);
  const nl = prose.source.indexOf('\n', start);
  const oneLine = nl < 0 || nl >= end;
  const heading = oneLine && end - start < 80 && !ENDS_SENTENCE.has(last);
  blocks.push({ start, end, kind: heading ? 'heading' : 'paragraph', from: start });
}
