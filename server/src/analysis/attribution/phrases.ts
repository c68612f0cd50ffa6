import { COLLECTIVE_NOUNS, ANONYMOUS_HEADS, VAGUE_QUANTIFIERS } from '../data/sources';
import { INSTITUTION_HEADS, PRONOUNS, TITLES } from '../data/names';
import type { SpeakerKind } from '../types';
import { has, isCapitalised, type Token } from '../text/tokens';

/** A noun phrase as token indices `[from, to)`. */
export interface Phrase {
  from: number;
  to: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'some', 'many', 'several', 'two', 'three', 'four', 'five', 'both', 'all', 'most', 'one', 'another', 'other', 'few', 'this', 'that', 'these', 'those', 'each', 'every', 'no', 'any']);
const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'multiple', 'other', 'another']);
const STOP_WORDS = new Set(['and', 'or', 'but', 'that', 'which', 'who', 'whom', 'whose', 'while', 'when', 'where', 'if', 'as', 'because', 'then', 'so', 'also', 'not', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'after', 'before', 'during', 'than', 'into', 'over', 'under', 'since', 'until', 'although', 'though', 'however', 'there', 'here', 'said', 'says', 'told', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do']);
/** Heads that take a "familiar with the matter" style complement. */
const COMPLEMENT_HEADS = new Set(['people', 'person', 'officials', 'official', 'sources', 'source', 'aides', 'aide', 'diplomats', 'diplomat', 'insiders', 'individuals']);
const COMPLEMENTS = [['familiar', 'with'], ['close', 'to'], ['briefed', 'on'], ['knowledgeable', 'about'], ['involved', 'in']];

/**
 * A capitalised word that is a name, not a capitalised common noun opening a sentence
 * ("Analysts claim"). Mid-sentence capitals are names; at the start compromise's tags decide.
 */
export function isProperWord(t: Token | undefined, sentenceInitial = true): boolean {
  if (!t || !isCapitalised(t) || TITLES.has(t.lower)) return false;
  if (!sentenceInitial && !isFunctionWord(t)) return true;
  return has(t, 'ProperNoun') || has(t, 'Person') || has(t, 'Organization') || has(t, 'Place') || /^\p{Lu}[\p{Lu}\-’']+$/u.test(t.text) || t.tags.length === 0;
}

/** Is token `k` the first word of its sentence (possibly after an opening quote)? */
const initialAt = (tokens: readonly Token[], k: number) => tokens.findIndex((t) => t.isWord) === k;

const isFunctionWord = (t: Token) => STOP_WORDS.has(t.lower) || has(t, 'Preposition') || has(t, 'Conjunction');
const isTitleAbbrev = (t: Token | undefined) => !!t && TITLES.has(t.lower);
const isInitial = (t: Token | undefined) => !!t && /^\p{Lu}$/u.test(t.text);

/** A word that can sit inside a noun phrase. */
function nominal(t: Token): boolean {
  if (!t.isWord) return false;
  if (PRONOUNS.has(t.lower)) return false;
  if (isCapitalised(t)) return !(isFunctionWord(t) || has(t, 'Determiner') || (has(t, 'Adverb') && !has(t, 'ProperNoun')) || (has(t, 'Verb') && !has(t, 'Noun')));
  if (isFunctionWord(t) || has(t, 'Verb') || has(t, 'Adverb') || has(t, 'Pronoun')) return false;
  return has(t, 'Noun') || has(t, 'Adjective') || has(t, 'Value') || t.tags.length === 0;
}

/** "the transport ministry": a base-form word the pre-tagger read as a verb, between a determiner and a noun. */
function nounModifier(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  if (!t || !prev || !next || !t.isWord || !(has(t, 'Infinitive') || has(t, 'PresentTense'))) return false;
  return (DETERMINERS.has(prev.lower) || has(prev, 'Adjective') || has(prev, 'Possessive') || has(prev, 'ProperNoun') || (has(prev, 'Noun') && !has(prev, 'Pronoun'))) && next.isWord && nominal(next);
}

/** The noun phrase starting at token `i` ("Samuel Charap", "the Russian foreign intelligence agency"), or null. */
export function phraseAt(tokens: readonly Token[], i: number): Phrase | null {
  const first = tokens[i];
  if (!first || !first.isWord) return null;
  if (PRONOUNS.has(first.lower) && first.lower !== 'who') return { from: i, to: i + 1 };
  let j = i;
  if (DETERMINERS.has(first.lower) || has(first, 'Value')) j++;
  // "some of them", "many of those"
  if (j > i && tokens[j]?.lower === 'of' && ['them', 'those', 'us'].includes(tokens[j + 1]?.lower ?? '')) return { from: i, to: j + 2 };
  let last = -1;
  for (let n = 0; j < tokens.length && n < 12; n++) {
    const t = tokens[j]!;
    if (t.text === '.' && (isTitleAbbrev(tokens[j - 1]) || isInitial(tokens[j - 1])) && isCapitalised(tokens[j + 1])) { j++; continue; }
    if (t.lower === 'of' && last >= 0 && isCapitalised(tokens[last]) && (isCapitalised(tokens[j + 1]) || (tokens[j + 1]?.lower === 'the' && isCapitalised(tokens[j + 2])))) { j++; continue; }
    if (t.lower === 'the' && tokens[j - 1]?.lower === 'of') { j++; continue; }
    if (!nominal(t) && !nounModifier(tokens, j)) break;
    // "people familiar with the matter": the complement is read below.
    if (last >= 0 && COMPLEMENT_HEADS.has(tokens[last]!.lower) && COMPLEMENTS.some(([a, b]) => t.lower === a && tokens[j + 1]?.lower === b)) break;
    last = j;
    j++;
  }
  if (last < 0) return null;
  let to = last + 1;
  const head = tokens[last]!.lower;
  if (COMPLEMENT_HEADS.has(head)) {
    for (const [a, b] of COMPLEMENTS) {
      if (tokens[to]?.lower === a && tokens[to + 1]?.lower === b) {
        const inner = phraseAt(tokens, to + 2);
        if (inner) to = inner.to;
        break;
      }
    }
  }
  return { from: i, to };
}

/** The noun phrase ending at token `j` (inclusive), read leftwards: "Dmitri S. Peskov", "the Kremlin". */
export function phraseEndingAt(tokens: readonly Token[], j: number, floor = 0): Phrase | null {
  // "Gov. Mary Fallin (R-Okla.) said": step over a short parenthesis after the name.
  if (tokens[j]?.text === ')') {
    let k = j - 1;
    while (k >= floor && k > j - 10 && tokens[k]!.text !== '(') k--;
    if (k >= floor && tokens[k]!.text === '(') j = k - 1;
  }
  const last = tokens[j];
  if (!last || !last.isWord) return null;
  if (PRONOUNS.has(last.lower)) {
    return last.lower === 'who' ? null : { from: j, to: j + 1 };
  }
  if (['them', 'those'].includes(last.lower) && tokens[j - 1]?.lower === 'of' && DETERMINERS.has(tokens[j - 2]?.lower ?? '')) return { from: j - 2, to: j + 1 };
  // "biofuels advocates say": a plural noun the pre-tagger read as a verb, right before the cue.
  // "The campaign says": a base-form word after a determiner is a noun, whatever the pre-tagger says.
  const prev = j - 1 >= floor ? tokens[j - 1] : undefined;
  const pluralHead = /s$/.test(last.lower) && has(last, 'Verb') && !!prev && nominal(prev);
  const nounAfterDeterminer = !!prev && has(last, 'Verb') && (DETERMINERS.has(prev.lower) || has(prev, 'Possessive')) && !PRONOUNS.has(last.lower);
  if (!nominal(last) && !pluralHead && !nounAfterDeterminer) return null;
  let i = j;
  for (let k = j - 1; k >= floor; k--) {
    const t = tokens[k]!;
    if (t.text === '.' && (isTitleAbbrev(tokens[k - 1]) || isInitial(tokens[k - 1]))) continue;
    if (t.lower === 'of' && isCapitalised(tokens[k + 1]) && k - 1 >= floor && isCapitalised(tokens[k - 1])) continue;
    if (t.lower === 'the' && tokens[k - 1]?.lower === 'of') continue;
    if (DETERMINERS.has(t.lower) || (has(t, 'Value') && !isCapitalised(t))) { i = k; break; }
    if (!nominal(t) && !nounModifier(tokens, k)) break;
    i = k;
  }
  while (i <= j && tokens[i]?.text === '.') i++;
  if (i > j) return null;
  // "a person familiar with the talks": the phrase found is the complement; take its head too.
  for (const [a, b] of COMPLEMENTS) {
    if (tokens[i - 2]?.lower === a && tokens[i - 1]?.lower === b && i - 3 >= floor) {
      const head = phraseEndingAt(tokens, i - 3, floor);
      if (head && COMPLEMENT_HEADS.has(tokens[i - 3]!.lower)) return { from: head.from, to: j + 1 };
    }
  }
  return { from: i, to: j + 1 };
}

/** What kind of source a phrase names. */
export function speakerKind(tokens: readonly Token[], p: Phrase): SpeakerKind {
  const words = tokens.slice(p.from, p.to).filter((t) => t.isWord);
  const named = tokens.slice(p.from, p.to).some((t, n) => t.isWord && isProperWord(t, initialAt(tokens, p.from + n)) && !has(t, 'Demonym') && !DETERMINERS.has(t.lower));
  const first = words[0];
  const head = words[words.length - 1];
  if (!first || !head) return 'unknown';
  if (words.length === 1 && PRONOUNS.has(first.lower)) return 'pronoun';
  const lowerWords = words.map((t) => t.lower);
  if (lowerWords.includes('familiar') || lowerWords.includes('anonymity')) return 'anonymous';
  if (!named && ANONYMOUS_HEADS.has(head.lower)) return 'anonymous';
  // "a White House official", "one Trump campaign source": indefinite, so unnamed whatever the modifiers.
  if (ANONYMOUS_HEADS.has(head.lower) && !isCapitalised(head) && INDEFINITE.has(first.lower)) return 'anonymous';
  if (!named && (COLLECTIVE_NOUNS.has(head.lower) || VAGUE_QUANTIFIERS.has(first.lower) || lowerWords.includes('them'))) return 'vague';
  if (INSTITUTION_HEADS.has(head.lower) || has(head, 'Organization') || has(head, 'Place') || has(head, 'Country')) return 'institution';
  if (named) return 'person';
  return 'unknown';
}

/** Does the phrase carry a proper name (not just a title or a determiner)? */
export function hasProperName(tokens: readonly Token[], p: Phrase): boolean {
  return tokens.slice(p.from, p.to).some((t, n) => t.isWord && isProperWord(t, initialAt(tokens, p.from + n)) && !DETERMINERS.has(t.lower) && !isFunctionWord(t));
}
