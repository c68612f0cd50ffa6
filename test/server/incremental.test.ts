// Editing one paragraph of a long document over incremental sync: only that paragraph's findings
// change, and the result equals a fresh analysis of the new text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEED, TestClient } from './lspClient';
import { bySpan, expected, seen } from './helpers';

const seed = readFileSync(SEED, 'utf8').trimEnd();
/** Four copies of the seed, one paragraph per line: about 27,000 characters. */
const long = [seed, seed, seed, seed].join('\n\n') + '\n';
const uri = 'file:///tmp/long/article.txt';
const PARAGRAPH = 'This sets up a delicate balance for the Kremlin.';
const ADDED = ', which spent $3 billion on the war in 2024';

describe('editing one paragraph of a long document', () => {
  let client: TestClient;
  let before1: Diagnostic[];
  let after2: Diagnostic[];
  let editedLine: number;
  let newText: string;

  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(uri, long);
    before1 = await client.pull(uri);
    const doc = TextDocument.create(uri, 'plaintext', 1, long);
    // The paragraph in the third copy.
    let at = -1;
    for (let i = 0; i < 3; i++) at = long.indexOf(PARAGRAPH, at + 1);
    const insertAt = at + PARAGRAPH.length - 1;
    editedLine = doc.positionAt(insertAt).line;
    const position = doc.positionAt(insertAt);
    newText = long.slice(0, insertAt) + ADDED + long.slice(insertAt);
    await client.change(uri, 2, [{ range: { start: position, end: position }, text: ADDED }]);
    after2 = await client.pull(uri);
  });
  after(() => client.stop());

  it('leaves every other paragraph exactly as it was', () => {
    assert.ok(before1.length > 40, 'the long document has many findings');
    const elsewhere = (ds: Diagnostic[]) => ds.filter((d) => d.range.start.line !== editedLine).map(seen).sort(bySpan);
    assert.deepEqual(elsewhere(after2), elsewhere(before1));
  });

  it("changes the edited paragraph's findings: the new figure is an unsourced claim", () => {
    const onLine = (ds: Diagnostic[]) => ds.filter((d) => d.range.start.line === editedLine).map(seen);
    assert.notDeepEqual(onLine(after2), onLine(before1));
    assert.ok(onLine(after2).some((d) => d.rule === 'claim.unsourced'), JSON.stringify(onLine(after2)));
  });

  it('equals a fresh analysis of the new text (the incremental sync applied the change right)', () => {
    assert.deepEqual(after2.map(seen).sort(bySpan), expected(newText).sort(bySpan));
    assert.ok(after2.every((d) => (d.data as { version: number }).version === 2));
  });
});
