// The only place that imports compromise. It runs once per distinct paragraph: block.ts memoises
// each paragraph's whole local analysis, tags included, so an edit re-tags only what changed.
// compromise/two is the tokenizer and the pre-tagger, all the pipeline below runs: the full
// build's third level (chunker, phrase methods) changed no tag on the corpus (242,002 tags) and
// cost every process and CLI worker ~35 ms to load.
import nlp from 'compromise/two';

/** Tags of the words of one paragraph, keyed by offset relative to the paragraph's start. */
export type TagMap = ReadonlyMap<number, readonly string[]>;

/** The slice of compromise's term objects read here. */
interface Term {
  tags?: Set<string>;
  offset?: { start: number };
}

/**
 * compromise's own hooks after its parser, up to and including the pre-tagger, in its order, less
 * those that do not change tags (id, typeahead: the same tags on 200 PolNeAR paragraphs tried)
 * and `normal`: the parser has already normalised every term (see tagPiece).
 */
const PIPELINE = ['alias', 'machine', 'contractions', 'index', 'freeze', 'lexicon', 'preTagger', 'contractionTwo'];

/** The slice of compromise's world and document class used to build a document from its parser. */
type Doc = ReturnType<typeof nlp.tokenize>;
const world = nlp.world() as unknown as { methods: { one: { tokenize: { fromString(text: string, world: unknown): unknown } } } };
const DocumentView = (nlp.tokenize('') as unknown as { constructor: new (document: unknown) => Doc }).constructor;

/**
 * A run of this many non-space characters is no word (a URL, base64, a row of dots, NUL bytes):
 * it is left untagged. compromise is quadratic in such a run.
 */
const MAX_RUN = 200;
/**
 * compromise's sentence splitting is quadratic in the length of what it reads as one sentence
 * (50,000 characters of `Mr. Mr. ...` or `?????` take seconds), so a paragraph longer than this
 * is tagged in pieces cut after a sentence's end (or at a space). Real paragraphs are shorter and
 * tagged whole, exactly as before.
 */
const MAX_PIECE = 3_000;
// Linear: a single greedy class; a shorter run fails after at most MAX_RUN steps.
const LONG_RUN = new RegExp(`\\S{${MAX_RUN},}`, 'g');

/** Part-of-speech tags (`Verb`, `Person`, `Value`, `Date` ...) of the words in `paragraph`. */
export function tagParagraph(paragraph: string): TagMap {
  const tags = new Map<number, readonly string[]>();
  const text = paragraph.length < MAX_RUN ? paragraph : paragraph.replace(LONG_RUN, (run) => ' '.repeat(run.length));
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from);
    tagPiece(text.slice(from, to), from, tags);
    from = to;
  }
  return tags;
}

/** Where the piece starting at `from` ends: the text's end, else the last sentence end or space within MAX_PIECE. */
function pieceEnd(text: string, from: number): number {
  const limit = from + MAX_PIECE;
  if (text.length <= limit) return text.length;
  let space = -1;
  for (let i = limit - 1; i > from; i--) {
    if (!/\s/.test(text[i]!)) continue;
    if (/[.!?…]/.test(text[i - 1]!)) return i;
    if (space < 0) space = i;
  }
  // No run is longer than MAX_RUN after blanking, so a piece always has a space.
  return space > 0 ? space : limit;
}

function tagPiece(piece: string, at: number, tags: Map<number, readonly string[]>): void {
  // Tokenise, then run compromise's lexicon and pre-tagger but not its match-based post-tagger:
  // several times cheaper than nlp(text), and the attribution rules need only word classes.
  // Terms are read straight from the document (no json() objects); 'offset' is linear, unlike
  // sentence-level json({offset}), which is quadratic (notes/compromise.md).
  // The document is built from compromise's parser as nlp.tokenize builds it, but without the
  // 'normal' step nlp.tokenize runs after it: the parser has already normalised every term, so
  // it did the work twice (10% of the tagging; the same tags on every PolNeAR paragraph).
  const doc = new DocumentView(world.methods.one.tokenize.fromString(piece, world)).compute(PIPELINE);
  doc.compute('offset');
  for (const sentence of doc.docs as Term[][]) {
    for (const t of sentence) {
      if (t.offset && t.tags) tags.set(at + t.offset.start, [...t.tags]);
    }
  }
}
