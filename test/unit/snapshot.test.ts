// The server's document snapshot (server/src/snapshot.ts) indexes lines its own way; every
// position, offset, range and line it reports must be TextDocument's, on any text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSnapshot } from '../../server/src/snapshot';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261127;
const PIECES = ['a', 'word ', '\n', '\r', '\r\n', '\n\r', '\u2028', '😀', 'é', ' ', '\t'];

function assertSame(text: string, order: readonly number[] = []): void {
  const ours = new DocumentSnapshot('file:///a.md', 'markdown', 7, text);
  const theirs = TextDocument.create('file:///a.md', 'markdown', 7, text);
  assert.equal(ours.lineCount, theirs.lineCount, 'lineCount');
  // The line index starts from the line it found last: ask in any order, then in document order.
  for (const k of order) {
    const offset = Math.round(k * (text.length + 4)) - 2;
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset}), asked out of order`);
  }
  for (let offset = -2; offset <= text.length + 2; offset++) assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `positionAt(${offset})`);
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line})`);
    for (let character = -1; character <= 6; character++) {
      const position = { line, character };
      assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `offsetAt(${line}:${character})`);
      const range = { start: { line: 0, character: 1 }, end: position };
      assert.equal(ours.getText(range), theirs.getText(range), `getText to ${line}:${character}`);
    }
  }
  assert.equal(ours.getText(), text);
}

describe('document snapshot', () => {
  it('reports what TextDocument reports, line breaks of every kind included', () => {
    assertSame('');
    assertSame('One line.\r\nTwo\rthree\n\nfour 😀\r');
    assert.deepEqual(new DocumentSnapshot('file:///a.txt', 'plaintext', 1, 'a\r\nb').positionAt(2), { line: 0, character: 1 });
  });

  it('reports what TextDocument reports on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }), (pieces, order) =>
        assertSame(pieces.join(''), order),
      ),
      { seed, numRuns: 2_000 },
    );
  });
});
