// Sentences, quotation marks, Markdown skipping and source notes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseParagraph, segment } from '../../server/src/analysis/article';
import { analyse, type AnalyseOptions, type Span } from '../../server/src/analysis/index';

/** The article's sentences, quotations and unbalanced marks, at their offsets in the text. */
function buildArticle(text: string, options: AnalyseOptions) {
  const seg = segment(text, options);
  const locals = seg.blocks.map((_, i) => analyseParagraph(seg, i));
  const placed = (lists: (readonly Span[])[]) => lists.flatMap((list, i) => list.map((s) => ({ start: s.start + seg.blocks[i]!.start, end: s.end + seg.blocks[i]!.start })));
  const unbalanced = analyse(text, options).findings.filter((f) => f.rule === 'quote.unbalanced');
  return { sentences: placed(locals.map((l) => l.sentences)), quotes: placed(locals.map((l) => l.quotes)), unbalanced };
}

const sentences = (text: string, format: 'plaintext' | 'markdown' = 'plaintext') =>
  buildArticle(text, { format }).sentences.map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  const cases: [string, string, string[]][] = [
    ['titles and initials', 'Mr. Lopez met Dmitri S. Peskov on Monday. They talked.', ['Mr. Lopez met Dmitri S. Peskov on Monday.', 'They talked.']],
    ['dotted abbreviations', 'The U.S. embassy closed. Staff left.', ['The U.S. embassy closed.', 'Staff left.']],
    ['closing quotes end a sentence', '“We are done.” Then she left.', ['“We are done.”', 'Then she left.']],
    ['question and exclamation', 'Is it done? Yes! It is.', ['Is it done?', 'Yes!', 'It is.']],
    ['lower-case after a period is not a new sentence', 'It cost approx. three dollars.', ['It cost approx. three dollars.']],
    ['each line of plain text is a paragraph', 'One line ends here.\nA second line.', ['One line ends here.', 'A second line.']],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(sentences(text), expected));
});

describe('quotation marks', () => {
  const quotes = (text: string) => buildArticle(text, {}).quotes.map((q) => text.slice(q.start, q.end));
  it('pairs curly, straight, guillemet and NYT-style marks', () => {
    assert.deepEqual(quotes('“one” and "two" and «three» and \'\'four\'\' here.'), ['“one”', '"two"', '«three»', "''four''"]);
  });
  it('keeps a nested quote inside the outer one', () => {
    assert.deepEqual(quotes('“He said ‘no’ twice,” she said.'), ['“He said ‘no’ twice,”']);
  });
  it('joins a mis-rendered empty piece to the quote before it', () => {
    assert.deepEqual(quotes('“We will say:” Yes, but – “,” he said.'), ['“We will say:” Yes, but – “,”']);
  });
  it('reports unbalanced marks', () => {
    const text = 'She called it ”a sham.\n\nHe said “no.';
    assert.deepEqual(buildArticle(text, {}).unbalanced.map((m) => text.slice(m.start, m.end)), ['”', '“']);
  });
});

describe('markdown', () => {
  const md = [
    '---',
    'title: "A quoted title: we said it"',
    '---',
    '# The bridge budget',
    '',
    'Run `echo "$4 million spent in 2023"` to see it.',
    '',
    '```',
    '“This fenced quote has no speaker at all,” nobody said.',
    'The council spent $9 million in 2021.',
    '```',
    '',
    '<!-- The council spent $7 million in 2020. -->',
    '',
    'See [the report](https://example.org/2023/$5-million "spent 2023") for more.',
    '',
    'The council spent $4.2 million on the new bridge last year.',
    '',
  ].join('\n');
  it('never flags code, front matter, HTML comments or link URLs', () => {
    const found = analyse(md, { format: 'markdown' }).findings;
    assert.deepEqual(found.map((f) => md.slice(f.start, f.end)), ['The council spent $4.2 million on the new bridge last year.']);
  });
  it('keeps link text as prose', () => {
    const text = 'Ana Lopez told [reporters](https://x.example/a) that the bridge would reopen.';
    assert.equal(analyse(text, { format: 'markdown' }).attributions.length, 1);
  });
  it('reads emphasis closed right after a note reference, so two sentences stay two', () => {
    const text = '**The council met on Tuesday.[^1]** *The vote was close.*\n\n[^1]: Minutes, 2024.';
    assert.deepEqual(sentences(text, 'markdown'), ['The council met on Tuesday.', 'The vote was close.']);
  });
  it('ignores note references inside code', () => {
    const text = 'Use `[^x]` in the text.\n';
    assert.deepEqual(analyse(text, { format: 'markdown' }).findings, []);
  });
});

describe('source notes', () => {
  it('parses references and definitions with their spans', () => {
    const text = 'The bridge cost $4 million.[^cost]\n\n[^cost]: City budget 2023, p. 4\n';
    const { notes } = analyse(text);
    assert.deepEqual(notes.references.map((r) => [r.id, text.slice(r.start, r.end)]), [['cost', '[^cost]']]);
    assert.deepEqual(notes.definitions.map((d) => [d.id, d.text, d.placeholder]), [['cost', 'City budget 2023, p. 4', false]]);
  });
});
