// The pathological inputs of issue 6, each with a generous time bound. bench.ts runs every
// case in its own child process (pathologicalChild.ts) with a hard timeout, so a hang or a
// crash is a FAIL in the table rather than a stuck benchmark.
import type { ArticleFormat } from '../../server/src/analysis';
import { makeDocument, paragraphs } from './corpus';

export interface PathologicalCase {
  id: string;
  title: string;
  format: ArticleFormat;
  /** A generous bound on one cold analysis, in ms; the child is killed at three times this. */
  boundMs: number;
  /** Also run through analyseAsync and report the longest event-loop block (the server's view). */
  async?: boolean;
  make: () => string;
}

export interface PathologicalResult {
  id: string;
  chars: number;
  ms: number;
  findings: number;
  /** Longest event-loop block while analyseAsync ran, in ms (cases with `async`). */
  longestBlockMs?: number;
  asyncMs?: number;
  /** What was wrong with the result, if anything (offsets out of range, unsorted findings). */
  problem?: string;
}

const MB = 1024 * 1024;

/** Prose paragraphs until `chars` characters, each repeat marked so none is a cached copy. */
function prose(chars: number, separator: string): string {
  const source = paragraphs().map((p) => p.replace(/\s*\n\s*/g, ' '));
  const doc = makeDocument(source, Math.ceil(chars / 5), true);
  let text = doc.paragraphs.join(separator);
  if (text.length > chars) text = text.slice(0, text.lastIndexOf(' ', chars));
  return text + '\n';
}

function unmatchedQuotes(n: number): string {
  // Opening marks only: none of them can ever close. Reporting verbs nearby make every one a
  // candidate quotation for the attribution step.
  const opens = ['“', '«', '„', '‹', '「', '"'];
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`Official ${i} said ${opens[i % opens.length]}the plan ${i} works`);
  // The straight quotes pair up with each other; close none of the curly ones.
  return parts.join(' ') + '.\n';
}

function footnotes(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i += 10) {
    const sentences: string[] = [];
    for (let k = i; k < Math.min(n, i + 10); k++) sentences.push(`Up ${k % 97}%.[^n${k}]`);
    lines.push(sentences.join(' '));
  }
  // Half of the notes are defined, half are missing.
  const defs: string[] = [];
  for (let i = 0; i < n; i += 2) defs.push(`[^n${i}]: Source ${i}, TODO`);
  return lines.join('\n\n') + '\n\n' + defs.join('\n') + '\n';
}

function nested(depth: number): string {
  const quotes = '> '.repeat(depth) + 'The minister said that taxes rose 4 percent in 2024.\n';
  const lists: string[] = [];
  for (let d = 0; d < depth / 10; d++) lists.push(`${'  '.repeat(d)}- Officials said "level ${d}" was reached.`);
  const mixed = '> - '.repeat(depth / 5) + 'Analysts claim the figure was 12 percent.\n';
  return `${quotes}\n${lists.join('\n')}\n\n${mixed}`;
}

function punctuation(): string {
  const marks: string[] = [];
  for (let c = 0; c <= 0xffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (/\p{P}/u.test(ch)) marks.push(ch);
  }
  const sentences = marks.map((m, i) => `Officials said ${m}the plan ${i}${m} would cost $${i} million ${m} ${m}${m}${m}.`);
  const paras: string[] = [];
  for (let i = 0; i < sentences.length; i += 8) paras.push(sentences.slice(i, i + 8).join(' '));
  return `${marks.join('')}\n\n${marks.join(' ')}\n\n${paras.join('\n\n')}\n`;
}

export const CASES: readonly PathologicalCase[] = [
  { id: '5mb-article', title: '5 MB article (plain text, no paragraph repeated)', format: 'plaintext', boundMs: 120_000, async: true, make: () => prose(5 * MB, '\n\n') },
  { id: '1mb-line', title: 'a single 1 MB line', format: 'plaintext', boundMs: 60_000, make: () => prose(MB, ' ') },
  { id: 'unmatched-quotes', title: '10,000 unmatched quotation marks, one paragraph', format: 'plaintext', boundMs: 20_000, make: () => unmatchedQuotes(10_000) },
  { id: 'footnotes-md', title: '100,000 footnote references (Markdown)', format: 'markdown', boundMs: 60_000, make: () => footnotes(100_000) },
  { id: 'footnotes-txt', title: '100,000 footnote references (plain text)', format: 'plaintext', boundMs: 60_000, make: () => footnotes(100_000) },
  // Notes outside any paragraph, all on one line: each one's marker line was once looked for by reading back to the line start.
  { id: 'footnotes-line', title: '100,000 note references on one line (plain text)', format: 'plaintext', boundMs: 10_000, make: () => `${'[^a]'.repeat(100_000)}\n` },
  { id: 'nul-md', title: '1 MB of NUL bytes (Markdown)', format: 'markdown', boundMs: 10_000, make: () => '\0'.repeat(MB) },
  { id: 'nul-txt', title: '1 MB of NUL bytes (plain text)', format: 'plaintext', boundMs: 10_000, make: () => '\0'.repeat(MB) },
  { id: 'nested-md', title: 'block quotes nested 10,000 deep, lists 1,000 deep (Markdown)', format: 'markdown', boundMs: 20_000, make: () => nested(10_000) },
  { id: 'punctuation-md', title: 'every BMP punctuation character (Markdown)', format: 'markdown', boundMs: 10_000, make: punctuation },
  { id: 'punctuation-txt', title: 'every BMP punctuation character (plain text)', format: 'plaintext', boundMs: 10_000, make: punctuation },
];

/** Offsets inside the text, findings sorted: the cheap invariants a benchmark can check. */
export function check(text: string, findings: readonly { start: number; end: number }[]): string | undefined {
  let last = -1;
  for (const f of findings) {
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start <= f.end && f.end <= text.length)) return `finding [${f.start}, ${f.end}) outside the text`;
    if (f.start < last) return 'findings not sorted';
    last = f.start;
  }
  return undefined;
}
