// The only place that imports compromise. It runs once per distinct paragraph: block.ts memoises
// each paragraph's whole local analysis, tags included, so an edit re-tags only what changed.
import nlp from 'compromise';

/** Tags of the words of one paragraph, keyed by offset relative to the paragraph's start. */
export type TagMap = ReadonlyMap<number, readonly string[]>;

/** The slice of compromise's term objects read here. */
interface Term {
  tags?: Set<string>;
  offset?: { start: number };
}

/**
 * compromise's own hooks up to and including the pre-tagger, in its order, less those that do not
 * change tags (alias, machine, id, typeahead: the same tags on 200 PolNeAR paragraphs tried).
 */
const PIPELINE = ['contractions', 'index', 'freeze', 'lexicon', 'preTagger', 'contractionTwo'];

/** Part-of-speech tags (`Verb`, `Person`, `Value`, `Date` ...) of the words in `paragraph`. */
export function tagParagraph(paragraph: string): TagMap {
  const tags = new Map<number, readonly string[]>();
  // Tokenise, then run compromise's lexicon and pre-tagger but not its match-based post-tagger:
  // several times cheaper than nlp(text), and the attribution rules need only word classes.
  // Terms are read straight from the document (no json() objects); 'offset' is linear, unlike
  // sentence-level json({offset}), which is quadratic (notes/compromise.md).
  const doc = nlp.tokenize(paragraph).compute(PIPELINE);
  doc.compute('offset');
  for (const sentence of doc.docs as Term[][]) {
    for (const t of sentence) {
      if (t.offset && t.tags) tags.set(t.offset.start, [...t.tags]);
    }
  }
  return tags;
}
