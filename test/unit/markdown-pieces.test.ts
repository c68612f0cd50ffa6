// The Markdown article is parsed in pieces memoised by their text (text/markdownChunks.ts); the
// result must equal a parse of the whole article, for any article and after any edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { markdownProse } from '../../server/src/analysis/text/markdown';
import { unchangedEnds } from '../../server/src/analysis/text/diff';
import { pieceStarts, pieceStartsAfterEdit } from '../../server/src/analysis/text/markdownChunks';
import { applyEdit, article, edit } from './articles';
import { checkMarkdownPieces } from './propertyChecks';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20240611;

const assertSameAsWhole = checkMarkdownPieces;

/** Constructs that run over blank lines, which a cut must not split. */
const LONG_BLOCKS = [
  '```\nfirst line\n\nShe said “after a blank line.\n\n```',
  '~~~~\n\n~~~\nstill code\n\n~~~~',
  '```\nnever closed\n\nHe said “yes.”',
  '<!--\nhidden\n\nThe mayor said “no.”\n-->',
  '<script>\nvar a = 1;\n\nvar b = 2;\n</script>',
  '<pre>\n\nnot prose\n\n</pre>',
  '<?php\n\necho 1;\n\n?>',
  '<!DOCTYPE html\n\n>',
  '<![CDATA[\n\nx\n\n]]>',
  '- a list item\n\n  that goes on\n\n- and another',
  '> a quote\n\n> another quote',
  '[^a]: A note\n\n    that goes on.',
  '    indented code\n\n    more code',
  '---\ntitle: front\n\nmatter\n---',
  '[ref]: https://example.com/ref',
  'See [the report][ref] and [ref].',
  '1. one\n\n2. two',
  'Heading\n=======',
  '---',
];

describe('Markdown parsed in pieces', () => {
  it('cuts only before unindented lines after a blank line', () => {
    const text = 'One.\n\nTwo.\n  \n  Three.\n\n\r\nFour.\r\rFive.';
    assert.deepEqual(
      pieceStarts(text).map((at) => text.slice(at, at + 4)),
      ['One.', 'Two.', 'Four', 'Five'],
    );
  });

  it('reads an article that starts with a byte order mark (micromark counts offsets without it)', () => {
    const text = '\ufeff# Title\n\nShe said “yes.”';
    const md = markdownProse(text);
    assert.deepEqual(
      md.blocks.map((b) => [text.slice(b.start, b.end), b.kind]),
      [
        ['Title', 'heading'],
        ['She said “yes.”', 'paragraph'],
      ],
    );
  });

  it('equals the whole parse on constructs that run over blank lines, in every order', () => {
    for (const a of LONG_BLOCKS) {
      for (const b of LONG_BLOCKS) {
        for (const c of LONG_BLOCKS) assertSameAsWhole(`${a}\n\nThe mayor said “yes.”\n\n${b}\n\n${c}\n\nShe added more.`);
      }
    }
  });

  it('equals the whole parse for any article, before and after edits', () => {
    fc.assert(
      fc.property(article, fc.array(edit, { maxLength: 4 }), fc.array(fc.constantFrom(...LONG_BLOCKS), { maxLength: 3 }), fc.nat(), (text, edits, extra, at) => {
        let t = text;
        for (const block of extra) {
          const k = at % (t.length + 1);
          t = `${t.slice(0, k)}\n\n${block}\n\n${t.slice(k)}`;
        }
        assertSameAsWhole(t);
        for (const e of edits) {
          t = applyEdit(t, e);
          assertSameAsWhole(t);
        }
      }),
      { numRuns: 1000, seed, includeErrorInReport: true },
    );
  });

  it('finds the cuts after an edit from the old ones, as a full scan does', () => {
    // Long articles of the generator's paragraphs, and edits anywhere: blank lines, CR and CRLF
    // breaks and whole blocks typed or deleted, the edit at a cut or in the blank line above one.
    const longArticle = fc.array(article, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('\n\n'));
    fc.assert(
      fc.property(longArticle, fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => {
        let before = text;
        let cuts = pieceStarts(before);
        for (const e of edits) {
          const after = applyEdit(before, e);
          const { prefix, suffix } = unchangedEnds(before, after);
          assert.ok(prefix + suffix <= Math.min(before.length, after.length), 'the unchanged ends do not overlap');
          assert.equal(before.slice(0, prefix), after.slice(0, prefix));
          assert.equal(before.slice(before.length - suffix), after.slice(after.length - suffix));
          const found = pieceStartsAfterEdit(after, before, cuts, prefix, suffix);
          assert.deepEqual(found, pieceStarts(after));
          before = after;
          cuts = found;
        }
      }),
      { numRuns: 1500, seed, includeErrorInReport: true },
    );
  });

  it('finds the unchanged ends of two versions, across whole blocks of 4,096 characters', () => {
    const base = 'The council met.\n\n'.repeat(1200);
    for (const at of [0, 1, 4095, 4096, 4097, 10_000, base.length - 1, base.length]) {
      for (const insert of ['', 'x', '\n\n', 'yy'.repeat(3000)]) {
        const after = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + 3));
        const { prefix, suffix } = unchangedEnds(base, after);
        let p = 0;
        while (p < Math.min(base.length, after.length) && base[p] === after[p]) p++;
        let s = 0;
        while (s < Math.min(base.length, after.length) - p && base[base.length - 1 - s] === after[after.length - 1 - s]) s++;
        assert.deepEqual({ prefix, suffix }, { prefix: p, suffix: s }, `edit at ${at}, ${insert.length} inserted`);
      }
    }
  });
});
