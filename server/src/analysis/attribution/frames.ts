// Where the speaker and the content sit around a cue, within one sentence.
import { has, type Token } from '../text/tokens';
import { DEMAND_CUES, LISTENER_VERBS } from '../data/reportingVerbs';
import type { Cue } from './cues';
import { hasProperName, phraseAt, phraseEndingAt, type Phrase } from './phrases';

const AUXILIARIES = new Set(['however', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do', 'also', 'later', 'then', 'again', 'not', 'never', 'just', 'once', 'previously', 'recently', 'repeatedly', 'publicly', 'privately', 'reportedly', 'further', 'quickly', 'clearly', 'explicitly', 'first', 'still', 'already', 'often', 'even', 'only']);
const LEADING_CONNECTIVES = new Set(['but', 'and', 'so', 'yet', 'still', 'meanwhile', 'however', 'or']);
const CLAUSE_OPENERS = new Set(['while', 'when', 'as', 'after', 'before', 'if', 'although', 'though', 'because', 'since', 'until', 'once', 'whereas', 'unless']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there']);

/** An indirect attribution inside one sentence, as token indices. */
export interface Frame {
  cue: Cue;
  speaker: Phrase | null;
  /** Content tokens `[from, to)`. */
  content: Phrase;
  /** True when the speaker comes before the cue and the content after it. */
  forward: boolean;
  /** The piece before a parenthetical cue: "[The golf industry], she said, is doing better". */
  lead?: Phrase;
}

const isComma = (t: Token | undefined) => t?.text === ',';
const isDash = (t: Token | undefined) => t?.text === '—' || t?.text === '–';
const isVerb = (t: Token | undefined) => !!t && has(t, 'Verb') && !has(t, 'Noun') && !has(t, 'Adjective');

/** Skip auxiliaries and adverbs leftwards from `k`. */
function skipAuxLeft(tokens: readonly Token[], k: number, floor: number): number {
  while (k >= floor) {
    const t = tokens[k]!;
    if (AUXILIARIES.has(t.lower) || (has(t, 'Adverb') && !has(t, 'ProperNoun') && t.lower !== 'there')) k--;
    else break;
  }
  return k;
}

/** The grammatical subject of the sentence's main clause, skipping an opening adverbial. */
export function sentenceSubject(tokens: readonly Token[]): Phrase | null {
  return subjectAndVerb(tokens)?.subject ?? null;
}

/** The main clause's subject and the index of its verb: "Mr. Lavrov, speaking English, praised" -> praised. */
export function subjectAndVerb(tokens: readonly Token[]): { subject: Phrase; verb: number } | null {
  let i = 0;
  for (let guard = 0; guard < 3; guard++) {
    while (tokens[i] && (LEADING_CONNECTIVES.has(tokens[i]!.lower) || isComma(tokens[i]))) i++;
    const t = tokens[i];
    if (!t) return null;
    const opensAdverbial = CLAUSE_OPENERS.has(t.lower) || has(t, 'Preposition') || (has(t, 'Adverb') && !has(t, 'ProperNoun')) || has(t, 'Date') || has(t, 'Adjective');
    if (!opensAdverbial) break;
    const comma = tokens.findIndex((x, k) => k > i && k < i + 16 && isComma(x));
    if (comma < 0) return null;
    i = comma + 1;
  }
  const p = phraseAt(tokens, i);
  if (!p) return null;
  // Skip an apposition: "Mr. Lavrov, speaking English, praised ..."
  let k = p.to;
  if (isComma(tokens[k])) {
    const close = tokens.findIndex((x, n) => n > k && n < k + 14 && isComma(x));
    if (close > 0) k = close + 1;
  }
  k = skipAuxRight(tokens, k);
  return tokens[k] && has(tokens[k]!, 'Verb') ? { subject: p, verb: k } : null;
}

function skipAuxRight(tokens: readonly Token[], k: number): number {
  while (tokens[k] && (has(tokens[k]!, 'Adverb') || AUXILIARIES.has(tokens[k]!.lower)) && tokens[k + 1]?.isWord) k++;
  return k;
}

/** The subject of the cue at `cueFrom`, read leftwards: "Peskov, Mr. Putin’s spokesperson, told". */
export function subjectOf(tokens: readonly Token[], cueFrom: number, floor: number): Phrase | null {
  const k = skipAuxLeft(tokens, cueFrom - 1, floor);
  if (k < floor) return null;
  const t = tokens[k]!;
  if (t.lower === 'and' || t.lower === 'but') return sentenceSubject(tokens);
  if (isComma(t) || isDash(t)) {
    // An apposition between commas or dashes: "Jason Sims — a teacher — says".
    const same = isComma(t) ? isComma : isDash;
    let m = k - 1;
    while (m >= floor && m > k - 32 && !same(tokens[m])) m--;
    if (m < floor || !same(tokens[m])) return null;
    const head = phraseEndingAt(tokens, m - 1, floor);
    if (!head) return null;
    if (!hasProperName(tokens, head)) {
      // "A blogger, who bears the name of Alex Parker, argued": prefer the name in the apposition.
      for (let n = k - 1; n > m; n--) {
        const named = phraseEndingAt(tokens, n, m + 1);
        if (named && hasProperName(tokens, named) && named.to - named.from >= 2) return named;
      }
    }
    return head;
  }
  return phraseEndingAt(tokens, k, floor);
}

/** Where content starts after a cue: at a leading "that" when only an object and adjuncts precede it. */
function contentStart(tokens: readonly Token[], cue: Cue): number | null {
  let i = cue.to;
  if (LISTENER_VERBS.has(cue.lemma)) {
    const obj = phraseAt(tokens, i);
    if (obj && !SUBJECT_PRONOUNS.has(tokens[i]!.lower)) i = obj.to;
    else if (['him', 'her', 'them', 'us', 'me'].includes(tokens[i]?.lower ?? '')) i++;
  }
  for (let k = i; k < Math.min(tokens.length, i + 12); k++) {
    const t = tokens[k]!;
    if (t.lower === 'that') return k;
    if (SUBJECT_PRONOUNS.has(t.lower) || isVerb(t) || t.text === ';' || (t.text === ',' && k > i) || !t.isWord && t.text !== ',' && t.text !== '’') break;
  }
  while (tokens[i] && (isComma(tokens[i]) || tokens[i]!.text === ':')) i++;
  const first = tokens[i];
  if (!first) return null;
  // "asked whether the vote was fair": a question is content.
  if (cue.lemma === 'ask' && /^(?:whether|if|why|how|what|when|where|who|which)$/.test(first.lower)) return i;
  if (has(first, 'Preposition') && first.lower !== 'that') return null;
  if (first.lower === 'to' || first.lower === 'for' || first.lower === 'about' || first.lower === 'of') return null;
  return i;
}

/** Tokens `[from, to)` hold a finite verb (content), not just a role ("pro-Kremlin analyst in Moscow"). */
const CONTRACTED_VERB = /^(?:it|he|she|that|there|what|who|here|this)['’]s$|['’](?:re|ll|ve|d|m)$|n['’]t$/i;

/** `relativeStops`: a "who"/"which" before any verb means a role ("an aide who ..."), not content. */
function hasClause(tokens: readonly Token[], from: number, to: number, relativeStops = true): boolean {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (relativeStops && (t.lower === 'who' || t.lower === 'which')) return false;
    if (CONTRACTED_VERB.test(t.text)) return true;
    if (isVerb(t) && !has(t, 'Gerund') && !has(t, 'Participle')) return true;
  }
  return false;
}

/** The end of the sentence's words: drop trailing sentence punctuation but keep closing quotes. */
function contentEnd(tokens: readonly Token[], to: number): number {
  while (to > 0 && /^[.!?,;:…\-–—]$/.test(tokens[to - 1]!.text)) to--;
  return to;
}

/** A "that" within a few words, no comma between: "told journalists on Wednesday that ...". */
function thatFollows(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 10); k++) {
    const t = tokens[k]!;
    if (t.lower === 'that') return true;
    if (isComma(t) || (isVerb(t) && !has(t, 'Gerund'))) return false;
  }
  return false;
}

/**
 * The frame of one cue in a sentence, or null when the cue introduces no content here. The
 * shapes are tried in turn: "according to X", ", saying ...", inverted ("..., said X"), content
 * before the speaker ("..., the agency announced."), and the plain "X said (that) ...".
 */
export function frameOf(tokens: readonly Token[], cue: Cue): Frame | null {
  const end = contentEnd(tokens, tokens.length);
  if (cue.type === 'according') return accordingFrame(tokens, cue, end);
  if (cue.type === 'participle') {
    const from = contentStart(tokens, cue);
    return from === null || from >= end ? null : { cue, speaker: sentenceSubject(tokens), content: { from, to: end }, forward: true };
  }
  const inverted = invertedFrame(tokens, cue, end);
  if (inverted !== undefined) return inverted;
  const speaker = subjectOf(tokens, cue.from, 0);
  if (!speaker) return null;
  return trailingFrame(tokens, cue, speaker, end) ?? forwardFrame(tokens, cue, speaker, end);
}

/** "According to X, content." or "Content, according to X." */
function accordingFrame(tokens: readonly Token[], cue: Cue, end: number): Frame | null {
  let sp = phraseAt(tokens, cue.to);
  if (!sp) return null;
  // "According to the town engineer, Priya Raman, the girders ...": the name in apposition is the source.
  if (isComma(tokens[sp.to])) {
    const named = phraseAt(tokens, sp.to + 1);
    if (named && isComma(tokens[named.to]) && named.to - named.from <= 4 && hasProperName(tokens, named) && !hasProperName(tokens, sp)) sp = named;
  }
  let lead = 0;
  while (tokens[lead] && LEADING_CONNECTIVES.has(tokens[lead]!.lower)) lead++;
  if (cue.from <= lead) {
    const speakerEnd = sp.to;
    const comma = tokens.findIndex((t, k) => k >= speakerEnd && isComma(t));
    return comma > 0 && comma + 1 < end ? { cue, speaker: sp, content: { from: comma + 1, to: end }, forward: false } : null;
  }
  // "G4S receives, according to one report, $234 million ...": the content goes on after the source.
  // (Not "..., according to two people, who asked for anonymity": that clause is about the source.)
  if (isComma(tokens[cue.from - 1]) && isComma(tokens[sp.to]) && sp.to + 1 < end && !/^(?:who|whom|whose|which)$/.test(tokens[sp.to + 1]!.lower)) {
    return { cue, speaker: sp, content: { from: sp.to + 1, to: end }, forward: false, lead: { from: 0, to: cue.from - 1 } };
  }
  const to = contentEnd(tokens, cue.from);
  return to > 0 ? { cue, speaker: sp, content: { from: 0, to }, forward: false } : null;
}

/**
 * "..., said Sergei Markov, pro-Kremlin analyst." (content before) or the parenthetical
 * "Another incitement, said Markov, was to ..." (content after, with a lead piece). `undefined`
 * when the cue is not inverted at all.
 */
function invertedFrame(tokens: readonly Token[], cue: Cue, end: number): Frame | null | undefined {
  const before = skipAuxLeft(tokens, cue.from - 1, 0);
  if (before < 0 || !(isComma(tokens[before]) || tokens[before]!.text === '”') || LISTENER_VERBS.has(cue.lemma)) return undefined;
  const sp = phraseAt(tokens, cue.to);
  if (!sp || !(sp.to >= end || !tokens[sp.to]!.isWord || has(tokens[sp.to]!, 'Preposition')) || thatFollows(tokens, sp.to)) return undefined;
  // "..., says the main goal of the effort is ...": a verb right after means the phrase is the
  // content's subject, not an inverted speaker.
  if (!isComma(tokens[sp.to])) {
    let stop = sp.to;
    while (stop < end && !isComma(tokens[stop])) stop++;
    if (hasClause(tokens, sp.to, stop, false)) return undefined;
  }
  let after = sp.to;
  if (isComma(tokens[after])) after++;
  const lead = tokens.findIndex((t) => t.isWord);
  if (after < end && before - lead <= 6 && hasClause(tokens, after, end)) {
    return { cue, speaker: sp, content: { from: after, to: end }, forward: false, lead: { from: 0, to: before } };
  }
  return before > 0 ? { cue, speaker: sp, content: { from: 0, to: contentEnd(tokens, before) }, forward: false } : null;
}

/** The speaker after a comma: "..., the agency announced on Wednesday." or "Russia, he said, asked ...". */
function trailingFrame(tokens: readonly Token[], cue: Cue, speaker: Phrase, end: number): Frame | null {
  if (speaker.from === 0 || !isComma(tokens[speaker.from - 1])) return null;
  const rest = cue.to;
  if (isComma(tokens[rest]) && hasClause(tokens, rest + 1, end)) {
    return { cue, speaker, content: { from: rest + 1, to: end }, forward: false, lead: { from: 0, to: speaker.from - 1 } };
  }
  // "..., Sen. Chuck Grassley told POLITICO.": the listener is not content.
  let afterObject = rest;
  if (LISTENER_VERBS.has(cue.lemma)) afterObject = phraseAt(tokens, rest)?.to ?? rest;
  const next = tokens[afterObject];
  const intransitive = !next || !next.isWord || has(next, 'Preposition') || has(next, 'Date') || has(next, 'Adverb');
  if (!intransitive || tokens.slice(afterObject, end).some((t) => t.lower === 'that') || hasClause(tokens, afterObject, end)) return null;
  const to = contentEnd(tokens, speaker.from - 1);
  return to > 0 ? { cue, speaker, content: { from: 0, to }, forward: false } : null;
}

/** "X said (that) content" / "X told reporters on Monday that content". */
function forwardFrame(tokens: readonly Token[], cue: Cue, speaker: Phrase, end: number): Frame | null {
  const from = contentStart(tokens, cue);
  if (from === null || from >= end) return null;
  // Reported content is a clause ("that ...", "he expected ...") or has quoted words ("called the
  // deal “historic”"); a bare object is not speech ("maintained its commitment").
  const opener = tokens[from]!;
  const quoted = tokens.slice(from, end).some((t) => /^["“”«»]$/.test(t.text));
  if (opener.lower !== 'that' && !/^["“‘«']$/.test(opener.text) && !quoted && !DEMAND_CUES.has(cue.lemma) && !hasClause(tokens, from, end, false)) return null;
  return { cue, speaker, content: { from, to: end }, forward: true };
}
