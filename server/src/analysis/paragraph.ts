// The article-wide steps for one paragraph: run-on quotes, floating quotes, names and note
// references. What crosses a paragraph's edge is carried in a small state (the speaker a floating
// quote may continue, the antecedents of pronouns), so a paragraph whose local analysis, carried
// state and note references are unchanged keeps its results from the last analysis
// (incremental.ts). Offsets are relative to the paragraph's start: results stay valid when it moves.
import type { BlockAnalysis } from './block';
import { attachFloating, type CarriedSpeaker } from './attribution/floating';
import type { RawAttribution } from './attribution/model';
import { NO_ANTECEDENTS, resolveParagraph, sameAntecedents, type Antecedents, type NameIndex } from './attribution/resolve';
import { lastStartingAt } from './text/spans';
import type { Attribution, Span } from './types';

/** The state one paragraph hands to the next. */
export interface Carry {
  speaker: CarriedSpeaker | null;
  antecedents: Antecedents;
}

export const START: Carry = { speaker: null, antecedents: NO_ANTECEDENTS };

/** What a paragraph's results depend on besides its local analysis. */
export interface ParagraphInput {
  /** The paragraph's prose (the local analysis was made from it). */
  text: string;
  /** The next paragraph opens with a quotation mark: a quote left open here runs on into it. */
  nextReopens: boolean;
  carry: Carry;
  /** The note id each sentence carries (`[^id]` after it), or null when no sentence carries one. */
  notes: readonly (string | null)[] | null;
  /** The article's names in their fullest forms (a paragraph's results change only with the names it looks up). */
  index: NameIndex;
}

/** A paragraph's article-wide results; offsets relative to the paragraph. */
export interface Staged {
  /** Sorted by quote. A floating quote's speaker may lie in an earlier paragraph (negative offsets). */
  attributions: readonly Attribution[];
  unattributed: readonly Span[];
  /** Shared with the local analysis when no quote is left dangling. */
  unbalanced: readonly Span[];
  /** The note id each sentence carries, as given in the input. */
  notes: ParagraphInput['notes'];
  /** The state handed to the next paragraph (offsets still relative to this one). */
  carry: Carry;
  /** Speakers in earlier paragraphs whose floating quotes here carry a note (their starts). */
  notedEarlier: readonly number[];
}

/** The same items in the same order (a sentence's note ids, a paragraph's noted speakers). */
export const sameItems = <T>(a: readonly T[] | null, b: readonly T[] | null): boolean =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

function sameSpeaker(a: CarriedSpeaker | null, b: CarriedSpeaker | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.sentences !== b.sentences || a.between !== b.between) return false;
  const x = a.attribution;
  const y = b.attribution;
  return (
    x.speaker!.start === y.speaker!.start && x.speaker!.end === y.speaker!.end && x.speakerText === y.speakerText && x.speakerParts === y.speakerParts &&
    x.speakerKind === y.speakerKind && x.role === y.role && x.name === y.name && x.person === y.person
  );
}

/** Do two carries hand the same state to a paragraph? */
export const sameCarry = (a: Carry, b: Carry): boolean => a === b || (sameSpeaker(a.speaker, b.speaker) && sameAntecedents(a.antecedents, b.antecedents));

/** The carry as the next paragraph, `gap` code units further on, receives it: offsets moved to its start. */
export function handOver(carry: Carry, gap: number): Carry {
  const s = carry.speaker;
  if (!s) return carry;
  const a = s.attribution;
  return { speaker: { ...s, attribution: { ...a, speaker: { start: a.speaker!.start - gap, end: a.speaker!.end - gap } } }, antecedents: carry.antecedents };
}

const NONE: readonly number[] = [];

// Typed copy: the names are filled in per analysis, so a paragraph's memoised records stay as made.
const copyRaw = (a: RawAttribution): RawAttribution => ({
  kind: a.kind,
  quote: a.quote,
  speaker: a.speaker,
  speakerText: a.speakerText,
  speakerParts: a.speakerParts,
  speakerKind: a.speakerKind,
  cue: a.cue,
  cueText: a.cueText,
  sentence: a.sentence,
  floating: a.floating,
  role: a.role,
  name: a.name,
  person: a.person,
});

/** The paragraph's article-wide results, given its local analysis and what it depends on. */
export function stageParagraph(local: BlockAnalysis, input: ParagraphInput): Staged {
  // A quote still open at the paragraph's end runs on only if the next paragraph reopens it.
  const dangling = input.nextReopens ? undefined : local.quotes.find((q) => q.runsOn);
  const isDangling = (s: Span) => !!dangling && s.start === dangling.start && s.end === dangling.end;
  let unbalanced = local.unbalanced;
  if (dangling) {
    const mark = { start: dangling.start, end: dangling.start + (/^(?:''|``)/.test(input.text.slice(dangling.start, dangling.start + 2)) ? 2 : 1) };
    unbalanced = [...unbalanced, mark].sort((a, b) => a.start - b.start);
  }
  if (local.attributions.length === 0 && local.pending.length === 0) {
    // Nothing said here: the state passes through, with this paragraph's people.
    const antecedents = resolveParagraph([], local.subjects, input.index, input.carry.antecedents);
    return { attributions: [], unattributed: [], unbalanced, notes: input.notes, carry: carryAfter(local, input.carry, [], antecedents), notedEarlier: NONE };
  }
  const raws = local.attributions.filter((a) => !isDangling(a.quote)).map(copyRaw).sort((a, b) => a.quote.start - b.quote.start);
  const pending = local.pending.filter((p) => !isDangling(p.quote));
  const { attributions, unattributed } = attachFloating(raws, pending, input.carry.speaker);
  const antecedents = resolveParagraph(attributions, local.subjects, input.index, input.carry.antecedents);

  const sentences = local.sentences;
  const sentenceAt = (offset: number): number => Math.max(0, lastStartingAt(sentences, offset));
  const noteOf = (k: number): string | null => input.notes?.[k] ?? null;
  const out: Attribution[] = [];
  let notedEarlier = NONE;
  let previousNote: string | null = null;
  for (const r of attributions) {
    const ownSpeaker = !!r.speaker && r.speaker.start >= 0 && sentenceAt(r.speaker.start) === r.sentence;
    const first = sentenceAt(Math.min(r.quote.start, ownSpeaker ? r.speaker!.start : r.quote.start));
    const last = sentenceAt(Math.max(r.quote.end, r.cue?.end ?? 0) - 1);
    // A floating quote continues the quote before it in the same paragraph, and so its source note.
    const noteId: string | null = noteOf(last) ?? (r.floating && out.length > 0 ? previousNote : null);
    previousNote = noteId;
    out.push({
      kind: r.kind,
      quote: r.quote,
      speaker: r.speaker,
      cue: r.cue,
      name: r.name,
      person: r.person,
      role: r.role || null,
      speakerKind: r.speakerKind,
      cueText: r.cueText,
      sentence: { start: sentences[first]!.start, end: sentences[last]!.end },
      noteId,
    });
    if (noteId && r.speaker && r.speaker.start < 0) notedEarlier = [...notedEarlier, r.speaker.start];
  }
  return { attributions: out, unattributed, unbalanced, notes: input.notes, carry: carryAfter(local, input.carry, attributions, antecedents), notedEarlier };
}

/** The state after the paragraph: its last attribution, or the one carried through it. */
function carryAfter(local: BlockAnalysis, carry: Carry, attributions: readonly RawAttribution[], antecedents: Antecedents): Carry {
  const n = local.sentences.length;
  const last = attributions[attributions.length - 1];
  let speaker: CarriedSpeaker | null;
  if (last) speaker = last.speaker ? { attribution: last, sentences: Math.min(4, n - last.sentence), between: 0 } : null;
  else if (carry.speaker) {
    // Too far for any floating quote to reach (a later paragraph, more than three sentences on).
    const sentences = Math.min(4, carry.speaker.sentences + n);
    speaker = sentences > 3 ? null : { attribution: carry.speaker.attribution, sentences, between: 1 };
  } else speaker = null;
  return speaker === carry.speaker && antecedents === carry.antecedents ? carry : { speaker, antecedents };
}
