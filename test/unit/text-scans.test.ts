// Note definitions, references and ignore markers (text/notes.ts) and tags in plain text
// (text/tags.ts) are found from each `[^`, `<!--` or `<` rather than by a scan of every
// position of the article; they must be exactly what that scan finds, line terminators and
// indentation included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanNotes } from '../../server/src/analysis/text/notes';
import { segment } from '../../server/src/analysis/article';
import { proseSlice } from '../../server/src/analysis/text/blanks';
import { plainTextBlocks } from '../../server/src/analysis/text/blocks';
import { markdownProse } from '../../server/src/analysis/text/markdown';
import { tagSpans } from '../../server/src/analysis/text/tags';

/** The text with its tags read as spaces, as the analyser reads plain text. */
const blankTags = (text: string): string => proseSlice({ source: text, blanks: tagSpans(text) }, 0, text.length);

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

describe('note references and ignore markers', () => {
  const REFERENCES = /\[\^([\p{L}\p{N}_.:-]{1,100})\](?!:)/gu;
  const MARKERS = /<!--[ \t]*factcheck-ignore\b([^\n>]{0,500}?)-->/g;
  const PIECES_2 = ['[^', ']', ']:', '[^a]', '[^a]:', '[^[^b]', 'x', ' ', '\n', 'é', '😀', '<!--', '-->', ' factcheck-ignore', 'factcheck-ignore', ' claim.unsourced', '>', '<!-- factcheck-ignore -->'];
  const found = (text: string) => {
    const scan = scanNotes(text, [], 'TODO');
    return { references: scan.notes.references.map(({ id, start, end }) => ({ id, start, end })), ignores: scan.ignores.map(({ start, end }) => ({ start, end })) };
  };
  const byWholeScan = (text: string) => ({
    references: [...text.matchAll(REFERENCES)].map((m) => ({ id: m[1]!, start: m.index, end: m.index + m[0].length })),
    ignores: [...text.matchAll(MARKERS)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  });

  it('are found from each `[^` and `<!--` exactly where a scan of every position finds them', () => {
    const text = 'A [^a] and [^b]: and [^[^c] <!-- factcheck-ignore claim.unsourced --> <!-- other --> <!--factcheck-ignore-->';
    assert.deepEqual(found(text).references.map((r) => r.id), ['a', 'c']);
    assert.equal(found(text).ignores.length, 2);
    assert.deepEqual(found(text), byWholeScan(text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES_2), { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(found(text), byWholeScan(text));
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

describe('the prose: the text read with tags, notes and markers as spaces', () => {
  // What the analyser built before it read the prose as a view (text/blanks.ts): whole strings.
  const blankSpans = (text: string, spans: readonly { start: number; end: number }[]): string => {
    const parts: string[] = [];
    let at = 0;
    for (const s of [...spans].sort((a, b) => a.start - b.start)) {
      if (s.start < at) continue;
      parts.push(text.slice(at, s.start), text.slice(s.start, s.end).replace(/[^\n]/g, ' '));
      at = s.end;
    }
    return parts.join('') + text.slice(at);
  };
  const proseAsString = (text: string, markdown: boolean): string => {
    const md = markdown ? markdownProse(text) : null;
    const scan = scanNotes(text, md?.verbatim ?? [], 'TODO');
    const base = md ? String(md.prose) : blankSpans(text, tagSpans(text));
    return blankSpans(base, [...scan.notes.references, ...scan.notes.definitions, ...scan.ignores]);
  };
  const trimmedAsString = (prose: string, blocks: readonly { start: number; end: number; kind: string; from: number }[]) =>
    blocks
      .map((b) => {
        let { start, end } = b;
        while (start < end && /\s/.test(prose[start] ?? '')) start++;
        while (end > start && /\s/.test(prose[end - 1] ?? '')) end--;
        return { start, end, kind: b.kind, from: b.from };
      })
      .filter((b) => b.end > b.start);
  const PROSE_PIECES = ['Word', 'said', ' ', '  ', '.', '“', '”', '"', "''", '\n', '\n\n', '\r\n', '\t', '\u2028', '<b>', '</b>', '<tweet id="1"/>', '[^1]', '[^1]: Source.', '[^n]: TODO', '<!-- factcheck-ignore -->', '<!-- factcheck-ignore claim.unsourced -->', '# ', '> ', '- ', '`code`', '30', '%'];

  for (const format of ['plaintext', 'markdown'] as const) {
    it(`is the text blanked as one string was, with the same paragraphs (${format})`, () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...PROSE_PIECES), { maxLength: 50 }), (pieces) => {
          const text = pieces.join('');
          const seg = segment(text, { format });
          const expected = proseAsString(text, format === 'markdown');
          assert.equal(proseSlice(seg.prose, 0, text.length), expected);
          if (format === 'plaintext') assert.deepEqual(seg.blocks, plainTextBlocks({ source: expected, blanks: [] }));
          else assert.deepEqual(seg.blocks, trimmedAsString(expected, markdownProse(text).blocks));
          for (const b of seg.blocks) assert.equal(proseSlice(seg.prose, b.start, b.end), expected.slice(b.start, b.end));
        }),
        { seed, numRuns: 3_000 },
      );
    });
  }
});
