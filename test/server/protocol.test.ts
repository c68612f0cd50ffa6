// The protocol glue over real stdio: capabilities for pull and push clients, empty and unknown
// documents, settings, cancellation, stale or foreign diagnostics, and a clean shutdown.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, DocumentDiagnosticRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { SEED, TestClient } from './lspClient';
import { expected } from './helpers';

const seedText = readFileSync(SEED, 'utf8');

describe('a pull client (VS Code)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(() => client.stop());

  it('is offered pull diagnostics, incremental sync, quick fixes, fix-all, hover and symbols', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'factcheck', interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.factcheck'] });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.documentSymbolProvider, { label: 'Factcheck' });
    assert.equal(client.initializeResult.serverInfo?.name, 'factcheck');
  });

  it('registers for changes of the factcheck settings', async () => {
    await client.waitFor('registration', () => (client.registrations.includes('workspace/didChangeConfiguration') ? true : undefined));
  });

  it('answers an empty document with an empty report and publishes nothing', async () => {
    await client.open('file:///tmp/empty.txt', '');
    assert.deepEqual(await client.pull('file:///tmp/empty.txt'), []);
    assert.equal(client.published.size, 0);
  });

  it('answers requests about a document it does not know with empty results', async () => {
    const textDocument = { uri: 'file:///tmp/never-opened.md' };
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument });
    assert.deepEqual(report, { kind: 'full', items: [] });
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), []);
  });

  it('asks for settings per document (scopeUri) and caches them until they change', async () => {
    const uri = 'file:///tmp/scoped.txt';
    await client.open(uri, 'One line.');
    await client.pull(uri);
    await client.pull(uri);
    const asked = client.configurationRequests.filter((r) => r.items.some((i) => i.scopeUri === uri));
    assert.equal(asked.length, 1);
    assert.deepEqual(asked[0]!.items, [{ scopeUri: uri, section: 'factcheck' }]);
  });

  it('ignores diagnostics from other sources and mangled data without failing', async () => {
    const uri = 'file:///tmp/foreign.txt';
    await client.open(uri, 'Some text.');
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
    const diagnostics = [
      { range, message: 'spelling', source: 'cSpell', code: 'x', data: { insertAt: 0, lineStart: 0, rule: 'claim.unsourced', version: 1 } },
      { range, message: 'mangled', source: 'factcheck', code: 'claim.unsourced', data: { insertAt: 'zero' } },
      { range, message: 'no data', source: 'factcheck', code: 'claim.unsourced' },
      { range, message: 'out of range', source: 'factcheck', code: 'claim.unsourced', data: { rule: 'claim.unsourced', insertAt: 999, lineStart: 0, version: 1, suggestedId: 'a-1' } },
    ];
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    assert.deepEqual(actions, []);
  });

  it('gives no edit for a diagnostic from an older version of the document', async () => {
    const uri = 'file:///tmp/stale.txt';
    await client.open(uri, 'Alpha.', 'plaintext', 1);
    await client.change(uri, 2, [{ text: 'Alpha beta.' }]);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } };
    const data = { rule: 'claim.unsourced', version: 1, insertAt: 6, lineStart: 0, suggestedId: 'claim-1' };
    const stale = { range, message: 'Claim', source: 'factcheck', code: 'claim.unsourced', data };
    const fresh = { ...stale, data: { ...data, version: 2, insertAt: 11 } };
    const staleActions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [stale] } });
    assert.deepEqual(staleActions, []);
    const freshActions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [fresh] } });
    assert.deepEqual(
      freshActions?.map((a) => ('title' in a ? a.title : '')),
      ['Add source note [^claim-1]', 'Mark as checked (factcheck-ignore claim.unsourced)'],
    );
  });

  it('answers a cancelled diagnostics request as cancelled and keeps serving', async () => {
    const uri = 'file:///tmp/cancel.txt';
    await client.open(uri, seedText);
    await client.configure({});
    let release!: () => void;
    client.holdConfiguration = new Promise<void>((resolve) => (release = resolve));
    const asked = client.configurationRequests.length;
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    await client.waitFor('the settings request', () => (client.configurationRequests.length > asked ? true : undefined));
    source.cancel();
    release();
    client.holdConfiguration = undefined;
    await assert.rejects(request, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
    assert.deepEqual(await client.pull(uri).then((d) => d.length), expected(seedText).length);
  });
});

describe('settings', () => {
  let client: TestClient;
  const uri = 'file:///tmp/settings/article.txt';
  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(uri, seedText);
  });
  after(() => client.stop());

  it('turns a rule off, then the whole checker, asking the client to refresh each time', async () => {
    const all = await client.pull(uri);
    assert.ok(all.some((d) => d.code === 'claim.unsourced'), 'the seed has unsourced claims');
    const refreshes = client.refreshes;
    await client.configure({ rules: { claim: { unsourced: 'off' } } });
    await client.waitFor('a diagnostics refresh', () => (client.refreshes > refreshes ? true : undefined));
    const fewer = await client.pull(uri);
    assert.equal(fewer.filter((d) => d.code === 'claim.unsourced').length, 0);
    assert.deepEqual(fewer.length, all.filter((d) => d.code !== 'claim.unsourced').length);
    await client.configure({ enable: false });
    await client.waitFor('a second refresh', () => (client.refreshes > refreshes + 1 ? true : undefined));
    assert.deepEqual(await client.pull(uri), []);
    await client.configure({ rules: { 'quote.attributed': 'error' } });
    const upgraded = await client.pull(uri);
    const attributed = upgraded.filter((d) => d.code === 'quote.attributed');
    assert.ok(attributed.length > 0, 'the seed has attributed quotes');
    assert.ok(attributed.every((d) => d.severity === 1), 'quote.attributed shown as errors');
  });
});

describe('over node IPC, as the VS Code client starts it', () => {
  it('serves the same diagnostics and writes nothing to stdout', async () => {
    const client = await TestClient.start({ pull: true, transport: 'ipc' });
    try {
      const uri = 'file:///tmp/ipc/article.txt';
      await client.open(uri, seedText);
      const diagnostics = await client.pull(uri);
      assert.ok(diagnostics.length > 0, 'the seed has findings');
      assert.equal(diagnostics.length, expected(seedText).length);
    } finally {
      await client.stop();
    }
    assert.equal(client.stdout, '', 'console output goes to the client log, not stdout');
  });
});

describe('a push-only client (Neovim, Helix)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false, settings: {}, initializationOptions: { factcheck: { rules: { 'note.unused': 'off' } } } });
  });
  after(() => client.stop());

  it('is not offered pull diagnostics', () => {
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.deepEqual(client.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  it('gets diagnostics pushed on open, with the version', async () => {
    await client.open('file:///tmp/push-empty.txt', '', 'plaintext', 7);
    const published = await client.waitForPublished('file:///tmp/push-empty.txt', 7);
    assert.deepEqual(published.diagnostics, []);
  });

  it('publishes the latest version only, after a burst of edits', async () => {
    const uri = 'file:///tmp/burst.txt';
    await client.open(uri, '', 'plaintext', 1);
    await client.waitForPublished(uri, 1);
    let text = '';
    for (let v = 2; v <= 6; v++) {
      await client.change(uri, v, [{ text: seedText.slice(0, v * 400) }]);
      text = seedText.slice(0, v * 400);
    }
    const last = await client.waitForPublished(uri, 6);
    const versions = client.published.get(uri)!.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
    assert.equal(last.diagnostics.length, expected(text).length);
  });

  it('takes settings from didChangeConfiguration when it cannot be asked, and re-pushes', async () => {
    const uri = 'file:///tmp/push-settings.txt';
    await client.open(uri, seedText, 'plaintext', 1);
    const first = await client.waitForPublished(uri, 1);
    assert.ok(first.diagnostics.length > 0, 'the seed has findings');
    const before = client.published.get(uri)!.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { factcheck: { enable: false } } });
    const again = await client.waitFor('a re-push', () => client.published.get(uri)!.slice(before)[0]);
    assert.deepEqual(again.diagnostics, []);
    assert.equal(client.configurationRequests.length, 0, 'a push-only client without configuration support is never asked');
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = 'file:///tmp/push-close.txt';
    await client.open(uri, 'A line.', 'plaintext', 1);
    await client.waitForPublished(uri, 1);
    const before = client.published.get(uri)!.length;
    await client.close(uri);
    const cleared = await client.waitFor('cleared diagnostics', () => client.published.get(uri)!.slice(before)[0]);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
