/** A word or a punctuation mark, with offsets into the document and part-of-speech tags. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** compromise tags (`Verb`, `Person`, `Value` ...); `Punct` for punctuation; empty when untagged. */
  tags: readonly string[];
  isWord: boolean;
}

// Numbers keep their separators ("4.2", "1,500"); words keep inner apostrophes and hyphens
// ("Putin’s", "30-day"); everything else is one mark. Linear: every repeat starts with a required
// separator, so no two repeats can match the same characters.
// A plural possessive keeps its apostrophe ("Sanders’ campaign").
const TOKEN = /\p{N}+(?:[.,:/]\p{N}+)+(?:['’-][\p{L}\p{N}\p{M}]+)*|[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*(?:(?<=s)['’](?![\p{L}\p{N}]))?|[^\s\p{L}\p{N}\p{M}]/gu;

const PUNCT: readonly string[] = ['Punct'];
/** Tags of a word compromise did not tag: shared, tags are replaced, never added to. */
const UNTAGGED: readonly string[] = Object.freeze([]);

/** Is the first code unit of `text` a letter or a digit? ASCII answered by code, the rest by the Unicode classes. */
function startsWord(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /[\p{L}\p{N}]/u.test(text[0] ?? '');
}

/** Tokens of `text.slice(from, to)` with document offsets. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m.index < to) {
    const t = m[0];
    if (m.index + t.length > to) break;
    const isWord = startsWord(t);
    out.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, tags: isWord ? UNTAGGED : PUNCT, isWord });
  }
  return out;
}

export const has = (t: Token | undefined, tag: string): boolean => !!t && t.tags.includes(tag);
export const isCapitalised = (t: Token | undefined): boolean => {
  if (!t || !t.isWord) return false;
  const c = t.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(t.text);
};
