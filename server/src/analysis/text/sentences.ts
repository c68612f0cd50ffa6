import type { Span } from '../types';
import { ABBREVIATIONS } from '../data/names';

// `“Is it over?” Smith asked.`: a name and a reporting verb right after a closing quote continue the sentence.
const CUE_AFTER_QUOTE = /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:said|says|asked|asks|told|added|wrote|replied|tweeted|explained|noted|continued|recalled|insisted|argued|warned|shouted|answered)\b/u;
const CLOSERS = '"”’»)]\'';
const OPENERS = '"“‘«(\'[';

/**
 * Sentence spans inside one block of prose. A boundary is a `.`, `!`, `?` or `…` (plus closing
 * quotes or brackets) followed by space and a capital, digit or opening quote, unless the word
 * before the period is an abbreviation (`Mr.`), an initial (`S.`) or dotted letters (`U.S.`).
 */
export function splitSentences(prose: string, block: Span): Span[] {
  const out: Span[] = [];
  let start = skipSpace(prose, block.start, block.end);
  let i = start;
  while (i < block.end) {
    const c = prose[i];
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i + 1;
      while (j < block.end && (prose[j] === '.' || prose[j] === '!' || prose[j] === '?')) j++;
      while (j < block.end && CLOSERS.includes(prose[j] ?? '')) j++;
      const next = skipSpace(prose, j, block.end);
      const quoteThenCue = j > i + 1 && CLOSERS.includes(prose[j - 1] ?? '') && CUE_AFTER_QUOTE.test(prose.slice(j, j + 80));
      if (next > j && next < block.end && startsSentence(prose[next] ?? '') && !(c === '.' && isAbbreviation(prose, i, block.start)) && !quoteThenCue) {
        out.push({ start, end: j });
        start = next;
        i = next;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  let end = block.end;
  while (end > start && /\s/.test(prose[end - 1] ?? '')) end--;
  if (end > start) out.push({ start, end });
  return out;
}

function skipSpace(s: string, i: number, end: number): number {
  while (i < end && /\s/.test(s[i] ?? '')) i++;
  return i;
}

function startsSentence(c: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(c) || OPENERS.includes(c);
}

/** The word ending at the period at `dot`: `Mr`, `S`, `U.S` ... */
function isAbbreviation(s: string, dot: number, from: number): boolean {
  let k = dot;
  while (k > from && /[\p{L}.]/u.test(s[k - 1] ?? '')) k--;
  const word = s.slice(k, dot);
  if (word === '') return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "Dmitri S. Peskov"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // dotted letters: "U.S"
  return ABBREVIATIONS.has(word.toLowerCase());
}
