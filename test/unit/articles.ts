// fast-check generators of articles for the property tests and `npm run fuzz`: random mixes of
// news sentences, quotations with every kind of mark (nested, unbalanced), footnote references and
// definitions, ignore markers, Markdown structure, CRLF, astral characters, combining marks and
// right-to-left text. Every fragment below was written for these tests.
import fc from 'fast-check';
import type { AnalyseOptions, ArticleFormat } from '../../server/src/analysis';

/** Reporter's sentences: claims with figures and dates, attributions, vague and anonymous sources, plain prose. */
const SENTENCES = [
  'The council approved the new budget on Tuesday.',
  'Prices rose 12 percent in 2023, the highest rise in a decade.',
  'Maria Okafor, the city treasurer, said the plan would cost $3.5 million.',
  'She told reporters that the vote had been close.',
  'Officials familiar with the talks said nothing had been agreed.',
  'Analysts claim the deal is fragile.',
  'It is believed that the factory will close.',
  'According to the ministry, 40,000 jobs were lost.',
  'Some say the mayor knew.',
  'The weather was mild.',
  'Tom Reyes resigned in March because of the audit.',
  'A senior official, who asked not to be named, confirmed the report.',
  'He added that more money was needed.',
  'Experts say the bridge is safe.',
  'Acme Corp. closed its plant in Ohio last year.',
  'Dr. Lena Park of the U.S. Geological Survey said the quake was minor.',
  'Nobody knows.',
  'Why did the dam fail?',
  'The river flooded twice, more than in any year since 1990.',
  'By Jane Doe',
  'Mr. Reyes denied it.',
  'The mayor, however, told the council on Monday that talks would resume.',
  'Turnout fell to 41% after the storm.',
  'people close to the company said the sale was off',
];

const QUOTE_BODIES = [
  'We will not give up',
  'It is too late for that',
  'This is a good day for the city, and a better one for the river',
  'No',
  'They knew, and they said nothing',
  'I never said it would be easy',
  'Ask him yourself.',
  'We spent $2 million. It was worth it',
  '',
];

/** Opening and closing marks, including pairs that are used the "wrong" way round. */
const MARKS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['"', '"'],
  ['„', '“'],
  ['«', '»'],
  ['« ', ' »'],
  ['‹', '›'],
  ['‘', '’'],
  ["'", "'"],
  ['``', "''"],
  ["''", "''"],
  ['「', '」'],
  ['»', '«'],
  ['”', '“'],
];

const SPEAKERS = ['Tom Reyes', 'the mayor', 'she', 'he', 'a spokesperson', 'Ms. Okafor', 'officials', 'Dmitri S. Peskov, a spokesman,', 'the ministry', 'two people familiar with the matter'];
const CUES = ['said', 'told reporters', 'added', 'wrote', 'claimed', 'insisted', 'quipped', 'says'];

const NOTE_IDS = ['1', 'a', 'peskov-1', 'claim-1', 'claim-2', 'x.y', 'n:1', 'é', 'Source_3', 'reyes-1', 'A'];
const NOTE_TEXTS = ['Interview with the author, 2024-03-01.', 'TODO', '', 'City report (link: TODO)', 'Tom Reyes, told reporters (date, link: https://example.com/a)', 'todo later', '“Quoted” title, p. 4'];

/** Characters that break naive string handling: astral, joiners, combining marks, bidi controls, NUL. */
const ODD = [
  '😀',
  '👩‍👩‍👧',
  '🇺🇦',
  '𝐀𝐁𝐂',
  'e\u0301',
  'a\u0300\u0301\u0302',
  'ﬁ',
  '\u200f',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u00a0',
  '\t',
  '\0',
  '\u2028',
  '\u0085',
  '…',
  '—',
  '\r',
];

/** Right-to-left and other scripts, with their own quotation marks. */
const FOREIGN = ['قال المتحدث إن الاتفاق «صامد».', 'הוא אמר ״לא״ ויצא.', 'Он сказал: «Нет».', '他说：“不行。”', 'Elle a dit : « Non ».', 'Er sagte: „Nein.“'];

const MARKERS = [
  '<!-- factcheck-ignore -->',
  '<!-- factcheck-ignore claim.unsourced -->',
  '<!-- factcheck-ignore quote.attributed, source.vague -->',
  '<!-- factcheck-ignore note.missing note.unused -->',
  '<!--factcheck-ignore quote.unbalanced-->',
  '<!-- factcheck-ignore',
];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const markPair = pick(MARKS);

/** A quotation in one of its shapes: attributed before or after, floating, nested, or unbalanced. */
const quotation: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 8 }), markPair, markPair, pick(QUOTE_BODIES), pick(QUOTE_BODIES), pick(SPEAKERS), pick(CUES))
  .map(([shape, [o, c], [o2, c2], body, body2, who, cue]) => {
    switch (shape) {
      case 0:
        return `${o}${body},${c} ${cue} ${who}.`;
      case 1:
        return `${who} ${cue}: ${o}${body}.${c}`;
      case 2:
        return `${o}${body}.${c}`;
      case 3:
        return `${o}${body}`;
      case 4:
        return `${body}${c}`;
      case 5:
        return `${o}${body} ${o2}${body2}${c2} for now.${c} ${who} ${cue}.`;
      case 6:
        return `${o}${body},${c} ${who} ${cue}, ${o}${body2}.${c}`;
      case 7:
        return `${who} ${cue} the plan was ${o}${body}${c}.`;
      default:
        return `${o}${c}`;
    }
  });

const noteId = pick(NOTE_IDS);
const reference = fc.oneof({ weight: 6, arbitrary: noteId.map((id) => `[^${id}]`) }, { weight: 1, arbitrary: pick(['[^]', '[^ a]', '[^a', '[^a]:', '[^x]]', '[^' + 'a'.repeat(120) + ']']) });
const definition = fc.tuple(noteId, pick(NOTE_TEXTS), pick(['', ' ', '  ', '   '])).map(([id, text, indent]) => `${indent}[^${id}]: ${text}`);

/** A sentence-sized piece of a paragraph. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: pick(SENTENCES) },
  { weight: 5, arbitrary: quotation },
  { weight: 3, arbitrary: fc.tuple(pick(SENTENCES), reference).map(([s, r]) => s + r) },
  { weight: 1, arbitrary: fc.tuple(pick(SENTENCES), reference, reference).map(([s, r, r2]) => `${s.slice(0, -1)}${r}${s.slice(-1)}${r2}`) },
  { weight: 2, arbitrary: fc.tuple(pick(SENTENCES), pick(ODD), fc.nat()).map(([s, odd, at]) => s.slice(0, at % (s.length + 1)) + odd + s.slice(at % (s.length + 1))) },
  { weight: 1, arbitrary: pick(FOREIGN) },
  { weight: 1, arbitrary: pick(ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Markdown inline wrappers around a piece (in plain text they are just characters). */
const inline = fc.tuple(piece, fc.integer({ min: 0, max: 9 })).map(([p, k]) => {
  switch (k) {
    case 0:
      return `*${p}*`;
    case 1:
      return `**${p}**`;
    case 2:
      return `\`${p}\``;
    case 3:
      return `[${p}](https://example.com/a_(b))`;
    case 4:
      return `<span>${p}</span>`;
    case 5:
      return `${p} <https://example.com>`;
    default:
      return p;
  }
});

const SEPARATORS = [' ', ' ', ' ', '', '  ', '\n', '\r\n', ' \t'];

const paragraph = fc.tuple(fc.array(inline, { minLength: 1, maxLength: 5 }), fc.array(pick(SEPARATORS), { minLength: 5, maxLength: 5 })).map(([pieces, seps]) => pieces.map((p, i) => (i === 0 ? p : seps[i % seps.length] + p)).join(''));

const PREFIXES = ['', '', '', '', '# ', '## ', '- ', '* ', '1. ', '> ', '> > ', '    ', '- [ ] ', '  - ', '>- ', '###### '];

/** Block-level Markdown that is not a paragraph: code, tables, HTML, rules. */
const OTHER_BLOCKS = [
  '```\nHe said “this is code.\n[^code]: not a note\n```',
  '~~~js\nconst q = "unclosed;\n~~~',
  '| Name | Said |\n|---|---|\n| Reyes | “No” |',
  '<div>\nShe said “hi.\n</div>',
  '---',
  '***',
  '<!-- a comment with “quotes -->',
  '    indented code “with a quote',
  '```\nan unclosed fence',
  '## Sources',
  '## Sources\n\n[^a]: A report, 2024.',
  '```\n## Sources\n```',
  '<!-- unterminated comment',
];

const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(pick(PREFIXES), paragraph).map(([p, text]) => p + text) },
  { weight: 2, arbitrary: definition },
  { weight: 1, arbitrary: pick(MARKERS) },
  { weight: 1, arbitrary: fc.tuple(pick(MARKERS), paragraph).map(([m, p]) => `${m}\n${p}`) },
  { weight: 1, arbitrary: pick(OTHER_BLOCKS) },
);

const BLOCK_SEPARATORS = ['\n\n', '\n\n', '\n', '\r\n\r\n', '\r\n', '\n\n\n', '\n \n', '\r\r', '\n\t\n'];

/** A whole article of up to `maxBlocks` blocks with assorted separators, perhaps front matter and a trailing line break. */
export const articleOf = (maxBlocks: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(block, { minLength: 0, maxLength: maxBlocks }),
      fc.array(pick(BLOCK_SEPARATORS), { minLength: 9, maxLength: 9 }),
      fc.constantFrom('', '---\ntitle: “A test\n---\n', '+++\ntitle = "x"\n+++\n'),
      fc.constantFrom('', '\n', '\r\n', '\n\n'),
    )
    .map(([blocks, seps, front, end]) => front + blocks.map((b, i) => (i === 0 ? b : seps[i % seps.length] + b)).join('') + end);

/** An article of up to nine blocks. */
export const article = articleOf(9);

export const format: fc.Arbitrary<ArticleFormat> = fc.constantFrom('plaintext', 'markdown');

/** Analyser options as users configure them: extra verbs and phrases are plain strings, including regex-looking ones. */
export const options: fc.Arbitrary<AnalyseOptions> = fc.record(
  {
    extraReportingVerbs: fc.array(pick(['quipped', 'quips', 'mused', 'said', 'a+b', '(x)', ' ', 'told reporters']), { maxLength: 3 }),
    extraVaguePhrases: fc.array(pick(['insiders say', 'some say', '.*', '(a|a)*$', 'it', '“no”', '😀', '']), { maxLength: 3 }),
    placeholder: pick(['TODO', 'XXX', 'todo', '.']),
  },
  { requiredKeys: [] },
);

/** An edit as an editor sends it: replace `[at, at + remove)` with `insert` (positions wrap to the text). */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
  /** Move `[at, at + remove)` to this position instead of deleting it (cut and paste). */
  moveTo?: number;
}

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(piece, pick(['', ' ', '\n', '\n\n', '\r\n', '.', '“', '”', '"', '[^a]', '😀', 'x'])) }) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), remove: fc.nat({ max: 400 }), insert: fc.constant('') }) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), remove: fc.constant(0), insert: block.map((b) => `\n\n${b}\n\n`) }) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), remove: fc.nat({ max: 300 }), insert: fc.constant(''), moveTo: fc.nat() }) },
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` does not fall between the two halves of a surrogate pair. */
export function onBoundary(text: string, offset: number): boolean {
  return offset <= 0 || offset >= text.length || !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

/** Moves `offset` back to a boundary, as an editor never splits a character. */
function snap(text: string, offset: number): number {
  return onBoundary(text, offset) ? offset : offset - 1;
}

/** Applies `e` to `text`; positions wrap modulo the length. */
export function applyEdit(text: string, e: Edit): string {
  const at = snap(text, e.at % (text.length + 1));
  const end = snap(text, Math.min(text.length, at + e.remove));
  const cut = text.slice(at, end);
  const rest = text.slice(0, at) + text.slice(end);
  if (e.moveTo === undefined) return text.slice(0, at) + e.insert + text.slice(end);
  const to = snap(rest, e.moveTo % (rest.length + 1));
  return rest.slice(0, to) + cut + rest.slice(to);
}
