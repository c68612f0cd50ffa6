// Note definitions (text/notes.ts) and tags in plain text (text/tags.ts) are found from each `[^`
// or `<` rather than by a scan of every position of the article; they must be exactly what that
// scan finds, line terminators and indentation included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanNotes } from '../../server/src/analysis/text/notes';
import { blankTags } from '../../server/src/analysis/text/tags';

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

describe('tags in plain text', () => {
  const WHOLE_SCAN = /<\/?[A-Za-z][^<>\n]{0,2000}>/g;
  const TAG_PIECES = ['<', '>', '</', 'a', 'B', '1', ' ', '\n', 'x="y"', '<<', '<a>', '</b>', '<!-- c -->', 'é'];

  it('are blanked exactly where a scan of every position finds them', () => {
    const blank = (n: number) => ' '.repeat(n);
    assert.equal(blankTags('Say <b>hi</b> <3 to <tweet id="1">x</tweet>.'), `Say ${blank(3)}hi${blank(4)} <3 to ${blank(14)}x${blank(8)}.`);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TAG_PIECES), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(blankTags(text), text.replace(WHOLE_SCAN, (m) => ' '.repeat(m.length)));
      }),
      { seed, numRuns: 5_000 },
    );
  });
});
