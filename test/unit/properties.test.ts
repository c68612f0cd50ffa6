// Property tests over generated articles (test/unit/articles.ts): 1,000 cases per property with a
// fixed seed, so `npm test` is reproducible. FUZZ_SEED=<n> runs another seed; `npm run fuzz` runs
// the same properties a hundred times longer with a fresh seed. On failure fast-check prints the
// seed, the path and the shrunk counterexample.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { article, articleOf, edit, format, options } from './articles';
import { checkAnalysis, checkAsync, checkEdits, checkFixAll, checkQuickFixes } from './propertyChecks';

const RUNS = 1000;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20240611;
const params = { numRuns: RUNS, seed, includeErrorInReport: true };

describe('properties of the analysis of any article', () => {
  it('never throws; offsets inside the text and on character boundaries; findings sorted; same result twice', () => {
    fc.assert(
      fc.property(article, format, options, (text, fmt, opts) => checkAnalysis(text, { ...opts, format: fmt })),
      params,
    );
  });

  it('after any sequence of edits, the warm-cache analysis equals a cold one (plain text and Markdown)', () => {
    // Shorter articles and sequences than `npm run fuzz` uses: each case ends in a cold analysis.
    const steps = fc.array(fc.record({ edit, options: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: options }) }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(articleOf(5), format, steps, (text, fmt, s) => checkEdits(text, s, { format: fmt })),
      params,
    );
  });

  it('the sliced analysis (analyseAsync) equals the synchronous one', async () => {
    await fc.assert(
      fc.asyncProperty(article, format, (text, fmt) => checkAsync(text, { format: fmt })),
      { ...params, numRuns: RUNS / 4 },
    );
  });
});

describe('properties of the quick fixes on any article', () => {
  it('each fix only inserts, deleting its insertions restores the text, and it removes its finding', () => {
    // One finding per case (picked by the generator) keeps 1,000 cases quick; `npm run fuzz` fixes every finding.
    fc.assert(
      fc.property(article, format, options, fc.nat(), (text, fmt, opts, k) =>
        checkQuickFixes(text, fmt, opts, (fs) => (fs.length === 0 ? [] : [fs[k % fs.length]!])),
      ),
      params,
    );
  });

  it('fix-all only inserts and leaves no unsourced finding', () => {
    fc.assert(
      fc.property(article, format, options, (text, fmt, opts) => checkFixAll(text, fmt, opts)),
      { ...params, numRuns: RUNS / 4 },
    );
  });
});

describe('counterexamples the properties found (fixed), kept as regression tests', () => {
  const cases: [string, string, 'plaintext' | 'markdown'][] = [
    ['a marker above a note definition', '[^1]: Interview with the author, 2024-03-01.', 'plaintext'],
    ['one anonymous source for quotes sharing its cue and a floating quote', '[“We will not give up,” a spokesperson said, “We will not give up.”](https://example.com/a_(b))\n<span>“We will not give up.”</span>', 'plaintext'],
    ['lone CR line ends (Markdown)', '*“We will not give up,” said Tom Reyes.*\r\r*The council approved the new budget on Tuesday.*', 'markdown'],
    ['lone CR line ends (plain text)', '*\r* *The council approved the new budget on Tuesday.[^1]*', 'plaintext'],
    ['an existing marker a blank line above', '<!-- factcheck-ignore quote.attributed, source.vague -->\r\r[^1]: Interview with the author, 2024-03-01.', 'plaintext'],
    ['a quotation of two sentences with no speaker', '<span>“We spent $2 million. It was worth it.”</span>', 'plaintext'],
    ['definitions after an unclosed code fence', '*The council approved the new budget on Tuesday.[^1]*\n\n```\nan unclosed fence', 'markdown'],
    ['a Sources line inside a code fence', '*The council approved the new budget on Tuesday.[^1]*\n\n```\n## Sources\n```', 'markdown'],
    ['a floating quote continuing the paragraph before, after a fix added a note between them', '*😀She told reporters that the vote had been close.* *😀*\n\n*“”* *The council approved the new budget on Tuesday.[^1]*', 'markdown'],
    ['a paragraph whose first line is blanked markup', '>- `The council approved the new budget on Tuesday.[^1]`\n*😀The council approved the new budget on Tuesday.*\r\n> *“We will not give up,” said Tom Reyes.*', 'markdown'],
  ];
  for (const [name, text, fmt] of cases) {
    it(name, () => {
      checkAnalysis(text, { format: fmt });
      checkQuickFixes(text, fmt, {});
      checkFixAll(text, fmt, {});
    });
  }
});
