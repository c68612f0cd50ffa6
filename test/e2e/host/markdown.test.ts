/// <reference types="mocha" />
// A Markdown article of our own (test/e2e/fixtures/harbour-ferry.md): front matter, a fenced code
// block with a quotation in it, an existing source note.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readContext } from './context';
import {
  applyInsertions,
  codeOf,
  countByCode,
  countByRule,
  describeDiagnostics,
  describeFindings,
  factcheckDiagnostics,
  openArticle,
  quickFixes,
  rangeText,
  waitForDiagnostics,
} from './helpers';

const context = readContext();
const article = context.markdown;

suite(`Markdown article (${article.file})`, () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await openArticle(context.workspace, article);
  });

  test('diagnostics match the CLI: rule, severity and exact range of each', async () => {
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length === article.findings.length);
    assert.deepEqual(countByCode(diagnostics), countByRule(article.findings));
    assert.deepEqual(describeDiagnostics(diagnostics), describeFindings(doc, article.findings));
  });

  test('nothing is flagged in the front matter or the fenced code block', () => {
    const text = doc.getText();
    const frontMatterEnd = text.indexOf('\n---', 4) + 4;
    const fenceStart = text.indexOf('```');
    const fenceEnd = text.indexOf('```', fenceStart + 3) + 3;
    for (const d of factcheckDiagnostics(doc.uri)) {
      const start = doc.offsetAt(d.range.start);
      assert.ok(start >= frontMatterEnd, `${codeOf(d)} at ${rangeText(d.range)} is in the front matter`);
      assert.ok(start < fenceStart || start >= fenceEnd, `${codeOf(d)} at ${rangeText(d.range)} is in the code block`);
    }
  });

  test('a quote by a speaker with a note elsewhere offers "Cite existing note"', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.includes('said Okafor'));
    const quote = factcheckDiagnostics(doc.uri).find((d) => codeOf(d) === 'quote.attributed' && d.range.start.line === line);
    assert.ok(quote, `a quote.attributed diagnostic on line ${line + 1}`);
    const cites = (a: { title: string }): boolean => a.title.startsWith('Cite existing note [^okafor-briefing]');
    const actions = await quickFixes(doc.uri, quote.range, cites);
    const titles = actions.map((a) => a.title);
    assert.ok(
      actions.some(cites),
      `"Cite existing note [^okafor-briefing]" offered; got ${JSON.stringify(titles)}`,
    );
  });

  test('"Add source note" puts the definition under a Sources heading', async () => {
    const claim = factcheckDiagnostics(doc.uri).find((d) => codeOf(d) === 'claim.unsourced');
    assert.ok(claim, 'a claim.unsourced diagnostic');
    const isAdd = (a: { title: string }): boolean => a.title.startsWith('Add source note');
    const add = (await quickFixes(doc.uri, claim.range, isAdd)).find(isAdd);
    assert.ok(add?.edit, '"Add source note" offered');
    const expected = applyInsertions(doc, add.edit);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.equal(doc.getText(), expected.text);
    const id = /\[\^([\w-]+)\]$/.exec(add.title)?.[1];
    assert.ok(id, `the title names the note: ${add.title}`);
    assert.match(doc.getText(), new RegExp(`\\n#+ Sources\\s*\\n[^]*\\[\\^${id}\\]: `), 'the definition follows a "Sources" heading');
    const gone = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'claim.unsourced' && d.range.isEqual(claim.range)));
    assert.equal(
      gone.some((d) => codeOf(d) === 'claim.unsourced' && d.range.isEqual(claim.range)),
      false,
      `the claim at ${rangeText(claim.range)} is still flagged`,
    );
  });
});
