// The only place that imports compromise. It runs once per distinct paragraph: block.ts memoises
// each paragraph's whole local analysis, tags included, so an edit re-tags only what changed.
import nlp from 'compromise';

/** Tags of the words of one paragraph, keyed by offset relative to the paragraph's start. */
export type TagMap = ReadonlyMap<number, readonly string[]>;

interface Term {
  tags?: string[];
  offset?: { start: number };
}
interface SentenceJson {
  terms?: Term[];
}

/** compromise's own hooks up to and including the pre-tagger, in its order. */
const PIPELINE = ['contractions', 'alias', 'machine', 'index', 'id', 'freeze', 'typeahead', 'lexicon', 'preTagger', 'contractionTwo'];

/** Part-of-speech tags (`Verb`, `Person`, `Value`, `Date` ...) of the words in `paragraph`. */
export function tagParagraph(paragraph: string): TagMap {
  const tags = new Map<number, readonly string[]>();
  // Tokenise, then run compromise's lexicon and pre-tagger but not its match-based post-tagger:
  // about 5x cheaper than nlp(text), and the attribution rules need only word classes.
  // doc.json with term offsets is linear; sentence-level json({offset}) is quadratic (notes/compromise.md).
  const json = nlp.tokenize(paragraph).compute(PIPELINE).json({ offset: true, terms: { offset: true } }) as SentenceJson[];
  for (const s of json) {
    for (const t of s.terms ?? []) {
      if (t.offset && t.tags) tags.set(t.offset.start, t.tags);
    }
  }
  return tags;
}
