// An edit reuses the paragraphs of the last analyses found at the same place (text/recent.ts).
// Only an equal text is reused, so looking in the wrong place costs time, never correctness; what
// can go wrong is what else a paragraph's analysis depends on (being a heading, the settings) and
// what crosses paragraphs. Each case must read exactly as a cold analysis of the same text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, clearCaches, type AnalyseOptions } from '../../server/src/analysis/index';

/** Analyses each version in turn with warm caches; the last must equal a cold analysis. */
function assertWarmEqualsCold(versions: readonly string[], options: AnalyseOptions): void {
  let warm = analyse(versions[0]!, options);
  for (const text of versions.slice(1)) warm = analyse(text, options);
  clearCaches();
  assert.deepEqual(warm, analyse(versions[versions.length - 1]!, options));
}

const story = [
  'Tom Reyes, the council treasurer, said the budget rose 30 percent in 2024.',
  '“We had no choice,” he said.',
  'Officials familiar with the plans said the vote was delayed.',
  'The mayor closed the library on Monday.',
];

describe('paragraphs reused from the last analysis', () => {
  it('finds the paragraphs below an insertion by counting from the end', () => {
    const before = story.join('\n\n');
    const after = ['Maria Lopez said 12 people were hurt.', ...story].join('\n\n');
    assertWarmEqualsCold([before, after], { format: 'plaintext' });
    const warm = analyse(after, { format: 'plaintext' });
    // The pronoun in the third paragraph still resolves through the moved paragraphs.
    assert.ok(warm.attributions.some((a) => a.person === 'Tom Reyes' && after.slice(a.quote.start, a.quote.end).startsWith('“We had')));
  });

  it('does not reuse a paragraph whose text is unchanged but which became a heading', () => {
    const body = story.join('\n\n');
    const asParagraph = `The council budget rose 30 percent in 2024\n\n${body}`;
    const asHeading = `The council budget rose 30 percent in 2024\n===\n\n${body}`;
    assertWarmEqualsCold([asParagraph, asHeading], { format: 'markdown' });
    assertWarmEqualsCold([asHeading, asParagraph], { format: 'markdown' });
    // A heading is never flagged as a claim; the same words as a paragraph are.
    const claimAt0 = (text: string) => analyse(text, { format: 'markdown' }).findings.some((f) => f.rule === 'claim.unsourced' && f.start === 0);
    assert.equal(claimAt0(asHeading), false);
    assert.equal(claimAt0(asParagraph), true);
  });

  it('keeps documents edited in turn apart, and settings apart', () => {
    const a = story.join('\n\n');
    const b = [...story].reverse().join('\n\n');
    assertWarmEqualsCold([a, b, `${a}\n\nA last line was added.`], { format: 'plaintext' });
    assertWarmEqualsCold([a, a], { format: 'plaintext', extraVaguePhrases: ['the mayor'] });
  });

  it('re-reads the paragraph before an edit whose quote runs on into the edited one', () => {
    // A quotation left open at a paragraph's end runs on only if the next paragraph reopens it;
    // otherwise it is unbalanced. The first paragraph's text and place do not change, but what
    // its quote is does.
    const opening = '“The budget is broken and we will not sign it, said nobody at all.';
    const runsOn = `${opening}\n\n“And we will keep saying so until the vote,” Reyes said.`;
    const stops = `${opening}\n\nAnd we will keep saying so until the vote, Reyes said.`;
    assertWarmEqualsCold([runsOn, stops], { format: 'plaintext' });
    assertWarmEqualsCold([stops, runsOn], { format: 'plaintext' });
    const unbalancedAt0 = (text: string) => analyse(text, { format: 'plaintext' }).findings.some((f) => f.rule === 'quote.unbalanced' && f.start === 0);
    assert.equal(unbalancedAt0(stops), true);
    assert.equal(unbalancedAt0(runsOn), false);
  });
});
