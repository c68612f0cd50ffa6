/**
 * Words that describe a source without naming it.
 * Sources: Wikipedia's "unsupported attributions" guideline (some people say, experts declare,
 * it is believed ...), the anonymous-source phrases of wire-service style guides (people familiar
 * with the matter, spoke on condition of anonymity ...), and the collective sources seen in
 * political news as summarised in the project's notes (officials, aides, critics, analysts ...).
 */

/** Heads of noun phrases naming a group rather than a person: "analysts", "some critics". */
export const COLLECTIVE_NOUNS = new Set([
  'analysts', 'experts', 'critics', 'observers', 'commentators', 'economists', 'strategists', 'scholars',
  'scientists', 'researchers', 'historians', 'pundits', 'insiders', 'skeptics', 'sceptics', 'supporters',
  'opponents', 'detractors', 'people', 'many', 'some', 'others', 'most', 'few', 'several', 'bloggers',
  'residents', 'voters', 'activists', 'advocates', 'diplomats', 'watchers', 'specialists',
]);

/** Quantifiers that make a group vague: "some analysts", "many experts", "some of them". */
export const VAGUE_QUANTIFIERS = new Set(['some', 'many', 'most', 'several', 'few', 'others', 'numerous', 'various', 'certain']);

/** Heads that make a source anonymous when no name is attached: "a senior official said". */
export const ANONYMOUS_HEADS = new Set(['official', 'officials', 'source', 'sources', 'person', 'aide', 'aides', 'insider', 'diplomat', 'diplomats', 'spokesperson']);

/**
 * Phrases that mark an anonymous source wherever they appear (matched on word boundaries,
 * case-insensitive). `*` stands for one word.
 */
export const ANONYMOUS_PHRASES = [
  'familiar with the matter', 'familiar with the issue', 'familiar with the talks', 'familiar with the plans',
  'familiar with the discussions', 'familiar with the situation', 'familiar with the negotiations',
  'familiar with the decision', 'familiar with the investigation', 'familiar with the thinking',
  'familiar with the case', 'familiar with the deal', 'familiar with the process',
  'briefed on the matter', 'briefed on the talks', 'briefed on the plans',
  'asked for anonymity', 'requested anonymity', 'on condition of anonymity', 'on the condition of anonymity',
  'asked not to be named', 'asked not to be identified', 'declined to be named', 'declined to be identified',
  'not authorized to speak', 'not authorised to speak', 'not authorized to discuss', 'not authorised to discuss',
  'speaking anonymously', 'spoke anonymously', 'sources said', 'sources say', 'according to sources',
  'a source close to', 'sources close to', 'people close to', 'a person close to',
];

/** Phrases that attribute to nobody in particular (Wikipedia's weasel words). */
export const VAGUE_PHRASES = [
  'some say', 'some people say', 'some have said', 'some argue', 'some believe', 'some claim', 'some suggest',
  'many say', 'many believe', 'many people believe', 'many are of the opinion', 'most feel',
  'it is believed', 'it is said', 'it is thought', 'it is claimed', 'it is widely believed',
  'it is widely thought', 'it is widely held', 'it is often said', 'it is often reported',
  'it is regarded', 'is widely regarded as', 'it has been said', 'it has been suggested',
  'it is reported', 'it was reported', 'it is understood', 'it was believed',
  'research has shown', 'research shows', 'studies show', 'studies have shown', 'science says',
  'experts say', 'experts believe', 'experts warn', 'experts agree', 'experts declare',
  'critics say', 'critics argue', 'critics claim', 'critics contend', 'observers say', 'analysts say',
  'analysts claim', 'analysts believe', 'scientists claim', 'scientists say', 'according to analysts',
  'according to experts', 'according to critics', 'according to observers', 'according to some',
  'according to many', 'according to reports', 'reports suggest', 'reportedly', 'allegedly',
];
