// Table-driven tests of each rule: what fires (with the exact underlined text), and what must not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, type AnalyseOptions, type RuleId } from '../../server/src/analysis/index';

interface Case {
  name: string;
  text: string;
  /** Expected findings of the rule: the underlined text and, optionally, part of the message. */
  fires: { text: string; message?: string }[];
  options?: AnalyseOptions;
}

const table: Record<RuleId, Case[]> = {
  'claim.unsourced': [
    { name: 'an amount', text: 'The council spent $4.2 million on the new bridge last year.', fires: [{ text: 'The council spent $4.2 million on the new bridge last year.', message: 'Claim with an amount ("$4.2 million") and no source' }] },
    { name: 'a percentage', text: 'Turnout in the district fell by 12 percent compared with the last vote.', fires: [{ text: 'Turnout in the district fell by 12 percent compared with the last vote.', message: 'a percentage ("12 percent")' }] },
    { name: 'a date', text: 'The mayor signed the emergency order on Tuesday after a long debate.', fires: [{ text: 'The mayor signed the emergency order on Tuesday after a long debate.', message: 'a date ("Tuesday")' }] },
    { name: 'a superlative', text: 'It was the largest protest the small town had ever seen.', fires: [{ text: 'It was the largest protest the small town had ever seen.', message: 'a superlative ("largest")' }] },
    { name: 'not a question', text: 'Did the council really spend $4 million on the bridge?', fires: [] },
    { name: 'not a byline', text: 'Jane Doe contributed reporting from the 3 northern districts.', fires: [] },
    { name: 'not an attributed sentence', text: 'The council spent $4 million on the bridge, the mayor said.', fires: [] },
    { name: 'not a sentence with a source note', text: 'The council spent $4 million on the new bridge.[^b]\n\n[^b]: City budget 2023, page 4.\n', fires: [] },
    { name: 'not a short fragment', text: 'Update: 3 p.m.', fires: [] },
  ],
  'quote.attributed': [
    { name: 'names speaker and cue', text: 'Ana Lopez told reporters that the bridge would reopen.', fires: [{ text: 'that the bridge would reopen', message: 'Quote attributed to Ana Lopez (told reporters); no source note' }] },
    { name: 'sourced quote is quiet', text: 'Ana Lopez told reporters that the bridge would reopen.[^lopez]\n\n[^lopez]: Ana Lopez, press conference, 2024-05-02.\n', fires: [] },
  ],
  'quote.unattributed': [
    { name: 'speech with no speaker', text: '“This plan will never pass the council vote.” The vote is on Friday.', fires: [{ text: '“This plan will never pass the council vote.”' }] },
    { name: 'not a scare quote', text: 'The so-called “reform” stalled in committee.', fires: [] },
    { name: 'not a floating continuation', text: '“We will rebuild,” said Ana Lopez. “We start in May.”', fires: [] },
  ],
  'quote.unbalanced': [
    { name: 'an opening mark never closed', text: 'The mayor called it “a sham and left the room.\n\nThe vote went ahead.', fires: [{ text: '“', message: 'opens and is never closed' }] },
    { name: 'not a quote running on to the next paragraph', text: 'Ana Lopez said: “The bridge is closed.\n\n“We will reopen it in May.”', fires: [] },
  ],
  'source.anonymous': [
    { name: 'people familiar with the matter', text: 'The mayor will resign next week, according to two people familiar with the matter.', fires: [{ text: 'according to two people familiar with the matter' }] },
    { name: 'an unnamed official', text: 'A senior official, who asked not to be named, said the deal was off.', fires: [{ text: 'A senior official, who asked not to be named, said', message: 'Anonymous source' }] },
    { name: 'not a named official', text: 'Ana Lopez, a senior official, said the deal was off.', fires: [] },
  ],
  'source.vague': [
    { name: 'critics argue', text: 'Critics argue that the bridge is unsafe.', fires: [{ text: 'Critics argue', message: 'Vague source ("Critics argue")' }] },
    { name: 'it is believed', text: 'It is believed that the council will resign.', fires: [{ text: 'It is believed' }] },
    { name: 'extra phrase from settings, matched as plain text', text: 'Insiders say (maybe) the deal is off.', options: { extraVaguePhrases: ['insiders say (maybe)'] }, fires: [{ text: 'Insiders say (maybe)' }] },
    { name: 'not inside a quotation', text: '“Some say it works,” said Tom Reyes, the engineer.', fires: [] },
  ],
  'note.missing': [
    { name: 'reference without definition', text: 'The council spent $4 million on the bridge.[^x]', fires: [{ text: '[^x]', message: 'Source note [^x] is referenced but never defined' }] },
  ],
  'note.incomplete': [
    { name: 'placeholder definition', text: 'The council spent $4 million on the bridge.[^x]\n\n[^x]: City budget (link: TODO)\n', fires: [{ text: '[^x]: City budget (link: TODO)', message: 'still has a placeholder (TODO)' }] },
    { name: 'custom placeholder word', text: 'The council spent $4 million on the bridge.[^x]\n\n[^x]: City budget (link: TK)\n', options: { placeholder: 'TK' }, fires: [{ text: '[^x]: City budget (link: TK)' }] },
  ],
  'note.unused': [
    { name: 'definition nobody references', text: 'The bridge is old.\n\n[^y]: City archive, 1950.\n', fires: [{ text: '[^y]: City archive, 1950.', message: 'defined but never referenced' }] },
  ],
};

describe('rules', () => {
  for (const [rule, cases] of Object.entries(table) as [RuleId, Case[]][]) {
    describe(rule, () => {
      for (const c of cases) {
        it(c.name, () => {
          const got = analyse(c.text, c.options).findings.filter((f) => f.rule === rule);
          assert.deepEqual(got.map((f) => c.text.slice(f.start, f.end)), c.fires.map((f) => f.text), JSON.stringify(got.map((f) => f.message)));
          c.fires.forEach((f, i) => { if (f.message) assert.ok(got[i]!.message.includes(f.message), `${got[i]!.message} should include ${f.message}`); });
        });
      }
    });
  }
});

describe('severity settings and suppression', () => {
  const text = 'The council spent $4 million on the new bridge last year.';
  it('uses the default severity', () => {
    assert.deepEqual(analyse(text).findings.map((f) => [f.rule, f.severity]), [['claim.unsourced', 'warning']]);
  });
  it('applies a configured severity, and off disables the rule', () => {
    assert.equal(analyse(text, { severities: { 'claim.unsourced': 'error' } }).findings[0]?.severity, 'error');
    assert.equal(analyse(text, { severities: { 'claim.unsourced': 'off' } }).findings.length, 0);
  });
  it('a factcheck-ignore marker silences the named rule in the next paragraph only', () => {
    const marked = `<!-- factcheck-ignore claim.unsourced -->\n${text}\n\n${text}\n`;
    const found = analyse(marked).findings;
    assert.equal(found.length, 1);
    assert.ok(found[0]!.start > marked.indexOf('\n\n'));
  });
  it('a marker for another rule silences nothing', () => {
    assert.equal(analyse(`<!-- factcheck-ignore quote.attributed -->\n${text}`).findings.length, 1);
  });
  it('reports custom reporting verbs as cues', () => {
    const t = 'Tom Reyes mused that the bridge was older than him.';
    assert.equal(analyse(t).attributions.length, 0);
    assert.equal(analyse(t, { extraReportingVerbs: ['mused'] }).attributions.length, 1);
  });
});

describe('fix data', () => {
  it('points the note reference after the sentence, with a readable unique id', () => {
    const text = 'Ana Lopez told reporters that the bridge would reopen. Ana Lopez said the fund was empty.';
    const [a, b] = analyse(text).findings;
    assert.equal(text.slice(0, a!.data.insertAt), 'Ana Lopez told reporters that the bridge would reopen.');
    assert.equal(a!.data.suggestedId, 'lopez-1');
    assert.equal(b!.data.suggestedId, 'lopez-2');
    assert.equal(b!.data.insertAt, text.length);
  });
});
