// Where an edit is: the lengths of the text that is the same at the start and at the end of two
// versions. Compared a block at a time with string equality (a memory compare in V8), then
// character by character within the first block that differs: 0.05 ms for two 600 KB versions
// differing in the middle, against 1-2 ms for a loop over every character.

/** The two texts agree on their first `prefix` and last `suffix` characters; the ends do not overlap. */
export interface UnchangedEnds {
  prefix: number;
  suffix: number;
}

const BLOCK = 4096;

export function unchangedEnds(before: string, after: string): UnchangedEnds {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + BLOCK <= shorter && before.slice(prefix, prefix + BLOCK) === after.slice(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The suffix stops where the prefix ends in the shorter text, so the two never overlap.
  const room = shorter - prefix;
  const b = before.length;
  const a = after.length;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(b - suffix - BLOCK, b - suffix) === after.slice(a - suffix - BLOCK, a - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(b - 1 - suffix) === after.charCodeAt(a - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
