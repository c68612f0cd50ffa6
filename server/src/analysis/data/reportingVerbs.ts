/**
 * Reporting verbs: the cues that introduce speech. Each entry lists a lemma's forms.
 * Sources: the verb lists of published quote attributors (SFU Gender Gap Tracker, Stanford
 * CoreNLP's quote attributor) and the cue frequencies of PolNeAR's train split as summarised in
 * the project's notes (said 3968, says 415, told 387, added 200, wrote 195 ...). Cognition verbs
 * (think, believe, hope, expect) are left out on purpose: they attribute beliefs, not speech; and
 * "address", "provide" were dropped by published allow-lists as too noisy.
 */
export const REPORTING_VERBS: readonly string[][] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['add', 'adds', 'added', 'adding'],
  ['write', 'writes', 'wrote', 'writing'],
  ['ask', 'asks', 'asked', 'asking'],
  ['note', 'notes', 'noted', 'noting'],
  ['report', 'reports', 'reported', 'reporting'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['continue', 'continues', 'continued'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['urge', 'urges', 'urged', 'urging'],
  ['recall', 'recalls', 'recalled', 'recalling'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['respond', 'responds', 'responded', 'responding'],
  ['warn', 'warns', 'warned', 'warning'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['deny', 'denies', 'denied', 'denying'],
  ['state', 'states', 'stated', 'stating'],
  ['mention', 'mentions', 'mentioned', 'mentioning'],
  ['comment', 'comments', 'commented', 'commenting'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['promise', 'promises', 'promised', 'promising'],
  ['vow', 'vows', 'vowed', 'vowing'],
  ['reply', 'replies', 'replied', 'replying'],
  ['remark', 'remarks', 'remarked', 'remarking'],
  ['indicate', 'indicates', 'indicated', 'indicating'],
  ['assert', 'asserts', 'asserted', 'asserting'],
  ['contend', 'contends', 'contended', 'contending'],
  ['maintain', 'maintains', 'maintained'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasised'],
  ['observe', 'observes', 'observed'],
  ['testify', 'testifies', 'testified', 'testifying'],
  ['complain', 'complains', 'complained', 'complaining'],
  ['boast', 'boasts', 'boasted', 'boasting'],
  ['joke', 'jokes', 'joked', 'joking'],
  ['reveal', 'reveals', 'revealed', 'revealing'],
  ['disclose', 'discloses', 'disclosed'],
  ['concede', 'concedes', 'conceded', 'conceding'],
  ['allege', 'alleges', 'alleged'],
  ['accuse', 'accuses', 'accused'],
  ['charge', 'charges', 'charged'],
  ['estimate', 'estimates', 'estimated'],
  ['caution', 'cautions', 'cautioned', 'cautioning'],
  ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  ['repeat', 'repeats', 'repeated'],
  ['recount', 'recounts', 'recounted'],
  ['counter', 'counters', 'countered'],
  ['retort', 'retorted'],
  ['scoff', 'scoffed'],
  ['quip', 'quips', 'quipped'],
  ['shout', 'shouted'],
  ['exclaim', 'exclaimed'],
  ['whisper', 'whispered'],
  ['post', 'posted'],
  ['inform', 'informs', 'informed'],
  ['assure', 'assures', 'assured'],
  ['remind', 'reminds', 'reminded'],
  ['demand', 'demands', 'demanded'],
  ['pledge', 'pledges', 'pledged'],
  ['propose', 'proposes', 'proposed'],
  ['praise', 'praises', 'praised', 'praising'],
  ['criticize', 'criticizes', 'criticized', 'criticizing', 'criticise', 'criticises', 'criticised', 'criticising'],
  ['condemn', 'condemns', 'condemned', 'condemning'],
  ['denounce', 'denounces', 'denounced', 'denouncing'],
  ['describe', 'describes', 'described', 'describing'],
  ['call', 'calls', 'called', 'calling'],
  ['call for', 'calls for', 'called for', 'calling for'],
  ['point out', 'points out', 'pointed out', 'pointing out'],
  ['make clear', 'makes clear', 'made clear', 'made it clear', 'makes it clear'],
  ['express concern', 'expressed concern', 'expressed their concern', 'expressed his concern', 'expressed her concern', 'expressed concerns'],
];

/**
 * Verbs that take the listener as object before the content ("told reporters that ...").
 * Source: English valency; the same list CoreNLP's attributor treats as ditransitive cues.
 */
export const LISTENER_VERBS = new Set(['tell', 'inform', 'assure', 'remind', 'warn', 'urge', 'ask', 'promise']);

/**
 * Reporting nouns that introduce speech in a prepositional phrase: "in a statement",
 * "in an interview". Source: PolNeAR's multi-word cues ("said in a statement" 38).
 */
export const REPORTING_NOUNS = ['statement', 'interview', 'tweet', 'post', 'letter', 'email', 'memo', 'speech', 'remarks', 'testimony', 'op-ed', 'press release', 'news conference', 'press conference', 'briefing'];

/**
 * Speech acts that take quoted words inside a paraphrase ("praised the “Christian values”",
 * "ordered ... “as soon as possible”"): the reporting verbs plus verbs of evaluation and command.
 * Source: the communication-verb lexicon of PolNeAR's speech-only filter (call, describe, accuse,
 * criticize ...) and the speech-act classes of English verb taxonomies (Levin's "judgment" and
 * "order" verbs). Copulas and ordinary actions ("became", "cast") are left out on purpose.
 */
export const SPEECH_ACT_LEMMAS = new Set([
  'call', 'describe', 'accuse', 'criticize', 'criticise', 'praise', 'order', 'slam', 'blast', 'condemn',
  'label', 'dub', 'thank', 'mock', 'attack', 'denounce', 'cite', 'quote', 'demand', 'promise', 'vow',
  'urge', 'warn', 'brand', 'hail', 'applaud', 'lament', 'decry', 'dismiss', 'ridicule', 'deride', 'tout',
  'pledge', 'insist', 'declare', 'proclaim', 'characterize', 'characterise', 'refer', 'term', 'rail',
  'lash', 'chide', 'scold', 'rebuke', 'congratulate', 'compliment', 'commend', 'instruct', 'command',
]);

/** A crude lemma for the inflections a speech-act verb takes in news: praised, praises, praising. */
export function speechActLemma(word: string): string | null {
  const w = word.toLowerCase();
  for (const cand of [w, w.replace(/ied$/, 'y'), w.replace(/ies$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/([a-z])\1ed$/, '$1')]) {
    if (SPEECH_ACT_LEMMAS.has(cand)) return cand;
  }
  for (const forms of REPORTING_VERBS) if (forms.includes(w)) return forms[0]!;
  return null;
}

/**
 * Cues whose content may be a plain noun phrase: what is demanded ("called for a special
 * prosecutor") or judged ("praised her effort", "described a rigged system"). Other cues need a
 * clause or quoted words, so "called the police" is not speech.
 */
export const DEMAND_CUES = new Set(['call for', 'demand', 'urge', 'propose', 'praise', 'criticize', 'condemn', 'denounce', 'describe', 'accuse']);
