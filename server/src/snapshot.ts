// One version of a document, as analysed: the text an analysis's offsets refer to, with LSP
// positions. TextDocument.create would do, but it indexes lines with a loop over every character
// (2 ms of every edit at 100,000 words); this uses the analyser's line index, which finds line
// breaks with indexOf (analysis/text/lines.ts). Positions follow TextDocument exactly (test/unit/snapshot.test.ts).
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStartsOf, type LineStarts } from './analysis/text/lines';

const isLineBreak = (c: number): boolean => c === 10 || c === 13;

export class DocumentSnapshot implements TextDocument {
  private readonly lineIndex: LineStarts;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly content: string,
  ) {
    this.lineIndex = lineStartsOf(content);
  }

  get lineCount(): number {
    return this.lines().length;
  }

  getText(range?: Range): string {
    return range ? this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.content.length), 0);
    const line = this.lineIndex.lineOf(at);
    const start = this.lines()[line]!;
    return { line, character: this.beforeLineBreak(at, start) - start };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.content.length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line]!;
    if (position.character <= 0) return lineStart;
    const nextLineStart = position.line + 1 < lines.length ? lines[position.line + 1]! : this.content.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.length) {
      const last = lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - lines[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lines[line]!;
    const next = line + 1 < lines.length ? lines[line + 1]! : this.content.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lines();
    if (line >= lines.length || line < 0) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.content.length;
    return this.content.substring(this.beforeLineBreak(next, lines[line]!), next);
  }

  private lines(): readonly number[] {
    return this.lineIndex.starts;
  }

  /** A position past a line's end (or inside its \r\n) is read as the end of the line. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.content.charCodeAt(at - 1))) at--;
    return at;
  }
}
