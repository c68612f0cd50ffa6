/// <reference types="mocha" />
// The seed article (plain text) in the real extension host. Expected findings come from the CLI
// (same analyser, outside the editor), known spans from the article's hand-made gold file.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
  hoverText,
  languageServerCommandLines,
  openArticle,
  quickFixes,
  rangeOf,
  rangeText,
  symbolNames,
  waitForDiagnostics,
} from './helpers';

interface Gold {
  attributions: { quote: string; quote_span: [number, number]; speaker: string; reference: string }[];
  unsourced_claims: { must_flag: { text: string; span: [number, number] }[] };
}

const context = readContext();
const article = context.seed;
const gold = JSON.parse(readFileSync(context.gold, 'utf8')) as Gold;
const expectedCounts = countByRule(article.findings);
const total = article.findings.length;

suite(`seed article (${article.file}, plain text)`, () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await openArticle(context.workspace, article);
  });

  test('diagnostics arrive with the same count per rule as the CLI', async () => {
    const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length === total);
    assert.deepEqual(countByCode(diagnostics), expectedCounts);
  });

  test('the client started the language server with its Node flags', () => {
    const servers = languageServerCommandLines();
    assert.equal(servers.length, 1, `language server processes: ${JSON.stringify(servers)}`);
    const args = servers[0]!;
    const script = args.findIndex((a) => a.endsWith('server.js'));
    assert.deepEqual(args.slice(1, script), context.serverNodeFlags, `command line: ${args.join(' ')}`);
  });

  test('every diagnostic has the CLI finding’s rule, severity and exact range', () => {
    const diagnostics = factcheckDiagnostics(doc.uri);
    assert.deepEqual(describeDiagnostics(diagnostics), describeFindings(doc, article.findings));
    for (const d of diagnostics) assert.ok(d.message.length > 0, `${codeOf(d)} at ${rangeText(d.range)} has no message`);
  });

  test('default severities: claims are warnings, attributed quotes information', () => {
    const severities = new Map<string, Set<vscode.DiagnosticSeverity>>();
    for (const d of factcheckDiagnostics(doc.uri)) severities.set(codeOf(d), (severities.get(codeOf(d)) ?? new Set()).add(d.severity));
    assert.deepEqual([...(severities.get('claim.unsourced') ?? [])], [vscode.DiagnosticSeverity.Warning]);
    assert.deepEqual([...(severities.get('quote.attributed') ?? [])], [vscode.DiagnosticSeverity.Information]);
  });

  test('the first two check-worthy claims of the gold file are flagged over their sentences', () => {
    const claims = factcheckDiagnostics(doc.uri).filter((d) => codeOf(d) === 'claim.unsourced');
    for (const { text, span } of gold.unsourced_claims.must_flag.slice(0, 2)) {
      const want = rangeOf(doc, span[0], span[1]);
      assert.ok(
        claims.some((d) => d.range.isEqual(want)),
        `no claim.unsourced at ${rangeText(want)} ("${text.slice(0, 50)}…"); claims at: ${claims.map((d) => rangeText(d.range)).join(', ')}`,
      );
    }
  });

  test('Peskov’s quote is flagged quote.attributed over its gold span, with the speaker related', () => {
    const peskov = gold.attributions.find((a) => a.speaker === 'Dmitri S. Peskov');
    assert.ok(peskov, 'the gold file has a quote by Dmitri S. Peskov');
    const want = rangeOf(doc, peskov.quote_span[0], peskov.quote_span[1]);
    const quotes = factcheckDiagnostics(doc.uri).filter((d) => codeOf(d) === 'quote.attributed');
    const hit = quotes.find((d) => d.range.isEqual(want));
    assert.ok(hit, `no quote.attributed at ${rangeText(want)}; quotes at: ${quotes.map((d) => rangeText(d.range)).join(', ')}`);
    const related = (hit.relatedInformation ?? []).map((r) => r.message).join(' | ');
    assert.match(related, /Peskov/);
  });

  test('hover on Peskov’s quote names Dmitri S. Peskov', async () => {
    const peskov = gold.attributions.find((a) => a.speaker === 'Dmitri S. Peskov')!;
    const text = await hoverText(doc.uri, doc.positionAt(peskov.quote_span[0] + 10));
    assert.match(text, /Dmitri S\. Peskov/, `hover says: ${text}`);
  });

  test('the outline lists the speakers', async () => {
    const names = await symbolNames(doc.uri);
    for (const speaker of ['Dmitri S. Peskov', 'Vladimir V. Putin']) {
      assert.ok(names.includes(speaker), `no "${speaker}" in the outline: ${JSON.stringify(names.slice(0, 20))}`);
    }
  });

  test('"Add source note" on a claim inserts a note; the claim’s diagnostic goes, the rest of the text stays', async () => {
    const claim = factcheckDiagnostics(doc.uri).find((d) => codeOf(d) === 'claim.unsourced');
    assert.ok(claim, 'a claim.unsourced diagnostic');
    const isAdd = (a: { title: string }): boolean => a.title.startsWith('Add source note');
    const actions = await quickFixes(doc.uri, claim.range, isAdd);
    const add = actions.find(isAdd);
    assert.ok(add?.edit, `"Add source note" offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    const before = doc.getText();
    const expected = applyInsertions(doc, add.edit);
    assert.ok(await vscode.workspace.applyEdit(add.edit), 'workspace.applyEdit succeeded');
    assert.equal(doc.getText(), expected.text, 'the document is the old text plus the inserted reference and definition');
    const id = /^\[\^([\w-]+)\]$/.exec(expected.inserted.find((t) => /^\[\^[\w-]+\]$/.test(t)) ?? '')?.[1];
    assert.ok(id, `a reference [^id] is inserted; inserted: ${JSON.stringify(expected.inserted)}`);
    assert.ok(
      expected.inserted.some((t) => t.includes(`[^${id}]:`)),
      `a definition [^${id}]: is inserted; inserted: ${JSON.stringify(expected.inserted)}`,
    );
    assert.equal(doc.getText().replace(`[^${id}]`, '').startsWith(before.trimEnd()), true, 'only the reference was inserted inside the text');

    const isOldClaim = (d: vscode.Diagnostic): boolean => codeOf(d) === 'claim.unsourced' && d.range.isEqual(claim.range);
    const after = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0 && !ds.some(isOldClaim));
    assert.equal(after.some(isOldClaim), false, `the claim at ${rangeText(claim.range)} is still flagged`);
    assert.equal(countByCode(after)['claim.unsourced'], (expectedCounts['claim.unsourced'] ?? 0) - 1, 'exactly one claim fewer');
  });

  test('factcheck.rules.claim.unsourced = off removes the claim diagnostics, and only those', async () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('factcheck', doc.uri);
    const others = factcheckDiagnostics(doc.uri).filter((d) => codeOf(d) !== 'claim.unsourced').length;
    await config().update('rules.claim.unsourced', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const off = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'claim.unsourced'));
      assert.equal(countByCode(off)['claim.unsourced'], undefined, 'no claim.unsourced while the rule is off');
      assert.equal(off.length, others, 'the other rules’ diagnostics stay');
    } finally {
      await config().update('rules.claim.unsourced', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const back = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'claim.unsourced'));
    assert.ok(back.some((d) => codeOf(d) === 'claim.unsourced'), 'claims come back when the setting is removed');
  });
});
