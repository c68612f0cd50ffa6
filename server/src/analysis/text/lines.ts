import { lastAtOrBefore } from './spans';

/**
 * Line starts the way LSP (and editors) count lines: a line ends at `\n`, `\r\n` or a lone `\r`
 * (Markdown reads a lone `\r` as a line end too). The one line index of the project: the
 * analyser's ignore markers, the server's document snapshots and the CLI's line and column all
 * use it. Found once, on first use, with the native indexOf when there is no `\r`: a loop over
 * every character was a measurable share of an edit in a long article.
 */
export class LineStarts {
  private offsets: number[] | undefined;
  /** The line the last lookup found: lookups come in document order, mostly on the same or the next line. */
  private recent = 0;

  constructor(readonly text: string) {}

  /** The offset where each line starts: 0, then the offset after every line break. */
  get starts(): readonly number[] {
    return (this.offsets ??= lineStartOffsets(this.text));
  }

  /** The 0-based line containing `offset` (the last line whose start is at or before it). */
  lineOf(offset: number): number {
    const starts = this.starts;
    const near = this.recent;
    if (starts[near]! <= offset) {
      if (near + 1 >= starts.length || offset < starts[near + 1]!) return near;
      if (near + 2 >= starts.length || offset < starts[near + 2]!) return (this.recent = near + 1);
    }
    return (this.recent = Math.max(0, lastAtOrBefore(starts, offset)));
  }

  /** The offset where the line containing `offset` starts. */
  lineStart(offset: number): number {
    return this.starts[this.lineOf(offset)]!;
  }
}

let latest: LineStarts | undefined;
/**
 * The line index of `text`, shared with the last caller that asked for the same text: the
 * server's snapshot of a version and the analysis of it each needed one (0.5 ms apiece per edit
 * at 100,000 words). Immutable once found, so sharing is safe.
 */
export function lineStartsOf(text: string): LineStarts {
  if (latest?.text !== text) latest = new LineStarts(text);
  return latest;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
