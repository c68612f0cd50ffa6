// What makes a sentence check-worthy: the signals published claim spotters rely on (figures,
// amounts, dates, comparisons and superlatives, causes, named actors doing things).
import type { TokenSentence as Sentence } from './attribution/model';
import { has, isCapitalised, type Token } from './text/tokens';
import { sentenceSubject } from './attribution/frames';
import { hasProperName, speakerKind } from './attribution/phrases';
import { actionLemma } from './data/actions';

/** Why a sentence is check-worthy, e.g. `{ label: 'a figure', text: '30-day' }`. */
export interface Trigger {
  label: string;
  text: string;
  /** `a figure ("30-day")`: made once with the paragraph's analysis, read by the rule on every edit. */
  description: string;
}

const trigger = (label: string, text: string): Trigger => ({ label, text, description: `${label} ("${text}")` });

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'dozen', 'dozens', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'half', 'twice', 'triple', 'double']);
const SUPERLATIVES = new Set(['record', 'first', 'last', 'largest', 'biggest', 'highest', 'lowest', 'worst', 'best', 'most', 'least', 'only', 'unprecedented']);
const CAUSAL = [['because'], ['due', 'to'], ['led', 'to'], ['leads', 'to'], ['caused'], ['causes'], ['as', 'a', 'result'], ['resulted', 'in'], ['thanks', 'to'], ['owing', 'to']];
/** The causal phrases by their first word: one lookup per word instead of a pass over the list. */
const CAUSAL_BY_FIRST = new Map<string, string[][]>();
for (const phrase of CAUSAL) CAUSAL_BY_FIRST.set(phrase[0]!, [...(CAUSAL_BY_FIRST.get(phrase[0]!) ?? []), phrase]);
const CURRENCY = /^[$€£¥₹]$/u;

/** Bylines and credits: "By Jane Doe", "Ivan Nechepurenko contributed reporting." */
const BYLINE = /^(?:by|reporting by|written by|edited by|additional reporting by|photographs? by)\b|\bcontributed (?:the )?(?:reports?|reporting|research|to this (?:report|article|story))\b/i;

export function isByline(text: string): boolean {
  return BYLINE.test(text.trim());
}

/** The strongest reason this sentence is check-worthy, or null. */
export function claimTrigger(s: Sentence, prose: string): Trigger | null {
  const t = s.tokens;
  const at = (k: number, label: string, to = k + 1): Trigger => trigger(label, prose.slice(t[k]!.start, t[to - 1]!.end).replace(/\s+/g, ' '));
  let date: Trigger | null = null;
  let figure: Trigger | null = null;
  let amount: Trigger | null = null;
  let comparison: Trigger | null = null;
  let cause: Trigger | null = null;
  for (let k = 0; k < t.length; k++) {
    const w = t[k]!;
    if (!w.isWord) {
      if (CURRENCY.test(w.text) && /^\d/.test(t[k + 1]?.text ?? '')) amount ??= at(k, 'an amount', scaleEnd(t, k + 2));
      continue;
    }
    if (MONTHS.has(w.lower) && isCapitalised(w) && (w.lower !== 'may' || /^\d/.test(t[k + 1]?.text ?? ''))) date ??= at(k, 'a date', /^\d{1,2}$/.test(t[k + 1]?.text ?? '') ? k + 2 : k + 1);
    else if (WEEKDAYS.has(w.lower)) date ??= at(k, 'a date');
    else if (/^(?:1[89]|20)\d\d$/.test(w.text)) date ??= at(k, 'a date');
    else if (/\d/.test(w.text)) {
      if (t[k + 1]?.text === '%' || ['percent', 'per'].includes(t[k + 1]?.lower ?? '')) amount ??= at(k, 'a percentage', k + 2);
      else figure ??= at(k, 'a figure', scaleEnd(t, k + 1));
    } else if (NUMBER_WORDS.has(w.lower) && !(w.lower === 'half' && t[k - 1]?.lower === 'a')) {
      // "several hundred", "a few thousand": the quantifier belongs to the figure.
      const from = /^(?:several|few|many|some)$/.test(t[k - 1]?.lower ?? '') ? k - 1 : k;
      figure ??= at(from, 'a figure', scaleEnd(t, k + 1));
    }
    else if (has(w, 'Superlative') || (SUPERLATIVES.has(w.lower) && w.lower !== 'last' && w.lower !== 'most' && w.lower !== 'first' && w.lower !== 'only')) comparison ??= at(k, 'a superlative');
    else if ((has(w, 'Comparative') || ['more', 'less', 'fewer'].includes(w.lower)) && t[k + 1]?.lower === 'than') comparison ??= at(k, 'a comparison', k + 2);
    for (const c of CAUSAL_BY_FIRST.get(w.lower) ?? []) {
      if (c.every((word, n) => t[k + n]?.lower === word)) cause ??= at(k, 'a causal claim', k + c.length);
    }
  }
  return amount ?? figure ?? date ?? comparison ?? cause ?? namedAction(s);
}

/** "30", "million" -> covers "30 million". */
function scaleEnd(t: readonly Token[], k: number): number {
  while (t[k] && /^(?:hundred|thousand|million|billion|trillion)s?$/i.test(t[k]!.text)) k++;
  return k;
}

/** A named person or organisation doing something consequential: "Acme Corp. closed its plant". */
function namedAction(s: Sentence): Trigger | null {
  const subj = sentenceSubject(s.tokens);
  if (!subj || !hasProperName(s.tokens, subj)) return null;
  const kind = speakerKind(s.tokens, subj);
  if (kind !== 'person' && kind !== 'institution') return null;
  const verb = s.tokens.slice(subj.to, subj.to + 12).find((t) => t.isWord && actionLemma(t.text) !== null);
  if (!verb) return null;
  const who = s.tokens.slice(subj.from, subj.to);
  return trigger('a named actor doing something', `${who.map((x) => x.text).join(' ').replace(/ \. /g, '. ')} ${verb.text}`);
}
