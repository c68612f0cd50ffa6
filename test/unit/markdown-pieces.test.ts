// The Markdown article is parsed in pieces memoised by their text (text/markdownChunks.ts); the
// result must equal a parse of the whole article, for any article and after any edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { markdownProse } from '../../server/src/analysis/text/markdown';
import { pieceStarts } from '../../server/src/analysis/text/markdownChunks';
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
});
