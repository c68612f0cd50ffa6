/**
 * Finds line starts the way LSP counts lines (\n, \r\n and a lone \r; Markdown reads a lone \r
 * as a line end too). The line breaks are found once, on first use: a search back from each
 * finding is quadratic on one long line, and a scan per edit is a measurable share of an edit in
 * a long article, so the common case (no \r) uses the native indexOf.
 */
export class LineStarts {
  private breaks: number[] | undefined;

  constructor(private readonly text: string) {}

  /** The offset where the line containing `offset` starts. */
  lineStart(offset: number): number {
    const breaks = (this.breaks ??= lineBreaks(this.text));
    let lo = 0;
    let hi = breaks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 ? breaks[hi]! + 1 : 0;
  }
}

/** The offset where each line starts: 0, then the offset after every line break. */
export function lineStartOffsets(text: string): number[] {
  const starts = lineBreaks(text);
  for (let i = 0; i < starts.length; i++) starts[i]! += 1;
  starts.unshift(0);
  return starts;
}

/** Offsets of the last character of every line break. */
function lineBreaks(text: string): number[] {
  const out: number[] = [];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i);
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i);
  }
  return out;
}
