// Table-driven tests of who-said-what. Every offset is checked by slicing the input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, type Attribution } from '../../server/src/analysis/index';

interface Expect {
  kind?: Attribution['kind'];
  quote: string;
  speaker: string | null;
  name: string | null;
  cue?: string;
}

const slice = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

function check(text: string, expected: Expect[]): void {
  const { attributions } = analyse(text);
  const got = attributions.map((a) => ({
    kind: a.kind,
    quote: slice(text, a.quote),
    speaker: slice(text, a.speaker),
    name: a.name,
    cue: slice(text, a.cue),
  }));
  assert.equal(got.length, expected.length, `expected ${expected.length} attributions, got ${JSON.stringify(got, null, 1)}`);
  expected.forEach((e, i) => {
    const g = got[i]!;
    assert.equal(g.quote, e.quote);
    assert.equal(g.speaker, e.speaker);
    assert.equal(g.name, e.name);
    if (e.kind) assert.equal(g.kind, e.kind);
    if (e.cue) assert.equal(g.cue, e.cue);
  });
}

const cases: [string, string, Expect[]][] = [
  ['direct, speaker after the cue', '“We will rebuild the bridge by spring,” said Mayor Ana Lopez.', [
    { kind: 'direct', quote: '“We will rebuild the bridge by spring,”', speaker: 'Mayor Ana Lopez', name: 'Ana Lopez', cue: 'said' },
  ]],
  ['direct, speaker before the quote with a colon', 'Council member Tom Reyes said: “The budget is a mess.”', [
    { kind: 'direct', quote: '“The budget is a mess.”', speaker: 'Council member Tom Reyes', name: 'Tom Reyes', cue: 'said' },
  ]],
  ['straight quotes and a pronoun after the quote', 'Ana Lopez opened the meeting. "The fund is empty," she said.', [
    { kind: 'direct', quote: '"The fund is empty,"', speaker: 'she', name: 'Ana Lopez', cue: 'said' },
  ]],
  ['floating quote continues the previous speaker', '“We will rebuild the bridge,” said Ana Lopez. “We start in May.”', [
    { quote: '“We will rebuild the bridge,”', speaker: 'Ana Lopez', name: 'Ana Lopez' },
    { quote: '“We start in May.”', speaker: 'Ana Lopez', name: 'Ana Lopez' },
  ]],
  ['split quote shares its cue', '“The fund is empty,” Tom Reyes said, “and nobody told us.”', [
    { quote: '“The fund is empty,”', speaker: 'Tom Reyes', name: 'Tom Reyes' },
    { quote: '“and nobody told us.”', speaker: 'Tom Reyes', name: 'Tom Reyes' },
  ]],
  ['indirect speech with a listener and a leading that', 'Ana Lopez told reporters on Monday that the bridge would reopen.', [
    { kind: 'indirect', quote: 'that the bridge would reopen', speaker: 'Ana Lopez', name: 'Ana Lopez', cue: 'told' },
  ]],
  ['indirect speech without that, apposition skipped', 'Tom Reyes, a council member since 2019, said the vote was rigged.', [
    { kind: 'indirect', quote: 'the vote was rigged', speaker: 'Tom Reyes', name: 'Tom Reyes, a council member since 2019' },
  ]],
  ['content before the cue, institution as source', 'The bridge will reopen in May, the transport ministry announced.', [
    { kind: 'indirect', quote: 'The bridge will reopen in May', speaker: 'the transport ministry', name: 'the transport ministry', cue: 'announced' },
  ]],
  ['according to', 'According to the city engineer, the repairs cost less than expected.', [
    { kind: 'indirect', quote: 'the repairs cost less than expected', speaker: 'the city engineer', name: 'the city engineer', cue: 'According to' },
  ]],
  ['mixed: reported speech with quoted words', 'Ana Lopez said the plan was “a disaster” for the town.', [
    { kind: 'mixed', quote: 'the plan was “a disaster” for the town', speaker: 'Ana Lopez', name: 'Ana Lopez' },
  ]],
  ['short form resolves to the fullest name, capitals normalised', 'MARIA DEL VALLE, the county treasurer, said the fund was empty. Later, Ms. Valle said that the audit was late.', [
    { quote: 'the fund was empty', speaker: 'MARIA DEL VALLE', name: 'Maria Del Valle, the county treasurer' },
    { quote: 'that the audit was late', speaker: 'Ms. Valle', name: 'Maria Del Valle' },
  ]],
  ['two frames in one sentence', 'Tom Reyes said on Tuesday that the vote was fair, and he told reporters that he would stay.', [
    { quote: 'that the vote was fair', speaker: 'Tom Reyes', name: 'Tom Reyes' },
    { quote: 'that he would stay', speaker: 'he', name: 'Tom Reyes' },
  ]],
  ['a parenthetical cue splits content into pieces', 'The repairs, Tom Reyes said, would take a year.', [
    { quote: 'The repairs', speaker: 'Tom Reyes', name: 'Tom Reyes' },
    { quote: 'would take a year', speaker: 'Tom Reyes', name: 'Tom Reyes' },
  ]],
  ['an apposition between dashes', 'Ana Lopez — a baker from the east bank — says the detour will ruin her trade.', [
    { quote: 'the detour will ruin her trade', speaker: 'Ana Lopez', name: 'Ana Lopez, a baker from the east bank' },
  ]],
  ['a transcript label is a speaker', 'HOST: Will the bridge be ready before the winter?', [
    { quote: 'Will the bridge be ready before the winter', speaker: 'HOST', name: 'Host' },
  ]],
  ['an indefinite official is anonymous whatever the modifiers', 'A Town Hall official said the vote was delayed.', [
    { quote: 'the vote was delayed', speaker: 'A Town Hall official', name: 'A Town Hall official' },
  ]],
  ['quoted words in a paraphrase belong to the subject of a speech act', 'Tom Reyes thanked the council for its “steady nerves” during the vote.', [
    { kind: 'direct', quote: '“steady nerves”', speaker: 'Tom Reyes', name: 'Tom Reyes', cue: 'thanked' },
  ]],
  ['praise reports a judgement, object and all', 'Tom Reyes praised the council’s handling of the vote.', [
    { kind: 'indirect', quote: 'the council’s handling of the vote', speaker: 'Tom Reyes', name: 'Tom Reyes', cue: 'praised' },
  ]],
  ['but not with an ordinary verb', 'Tom Reyes crossed the “old bridge” on foot.', []],
  ['a demand: "called for" takes a plain object', 'Ana Lopez called for an independent audit of the bridge contract.', [
    { kind: 'indirect', quote: 'an independent audit of the bridge contract', speaker: 'Ana Lopez', name: 'Ana Lopez', cue: 'called for' },
  ]],
  ['but "called" with a plain object is not speech', 'Ana Lopez called the police after the meeting.', []],
  ['scare quote is not speech', 'The so-called “reform” stalled in committee.', []],
  ['cognition verbs are not speech', 'Tom Reyes believes that the vote was fair.', []],
];

describe('attributions', () => {
  for (const [name, text, expected] of cases) it(name, () => check(text, expected));

  it('keeps offsets right with emoji, CRLF and em dashes', () => {
    const text = 'The 🚧 road closed.\r\n\r\n“It will stay closed — for now,” said Tom Reyes.\r\n';
    check(text, [{ quote: '“It will stay closed — for now,”', speaker: 'Tom Reyes', name: 'Tom Reyes' }]);
  });

  it('splits a quote that runs over two paragraphs into pieces with one speaker', () => {
    const text = 'Ana Lopez said: “The bridge is closed.\n\n“We will reopen it in May.”\n';
    check(text, [
      { quote: '“The bridge is closed.', speaker: 'Ana Lopez', name: 'Ana Lopez' },
      { quote: '“We will reopen it in May.”', speaker: 'Ana Lopez', name: 'Ana Lopez' },
    ]);
  });
});
