// Note definitions are found from each `[^` rather than by a multiline scan of the whole article
// (text/notes.ts); they must be exactly the definitions that scan finds, line terminators and
// indentation included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanNotes } from '../../server/src/analysis/text/notes';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261127;

/** The scan the product used before: every position of the article tried. */
const WHOLE_SCAN = /^[ \t]{0,3}\[\^([\p{L}\p{N}_.:-]{1,100})\]:[ \t]*([^\n\r]*)$/gmu;
function definitionsByWholeScan(text: string): { id: string; start: number; end: number }[] {
  return [...text.matchAll(WHOLE_SCAN)].map((m) => ({ id: m[1]!, start: m.index, end: m.index + m[0].length }));
}

const definitions = (text: string) => scanNotes(text, [], 'TODO').notes.definitions.map(({ id, start, end }) => ({ id, start, end }));

const PIECES = ['[^', ']', ']:', '[^a]:', '[^a1]: Source.', 'x', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', 'é', '-', ':', '[', '^'];

describe('note definitions', () => {
  it('are found at line starts after up to three spaces or tabs, whatever ends the line before', () => {
    const text = '[^a]: One.\n   [^b]: Two.\r    [^c]: not four spaces.\u2028\t[^d]: Four.\r\nx [^e]: not at a start.\n[^f]: [^g]: Six.';
    assert.deepEqual(definitions(text).map((d) => d.id), ['a', 'b', 'd', 'f']);
    assert.deepEqual(definitions(text), definitionsByWholeScan(text));
  });

  it('equal a scan of every position, on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(definitions(text), definitionsByWholeScan(text));
      }),
      { seed, numRuns: 5_000 },
    );
  });
});
