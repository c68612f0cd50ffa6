// Resolves speaker mentions to names: "Mr. Putin" -> "Vladimir V. Putin", "he" -> the last
// person named as a speaker or as a sentence's subject, "ILYA GRASHCHENKOV" -> "Ilya Grashchenkov".
import { FEMALE_TITLES, MALE_TITLES, TITLES } from '../data/names';
import { TextMemo } from '../text/memo';
import { isCapitalised, type Token } from '../text/tokens';
import { sentenceSubject } from './frames';
import { hasProperName, isProperWord, speakerKind } from './phrases';
import type { RawAttribution } from './model';

type Gender = 'male' | 'female' | 'unknown';

interface Person {
  at: number;
  name: string;
  gender: Gender;
}

/** Title-case a name written in capitals; leave mixed case alone. */
function normaliseCase(word: string): string {
  return word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word) ? word[0] + word.slice(1).toLowerCase() : word;
}

const stripPossessive = (w: string) => w.replace(/['’]s$|['’]$/u, '');

/** "Mr. Putin’s" -> { words: ["Putin"], gender: male, key: "putin" }. Shared by every caller: read only. */
export interface NameParts {
  readonly words: readonly string[];
  /** The words joined by spaces, made once: the name shown when the article gives no fuller form. */
  readonly joined: string;
  readonly gender: Gender;
  /** The surname lower-cased ('' when there is no word): the name index's key. */
  readonly key: string;
}

// Mentions repeat across an article and across edits ("Mr. Putin"): their parts are memoised.
const partsMemo = new TextMemo<NameParts>(50_000);
export function nameParts(text: string): NameParts {
  return partsMemo.get(text, computeNameParts);
}

function computeNameParts(text: string): NameParts {
  const raw = text.split(/\s+/).map((w) => w.replace(/[.,;:]+$/u, '')).filter((w) => w !== '');
  let gender: Gender = 'unknown';
  const words: string[] = [];
  for (const w of raw) {
    const lower = w.toLowerCase();
    if (MALE_TITLES.has(lower)) gender = 'male';
    if (FEMALE_TITLES.has(lower)) gender = 'female';
    if (TITLES.has(lower) && words.length === 0) continue;
    if (['the', 'a', 'an'].includes(lower) && words.length === 0) continue;
    words.push(normaliseCase(stripPossessive(w)));
  }
  // A trailing "of Russia" is not part of the name.
  const of = words.findIndex((w, i) => i > 0 && w.toLowerCase() === 'of');
  const named = of >= 2 && words.slice(0, of).every((w) => /^\p{Lu}/u.test(w)) ? words.slice(0, of) : words;
  // "Council member Tom Reyes" -> "Tom Reyes": the name is the last run of capitalised words.
  let k = named.length;
  while (k > 0 && /^\p{Lu}/u.test(named[k - 1]!)) k--;
  const run = named.slice(k);
  const name = run.length > 0 && k > 0 ? run.filter((w, i) => i > 0 || !TITLES.has(w.toLowerCase())) : named;
  return { words: name, joined: name.join(' '), gender, key: (name[name.length - 1] ?? '').toLowerCase() };
}

/**
 * A capitalised run that may be a name, "President Vladimir V Putin": key "putin", 3 words,
 * shown as "Vladimir V. Putin". Built once per paragraph, so an edit does no string work on names.
 */
export interface NameRun {
  /** The surname, lower-cased. */
  key: string;
  words: number;
  shown: string;
  gender: Gender;
}

/** A named person acting as a sentence's subject, an antecedent for "he" and "she". */
export interface PersonSubject {
  at: number;
  parts: NameParts;
}

/** The capitalised runs of one sentence that look like names (two words, or one tagged Person). */
export function nameRuns(toks: readonly Token[]): NameRun[] {
  const runs: NameRun[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!isCapitalised(toks[i])) continue;
    let j = i;
    while (j < toks.length && (isCapitalised(toks[j]) || (toks[j]!.text === '.' && /^\p{Lu}\p{Ll}{0,2}$/u.test(toks[j - 1]?.text ?? '')))) j++;
    const run = toks.slice(i, j).filter((t) => t.isWord);
    i = j;
    while (run.length > 0 && (run[0]!.tags.some((g) => g === 'Conjunction' || g === 'Preposition' || g === 'Determiner' || g === 'Adverb' || g === 'Pronoun') || (!isProperWord(run[0]) && !TITLES.has(run[0]!.lower)))) run.shift();
    if (run.length < 2 && !run.some((t) => t.tags.includes('Person'))) continue;
    const { words, gender, key } = nameParts(run.map((t) => t.text).join(' '));
    if (words.length > 0) runs.push({ key, words: words.length, shown: words.join(' ').replace(/ (\p{Lu}) /gu, ' $1. '), gender });
  }
  return runs;
}

/** The sentence's subject when it is a named person. */
export function personSubject(toks: readonly Token[]): PersonSubject | null {
  const subj = sentenceSubject(toks);
  if (!subj || speakerKind(toks, subj) !== 'person' || !hasProperName(toks, subj)) return null;
  return { at: toks[subj.from]!.start, parts: nameParts(toks.slice(subj.from, subj.to).map((t) => t.text).join(' ').replace(/ \. /g, '. ')) };
}

/** The fullest form of a name seen in the article; `words` counts its words. */
export interface KnownName {
  name: string;
  words: number;
  gender: Gender;
}

/** Index every run by surname, keeping the fullest form; paragraph by paragraph, in order. */
function nameIndex(runsByBlock: readonly (readonly NameRun[])[]): Map<string, KnownName> {
  const index = new Map<string, KnownName>();
  for (const runs of runsByBlock) for (const { key, words, shown, gender } of runs) {
    const prev = index.get(key);
    if (!prev) index.set(key, { name: shown, words, gender });
    else if (words > prev.words) {
      prev.name = shown;
      prev.words = words;
      if (gender !== 'unknown') prev.gender = gender;
    } else if (gender !== 'unknown' && prev.gender === 'unknown') prev.gender = gender;
  }
  return index;
}

const sameRuns = (a: readonly NameRun[], b: readonly NameRun[]): boolean =>
  a === b || (a.length === b.length && a.every((r, i) => r.key === b[i]!.key && r.words === b[i]!.words && r.shown === b[i]!.shown && r.gender === b[i]!.gender));

// The last index built and the paragraphs' runs it was built from. Typing rarely changes a name,
// so after an edit the runs of every paragraph usually compare equal and the index is reused
// (building it walked every name of the article on every edit). Read only once built.
let lastIndex: { runsByBlock: readonly (readonly NameRun[])[]; index: Map<string, KnownName> } | undefined;
/** The article's name index, rebuilt only when some paragraph's names changed. */
export function articleNameIndex(runsByBlock: readonly (readonly NameRun[])[]): NameIndex {
  const last = lastIndex;
  if (last && last.runsByBlock.length === runsByBlock.length && runsByBlock.every((runs, i) => sameRuns(runs, last.runsByBlock[i]!))) return last.index;
  const index = nameIndex(runsByBlock);
  lastIndex = { runsByBlock, index };
  return index;
}

/** The surnames whose entry differs between two name indexes (added, removed or changed). */
export function changedNames(before: NameIndex, after: NameIndex): Set<string> {
  const out = new Set<string>();
  for (const [key, a] of before) {
    const b = after.get(key);
    if (!b || a.name !== b.name || a.words !== b.words || a.gender !== b.gender) out.add(key);
  }
  for (const key of after.keys()) if (!before.has(key)) out.add(key);
  return out;
}

/** Does the paragraph look up any of `keys` when its names are resolved (speakers and subjects)? */
export function looksUpAny(attributions: readonly RawAttribution[], subjects: readonly PersonSubject[], keys: ReadonlySet<string>): boolean {
  return attributions.some((a) => a.speakerParts !== null && keys.has(a.speakerParts.key)) || subjects.some((s) => keys.has(s.parts.key));
}

/** Forget the last name index (cold-start measurements). */
export function clearNameIndex(): void {
  lastIndex = undefined;
}

/** The name index of an article: the fullest form of each surname. */
export type NameIndex = ReadonlyMap<string, KnownName>;

/** A person a pronoun may stand for; `order` places it among the others (later is larger). */
interface Antecedent {
  readonly order: number;
  readonly name: string;
}

/**
 * The antecedents for pronouns where a paragraph starts: the last person named (by gender) and
 * the last group that spoke. Carried from paragraph to paragraph; compared by value.
 */
export interface Antecedents {
  readonly male: Antecedent | null;
  readonly female: Antecedent | null;
  readonly any: Antecedent | null;
  readonly group: string | null;
}

export const NO_ANTECEDENTS: Antecedents = { male: null, female: null, any: null, group: null };

const sameAntecedent = (a: Antecedent | null, b: Antecedent | null): boolean => a === b || (!!a && !!b && a.order === b.order && a.name === b.name);
export const sameAntecedents = (a: Antecedents, b: Antecedents): boolean =>
  a === b || (a.group === b.group && sameAntecedent(a.male, b.male) && sameAntecedent(a.female, b.female) && sameAntecedent(a.any, b.any));

/**
 * The state handed to the next paragraph: the same people, ordered among themselves by -3..-1
 * (ties kept) so that the state compares equal wherever the paragraph sits in the article.
 */
function handedOn(male: Antecedent | null, female: Antecedent | null, any: Antecedent | null, group: string | null): Antecedents {
  const a = male?.order;
  const b = female?.order;
  const c = any?.order;
  // -1 for the latest, -2 for the one before ...: one less for each distinct later order.
  const rank = (p: Antecedent | null): Antecedent | null => {
    if (!p) return null;
    const x = p.order;
    const later = (a !== undefined && a > x ? 1 : 0) + (b !== undefined && b > x && b !== a ? 1 : 0) + (c !== undefined && c > x && c !== a && c !== b ? 1 : 0);
    return { order: -1 - later, name: p.name };
  };
  return { male: rank(male), female: rank(female), any: rank(any), group };
}

/**
 * Fill in `name` and `person` for the attributions of one paragraph (sorted by quote), in place:
 * the caller made them for this analysis. An attribution continuing a speaker from an earlier
 * paragraph (its speaker starts before the paragraph) arrives resolved and is left alone.
 * `carried` are the pronouns' antecedents where the paragraph starts; the result, where it ends.
 */
export function resolveParagraph(raws: RawAttribution[], subjects: readonly PersonSubject[], index: NameIndex, carried: Antecedents): Antecedents {
  if (raws.length === 0 && subjects.length === 0) return carried;
  /** The fuller form the article gives the name elsewhere, if any. */
  const fuller = ({ words, key }: NameParts): KnownName | undefined => {
    const known = index.get(key);
    return known && known.words >= words.length ? known : undefined;
  };
  const fullName = (parts: NameParts): string => fuller(parts)?.name ?? parts.joined;
  /** A person named at `at`, with the gender the mention or the fuller form gives. */
  const person = (at: number, parts: NameParts): Person => {
    const known = fuller(parts);
    return { at, name: known?.name ?? parts.joined, gender: parts.gender === 'unknown' && known ? known.gender : parts.gender };
  };
  const local = raws.filter((r) => !r.speaker || r.speaker.start >= 0);
  // A capitalised speaker that the article also names elsewhere is a person ("Trump said", where
  // compromise reads a sentence-initial "Trump" as a verb).
  const known = (r: RawAttribution) => /^\p{Lu}/u.test(r.speakerText) && index.has(r.speakerParts!.key);
  for (const r of local) if (r.speakerKind === 'unknown' && r.speaker && known(r)) r.speakerKind = 'person';
  // Antecedents for pronouns: named people who speak or act as a sentence's subject.
  const people: Person[] = subjects.map((p) => person(p.at, p.parts));
  for (const r of local) {
    if (r.speaker && r.speakerKind === 'person') people.push(person(r.speaker.start, r.speakerParts!));
  }
  people.sort((a, b) => a.at - b.at);
  const groups = local.filter((r) => r.speaker && (r.speakerKind === 'institution' || r.speakerKind === 'vague' || r.speakerKind === 'anonymous')).sort((a, b) => a.speaker!.start - b.speaker!.start);
  // Walk speakers in order with pointers into the antecedent lists (linear, not a search each).
  const order = local.filter((r) => r.speaker).sort((a, b) => a.speaker!.start - b.speaker!.start);
  const antecedent = new Map<RawAttribution, string | null>();
  let pi = 0;
  let gi = 0;
  let { male, female, any, group } = carried;
  const latest = (a: Antecedent | null, b: Antecedent | null) => (!a ? b : !b ? a : a.order > b.order ? a : b);
  const advance = (before: number) => {
    while (pi < people.length && people[pi]!.at < before) {
      const p = people[pi++]!;
      const named = { order: p.at, name: p.name };
      if (p.gender === 'male') male = named;
      else if (p.gender === 'female') female = named;
      else any = named;
    }
    while (gi < groups.length && groups[gi]!.speaker!.start < before) group = groups[gi++]!.speakerText;
  };
  for (const r of order) {
    advance(r.speaker!.start);
    if (r.speakerKind !== 'pronoun') continue;
    const p = r.speakerText.toLowerCase();
    if (p === 'he') antecedent.set(r, latest(male, any)?.name ?? null);
    else if (p === 'she') antecedent.set(r, latest(female, any)?.name ?? null);
    else if (p === 'they' || p === 'it') antecedent.set(r, group);
  }
  advance(Infinity);

  for (const r of local) {
    if (!r.speaker) {
      r.name = r.person = null;
      continue;
    }
    switch (r.speakerKind) {
      case 'person': {
        const full = fullName(r.speakerParts!);
        r.name = r.role ? `${full}, ${r.role}` : full;
        r.person = full;
        break;
      }
      case 'pronoun':
        r.name = r.person = antecedent.get(r) ?? null;
        break;
      default:
        r.name = r.person = groupName(r.speakerText);
    }
  }
  return pi === 0 && gi === 0 ? carried : handedOn(male, female, any, group);
}

// Group and institution speakers repeat across an article and across edits: their names are memoised.
const groupNames = new TextMemo<string>(10_000);
/** "The council," opening a sentence is "the council" anywhere else. */
const groupName = (speakerText: string): string =>
  groupNames.get(speakerText, (text) => text.replace(/[,;:]+$/u, '').replace(/^(The|A|An) (?=\p{Ll})/u, (m) => m.toLowerCase()));
