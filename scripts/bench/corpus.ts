// Benchmark documents, built at run time from the project's example articles and the PolNeAR
// texts in ../shared (never committed): paragraphs cycled until the word count is reached.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const POLNEAR = join(REPO, '..', 'shared', 'corpus', 'polnear-train');

/** Words as the benchmark counts them: runs of non-space characters. */
export function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The .txt articles of the PolNeAR folder, sorted by name. */
export function polnearFiles(): string[] {
  if (!existsSync(POLNEAR)) return [];
  return readdirSync(POLNEAR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(POLNEAR, f));
}

/**
 * The paragraphs to cycle: the example articles first (examples/*.md, *.txt), then every PolNeAR
 * text. Paragraphs are separated by blank lines in all of them.
 */
export function paragraphs(): string[] {
  const examples = join(REPO, 'examples');
  const files = [
    ...(existsSync(examples) ? readdirSync(examples).filter((f) => /\.(md|txt)$/.test(f)).sort().map((f) => join(examples, f)) : []),
    ...polnearFiles(),
  ];
  const out: string[] = [];
  for (const f of files) {
    for (const p of readFileSync(f, 'utf8').replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
      const t = p.trim();
      if (t) out.push(t);
    }
  }
  if (out.length === 0) throw new Error(`no paragraphs: neither examples/ nor ${POLNEAR} has articles`);
  return out;
}

/** A plain-text document of at least `words` words: paragraphs cycled, one blank line between. */
export interface BenchDocument {
  words: number;
  text: string;
  /** Each paragraph's start offset in `text`. */
  starts: number[];
  paragraphs: string[];
}

/**
 * Builds a document of `words` words. With `unique`, each repeated paragraph gets a distinct
 * marker word, so no paragraph's analysis can be reused from another within the document.
 */
export function makeDocument(source: readonly string[], words: number, unique = false): BenchDocument {
  const paras: string[] = [];
  const starts: number[] = [];
  let n = 0;
  let at = 0;
  for (let i = 0; n < words; i++) {
    const round = Math.floor(i / source.length);
    let p = source[i % source.length]!;
    if (unique && round > 0) p = `${p} (r${round})`;
    paras.push(p);
    starts.push(at);
    at += p.length + 2;
    n += countWords(p);
  }
  return { words: n, text: paras.join('\n\n') + '\n', starts, paragraphs: paras };
}
