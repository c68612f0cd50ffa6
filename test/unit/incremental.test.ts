// The incremental article stage (analysis/incremental.ts) on edits that change what a paragraph
// depends on outside its own text: each version analysed right after the one before equals a cold
// analysis of it. The property tests cover random edits; these are the cases random edits rarely hit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, clearCaches, type AnalyseOptions, type Analysis } from '../../server/src/analysis/index';

/** Analyses the versions in turn (each after the one before), then each cold, and compares. */
function checkVersions(versions: readonly string[], options: AnalyseOptions = {}): Analysis[] {
  clearCaches();
  const warm = versions.map((text) => analyse(text, options));
  const cold = versions.map((text) => {
    clearCaches();
    return analyse(text, options);
  });
  versions.forEach((text, k) => assert.deepEqual(warm[k], cold[k], `version ${k} analysed after the one before equals a cold analysis: ${JSON.stringify(text)}`));
  return cold;
}

const messages = (a: Analysis) => a.findings.map((f) => f.message);

describe('the incremental article stage', () => {
  it('a quote left open runs on only while the next paragraph reopens it', () => {
    const [runsOn, dangling] = checkVersions([
      'The mayor spoke at length on Monday. “We will build it,\n\n“and we will pay for it,” she said.\n',
      'The mayor spoke at length on Monday. “We will build it,\n\nThe council then voted on the plan.\n',
    ]);
    assert.ok(!messages(runsOn!).some((m) => m.includes('never closed')));
    assert.ok(messages(dangling!).some((m) => m.includes('opens and is never closed')));
  });

  it('a floating quote follows the speaker of the paragraph before when that changes', () => {
    // The same names, so the article's name index stays the same.
    const [plain, role] = checkVersions([
      'The meeting ran late. “Yes,” said Ann Lee.\n\n“This is a floating quote with many words here.”\n',
      'The meeting ran late. “Yes,” said Ann Lee, the chair.\n\n“This is a floating quote with many words here.”\n',
    ]);
    const floating = (a: Analysis) => a.attributions.find((x) => x.cue === null);
    assert.equal(floating(plain!)?.name, 'Ann Lee');
    assert.equal(floating(role!)?.name, 'Ann Lee, the chair');
  });

  it('a floating quote keeps its speaker in place when a line is added between the paragraphs', () => {
    const after = 'She said the vote had been close.\n\n[^x]: Checked on May 2.\n\n“This is a floating quote with many words here.”\n';
    const [, analysed] = checkVersions(['She said the vote had been close.\n\n“This is a floating quote with many words here.”\n', after]);
    const floating = analysed!.attributions.find((a) => a.cue === null)!;
    assert.equal(after.slice(floating.speaker!.start, floating.speaker!.end), 'She');
  });

  it('a note added after a paragraph, outside its text, sources its last sentence', () => {
    const [before, after] = checkVersions([
      'The council spent $5 million on the bridge in 2023.\nThe mayor resigned on Monday after a vote of 12 to 3.\n\n[^a]: Budget report, page 4.\n',
      'The council spent $5 million on the bridge in 2023.[^a]\nThe mayor resigned on Monday after a vote of 12 to 3.\n\n[^a]: Budget report, page 4.\n',
    ]);
    assert.equal(before!.findings.filter((f) => f.rule === 'claim.unsourced').length, 2);
    assert.equal(after!.findings.filter((f) => f.rule === 'claim.unsourced').length, 1);
  });

  it('a note on a floating quote sources its vague speaker in the paragraph before', () => {
    const [without, withNote] = checkVersions([
      'Analysts said the plan would fail.\n\n“It is a plan with no future at all, none.”\n\n[^a]: Interview, May 2.\n',
      'Analysts said the plan would fail.\n\n“It is a plan with no future at all, none.”[^a]\n\n[^a]: Interview, May 2.\n',
    ]);
    assert.ok(without!.findings.some((f) => f.rule === 'source.vague'));
    assert.ok(!withNote!.findings.some((f) => f.rule === 'source.vague'));
  });

  it('a message quoting the article follows its markup when only the markup changed', () => {
    const [stars, underscores] = checkVersions(['Analysts **said** the plan would fail.\n', 'Analysts __said__ the plan would fail.\n'], { format: 'markdown' });
    const vague = (a: Analysis) => a.findings.find((f) => f.rule === 'source.vague')?.message ?? '';
    assert.match(vague(stars!), /\*\*said/);
    assert.match(vague(underscores!), /__said/);
  });

  it('suggested note ids are numbered again when an edit adds a claim', () => {
    const claim = 'The council spent $5 million on the bridge in 2023.';
    const [before, after] = checkVersions([`${claim}\n\nIt rained.\n\n${claim}\n`, `${claim}\n\nIt rained on 12 of 30 days in June 2023.\n\n${claim}\n`]);
    assert.deepEqual(before!.findings.map((f) => f.data.suggestedId), ['claim-1', 'claim-2']);
    assert.deepEqual(after!.findings.map((f) => f.data.suggestedId), ['claim-1', 'claim-2', 'claim-3']);
  });

  it('a surname elsewhere follows the fuller name when that is edited', () => {
    const [tom, tomas] = checkVersions([
      // Ana Diaz in between: what the paragraphs hand on is the same in both versions.
      'Tom Reyes spoke first at the hall.\n\nAna Diaz spoke next at the hall.\n\nReyes said the plan had failed.\n',
      'Tomas Reyes spoke first at the hall.\n\nAna Diaz spoke next at the hall.\n\nReyes said the plan had failed.\n',
    ]);
    assert.equal(tom!.attributions[0]?.person, 'Tom Reyes');
    assert.equal(tomas!.attributions[0]?.person, 'Tomas Reyes');
  });

  it('a pronoun follows a changed antecedent in the paragraph before', () => {
    // The same names: only who is the subject (an antecedent for "he") changes.
    const [subject, object] = checkVersions([
      'Tom Reyes drove to the hall early.\n\nHe said the plan had failed.\n',
      'The bus drove Tom Reyes to the hall early.\n\nHe said the plan had failed.\n',
    ]);
    assert.equal(subject!.attributions[0]?.person, 'Tom Reyes');
    assert.equal(object!.attributions[0]?.person, null);
  });
});
