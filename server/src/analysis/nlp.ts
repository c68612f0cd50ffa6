// The only place that imports compromise. Tags are computed once per distinct paragraph text
// and memoised, so an edit re-tags only the paragraph that changed (and a moved paragraph none).
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

const MAX_CACHED = 20_000;
const cache = new Map<string, TagMap>();

/** Part-of-speech tags (`Verb`, `Person`, `Value`, `Date` ...) of the words in `paragraph`. */
export function tagParagraph(paragraph: string): TagMap {
  const hit = cache.get(paragraph);
  if (hit) {
    // Refresh recency: Map iteration order is insertion order, so this keeps hot entries.
    cache.delete(paragraph);
    cache.set(paragraph, hit);
    return hit;
  }
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
  cache.set(paragraph, tags);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return tags;
}

/** Drop every memoised paragraph (tests and benchmarks measure cold runs with it). */
export function clearNlpCache(): void {
  cache.clear();
}
