// Pathological inputs: each is analysed without an exception and with a result that can be checked
// by counting (how many marks are unbalanced, how many notes are missing). Not timed here: the
// benchmark (`npm run bench`) times them; these tests say the answer is right.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse } from '../../server/src/analysis';
import type { AnalyseOptions, Analysis, ArticleFormat, RuleId } from '../../server/src/analysis';
import { checkShape } from './propertyChecks';

const FORMATS: readonly ArticleFormat[] = ['plaintext', 'markdown'];

function count(analysis: Analysis): Partial<Record<RuleId, number>> {
  const counts: Partial<Record<RuleId, number>> = {};
  for (const f of analysis.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
  return counts;
}

function run(text: string, options: AnalyseOptions): Analysis {
  const analysis = analyse(text, options);
  checkShape(text, analysis);
  return analysis;
}

/** Sixty different paragraphs (numbers vary), none opening with a quotation, so none continues another's quote. */
function paragraph(i: number): string {
  return [
    `The county spent $${i + 2}.5 million on bridge ${i} in 2023.`,
    `“We will rebuild it by ${1990 + i},” said Ana Lopez, the county engineer.`,
    `Analysts claim the repairs cost ${i + 3} times the estimate.`,
    `It rained on Tuesday.`,
  ].join(' ');
}

describe('pathological inputs', () => {
  it('a 5 MB article: every paragraph reports what it reports alone', () => {
    const pool = Array.from({ length: 60 }, (_, i) => paragraph(i));
    const per = pool.map((p) => count(analyse(p, { format: 'plaintext' })));
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 5_000_000) {
      const p = pool[paragraphs.length % pool.length]!;
      paragraphs.push(p);
      size += p.length + 2;
    }
    const text = paragraphs.join('\n\n');
    assert.ok(text.length >= 5_000_000);
    for (const format of FORMATS) {
      const got = count(run(text, { format }));
      const want: Partial<Record<RuleId, number>> = {};
      paragraphs.forEach((_, k) => {
        for (const [rule, n] of Object.entries(per[k % pool.length]!)) want[rule as RuleId] = (want[rule as RuleId] ?? 0) + n;
      });
      assert.deepEqual(got, want, format);
      assert.ok((got['claim.unsourced'] ?? 0) >= paragraphs.length, 'a claim per paragraph at least');
    }
  });

  it('a single line of 1 MB: one finding per claim sentence', () => {
    const sentence = 'The county spent $4.5 million on the bridge in 2023. ';
    const n = Math.ceil(1_000_000 / sentence.length);
    const text = sentence.repeat(n).trimEnd();
    assert.ok(!text.includes('\n') && text.length >= 999_000);
    for (const format of FORMATS) assert.deepEqual(count(run(text, { format })), { 'claim.unsourced': n }, format);
  });

  it('10,000 unmatched quotation marks: each is reported once', () => {
    const opens = '“Word. '.repeat(10_000);
    const closes = 'Word.” '.repeat(10_000);
    const straight = 'A "word. '.repeat(10_000);
    for (const format of FORMATS) {
      for (const text of [opens, closes]) {
        const unbalanced = run(text, { format }).findings.filter((f) => f.rule === 'quote.unbalanced');
        assert.equal(unbalanced.length, 10_000, `${format}: ${text.slice(0, 7)}`);
        assert.ok(unbalanced.every((f) => f.end - f.start === 1 && '“”'.includes(text[f.start]!)));
      }
      // Straight marks pair up where they can: two by two, the odd one out unbalanced.
      const straightUnbalanced = run(straight, { format }).findings.filter((f) => f.rule === 'quote.unbalanced');
      assert.ok(straightUnbalanced.length <= 1, `${format}: ${straightUnbalanced.length} unbalanced straight marks`);
    }
  });

  it('100,000 footnote references: the ones without a definition are missing, none is lost', () => {
    const paragraphs: string[] = [];
    for (let p = 0; p < 10_000; p++) paragraphs.push(Array.from({ length: 10 }, (_, k) => `It rained.[^n${p * 10 + k}]`).join(' '));
    // Definitions for every `every`-th id, and two that nobody references. Markdown gets fewer:
    // micromark's footnote extension keeps the definitions in an array and searches it for each
    // new one (quadratic in definitions: 50,000 take 20 s; docs/robustness.md).
    for (const [format, every] of [['plaintext', 2], ['markdown', 100]] as const) {
      const definitions = Array.from({ length: 100_000 / every }, (_, k) => `[^n${every * k}]: Weather service, 2024.`);
      definitions.push('[^spare-1]: Unused.', '[^spare-2]: Unused.');
      const text = `${paragraphs.join('\n\n')}\n\n${definitions.join('\n')}\n`;
      const analysis = run(text, { format });
      assert.equal(analysis.notes.references.length, 100_000, format);
      assert.equal(analysis.notes.definitions.length, 100_000 / every + 2, format);
      const c = count(analysis);
      assert.equal(c['note.missing'], 100_000 - 100_000 / every, format);
      assert.equal(c['note.unused'], 2, format);
      const missing = new Set(analysis.findings.filter((f) => f.rule === 'note.missing').map((f) => f.data.noteId));
      assert.ok(missing.has('n1') && missing.has('n99999') && !missing.has('n0'), format);
    }
  });

  it('a file of NUL bytes: nothing to report', () => {
    const text = '\0'.repeat(1 << 20);
    for (const format of FORMATS) assert.deepEqual(run(text, { format }).findings, [], format);
    const mixed = `The county spent $4 million in 2023.\n\n\0\0\0\n\n“We will,” said Ana Lopez.\0\n\n${'\0'.repeat(1000)}`;
    for (const format of FORMATS) assert.deepEqual(count(run(mixed, { format })), { 'claim.unsourced': 1, 'quote.attributed': 1 }, format);
  });

  it('Markdown nested 1,000 deep (lists and block quotes) and a 200-step staircase of each', () => {
    const quote = '“We will rebuild it,” said Ana Lopez.';
    const cases = [
      `${'- '.repeat(1000)}${quote}`,
      `${'> '.repeat(1000)}${quote}`,
      `${'> - '.repeat(500)}${quote}`,
      Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- ${quote}`).join('\n'),
      Array.from({ length: 200 }, (_, i) => `${'>'.repeat(i + 1)} ${quote}`).join('\n\n'),
    ];
    const lines = [1, 1, 1, 200, 200];
    cases.forEach((text, k) => {
      const analysis = run(text, { format: 'markdown' });
      assert.equal(analysis.attributions.length, lines[k], `case ${k}`);
      assert.ok(analysis.attributions.every((a) => a.person === 'Ana Lopez' && text.slice(a.quote.start, a.quote.end) === '“We will rebuild it,”'), `case ${k}`);
    });
  });

  it('every punctuation character of the Basic Multilingual Plane, alone and between words', () => {
    let alone = '';
    let between = '';
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (!/\p{P}/u.test(ch)) continue;
      alone += ch;
      between += `Ana${ch}Lopez said${ch} the county spent ${ch}$4 million${ch} `;
    }
    assert.ok(alone.length > 600, `${alone.length} punctuation characters`);
    const marks = new Set(['“', '”', '„', '«', '»', '‹', '›', '"', '`', "'", '‘', '’']);
    for (const format of FORMATS) {
      for (const text of [alone, between, `${alone}\n\n${between}`]) {
        const analysis = run(text, { format });
        // Only quotation marks can be unbalanced; every other finding is about a sentence with words.
        for (const f of analysis.findings) {
          if (f.rule === 'quote.unbalanced') assert.ok(marks.has(text.slice(f.start, f.end)) || text.slice(f.start, f.end) === "''" || text.slice(f.start, f.end) === '``', JSON.stringify(text.slice(f.start, f.end)));
          else assert.ok(/\p{L}/u.test(text.slice(f.start, f.end)), `${f.rule} on ${JSON.stringify(text.slice(f.start, f.end))}`);
        }
      }
    }
  });
});

describe('user-configured phrases are plain strings, never regular expressions', () => {
  it('matches regex-looking verbs and phrases literally, and quickly on text that would make them backtrack', () => {
    const evil = ['(a|a)*$', '.*', '(x+x+)+y', '[', 'a{1,99999}'];
    const text = `${'a'.repeat(50_000)}x\n\nSome say (a|a)*$ is fine. It .* quipped (x+x+)+y loudly.\n`;
    const started = Date.now();
    const analysis = run(text, { format: 'plaintext', extraVaguePhrases: evil, extraReportingVerbs: evil });
    assert.ok(Date.now() - started < 20_000, 'no catastrophic backtracking');
    const vague = analysis.findings.filter((f) => f.rule === 'source.vague').map((f) => text.slice(f.start, f.end));
    // "(a|a)*$" occurs once, literally; nothing matches the 50,000 a's; '.*' and '[' are not patterns.
    assert.ok(vague.some((v) => v.includes('(a|a)*$')), JSON.stringify(vague));
    assert.ok(vague.every((v) => !/^a{2,}/.test(v)), JSON.stringify(vague));
  });
});
