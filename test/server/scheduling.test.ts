// Scheduling of large documents: analysed in slices that leave the connection free, shared by
// the requests for one version, dropped when cancelled, superseded or closed. In process with a
// low slicing threshold (so a seed-sized document is "large"), then over the real server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { DocumentDiagnosticRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse, clearCaches } from '../../server/src/analysis';
import { Analyses, SLICED_ABOVE } from '../../server/src/analyses';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { expected, seen, bySpan } from './helpers';
import { SEED, TestClient } from './lspClient';

const seed = readFileSync(SEED, 'utf8').trimEnd();
/** The seed (one paragraph a line) `n` times, every paragraph marked so none is a memoised copy of another. */
const copies = (n: number, mark: string): string => Array.from({ length: n }, (_, i) => seed.replace(/\n/g, ` (${mark} ${i}).\n`)).join('\n') + '\n';
/** About 4,600 words: "large" for an Analyses that slices above 1,000 characters. */
const large = copies(4, 'part');
const uri = 'file:///tmp/large.txt';

/** An Analyses over one document that the test replaces at will, sliced above 1,000 characters. */
function fixture(text: string) {
  const state = { live: TextDocument.create(uri, 'plaintext', 1, text) as TextDocument | undefined };
  const analyses = new Analyses({ get: (u) => (u === uri ? state.live : undefined) }, { get: () => Promise.resolve(DEFAULT_SETTINGS) }, () => undefined, 1_000);
  return { state, analyses };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('analysing a large document in slices', () => {
  it('gives the same findings as one analysis in one go', async () => {
    clearCaches();
    const { analyses } = fixture(large);
    const entry = await analyses.get(uri);
    assert.deepEqual(entry?.analysis.findings, analyse(large, { format: 'plaintext' }).findings);
  });

  it('lets timers run while it works', async () => {
    clearCaches();
    const { analyses } = fixture(large);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await analyses.get(uri);
    clearInterval(timer);
    assert.ok(ticks >= 2, `${ticks} timer ticks during the analysis`);
  });

  it('answers when every paragraph is memoised and the analysis needs no yield at all', async () => {
    // The work used to check for waiters before the first request had registered: a warm
    // analysis that finished within one slice was dropped and restarted until one took longer.
    const { state, analyses } = fixture(large);
    await analyses.get(uri);
    for (let version = 2; version <= 6; version++) {
      state.live = TextDocument.create(uri, 'plaintext', version, large);
      const timeout = new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 10_000).unref());
      const entry = await Promise.race([analyses.get(uri), timeout]);
      assert.ok(entry !== 'timed out' && entry?.doc.version === version, `version ${version}: ${entry === 'timed out' ? 'no answer within 10 s' : 'wrong answer'}`);
    }
  });

  it('shares one analysis between the requests for the same version', async () => {
    clearCaches();
    const { analyses } = fixture(large);
    const [a, b] = await Promise.all([analyses.get(uri), analyses.get(uri)]);
    assert.ok(a && a === b);
  });

  it('moves on to the newer version when the document changes meanwhile', async () => {
    clearCaches();
    const { state, analyses } = fixture(large);
    const pending = analyses.get(uri);
    await tick();
    const v2 = `${large}\nThe council spent $4 million in 2023.\n`;
    state.live = TextDocument.create(uri, 'plaintext', 2, v2);
    const entry = await pending;
    assert.equal(entry?.doc.version, 2);
    assert.deepEqual(entry?.analysis.findings, analyse(v2, { format: 'plaintext' }).findings);
  });

  it('answers nothing once the request is cancelled, and stops the work nobody waits for', async () => {
    clearCaches();
    const { analyses } = fixture(large);
    const source = new CancellationTokenSource();
    const pending = analyses.get(uri, source.token);
    await tick();
    source.cancel();
    assert.equal(await pending, undefined);
    // The dropped work stored nothing: the next request analyses the version itself.
    const entry = await analyses.get(uri);
    assert.equal(entry?.doc.version, 1);
  });

  it('keeps working for the other request when one of two is cancelled', async () => {
    clearCaches();
    const { analyses } = fixture(large);
    const source = new CancellationTokenSource();
    const cancelled = analyses.get(uri, source.token);
    const other = analyses.get(uri);
    await tick();
    source.cancel();
    assert.equal(await cancelled, undefined);
    assert.equal((await other)?.doc.version, 1);
  });

  it('drops the work when the document is closed', async () => {
    clearCaches();
    const { state, analyses } = fixture(large);
    const pending = analyses.get(uri);
    await tick();
    state.live = undefined;
    analyses.forget(uri);
    assert.equal(await pending, undefined);
  });
});

describe('the real server with a document above the slicing threshold', () => {
  let client: TestClient;
  /** About 130,000 characters, above SLICED_ABOVE: analysed in slices by the server. */
  const huge = (mark: string): string => copies(19, mark);
  const hugeUri = 'file:///tmp/huge.txt';
  const small = 'file:///tmp/small.txt';

  before(async () => {
    assert.ok(huge('a').length > SLICED_ABOVE);
    client = await TestClient.start({ pull: true });
    await client.open(small, seed);
    await client.pull(small);
    await client.open(hugeUri, huge('a'));
    await client.pull(hugeUri);
  });
  after(() => client.stop());

  it('answers other requests while it analyses the large document', async () => {
    // Every paragraph new: a long analysis, with the settings already known.
    await client.change(hugeUri, 2, [{ text: huge('b') }]);
    let answeredFirst = '';
    const big = client.pull(hugeUri).then(() => (answeredFirst ||= 'large'));
    const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 3 } }).then(() => (answeredFirst ||= 'hover'));
    await Promise.all([big, hover]);
    assert.equal(answeredFirst, 'hover');
  });

  it('answers a cancelled pull as cancelled, then the next pull in full', async () => {
    const text = huge('c');
    await client.change(hugeUri, 3, [{ text }]);
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: hugeUri } }, source.token);
    source.cancel();
    await assert.rejects(request, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.RequestCancelled);
    const items = await client.pull(hugeUri);
    assert.deepEqual(items.map(seen).sort(bySpan), expected(text).sort(bySpan));
    assert.ok(items.every((d) => (d.data as { version: number }).version === 3));
  });
});

describe('push diagnostics for a document above the slicing threshold', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: false });
  });
  after(() => client.stop());

  it('drops the analysis of versions superseded while it ran and publishes only the latest', async () => {
    const pushed = 'file:///tmp/pushed.txt';
    await client.open(pushed, copies(19, 'v1'));
    await client.change(pushed, 2, [{ text: copies(19, 'v2') }]);
    const last = copies(19, 'v3');
    await client.change(pushed, 3, [{ text: last }]);
    const published = await client.waitForPublished(pushed, 3);
    assert.deepEqual(published.diagnostics.map(seen).sort(bySpan), expected(last).sort(bySpan));
    assert.deepEqual(client.published.get(pushed)?.map((p) => p.version), [3]);
  });
});
