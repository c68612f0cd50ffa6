import { REPORTING_VERBS } from '../data/reportingVerbs';
import { has, type Token } from '../text/tokens';

/** A reporting cue found in a sentence: tokens `[from, to)`. */
export interface Cue {
  from: number;
  to: number;
  /** The lemma (`say`, `tell`, `according to`). */
  lemma: string;
  /** `according` for "according to X"; `participle` for ", saying ..."; otherwise `verb`. */
  type: 'verb' | 'according' | 'participle';
}

interface Entry {
  words: string[];
  lemma: string;
}

/** Lexicon: first word -> multi-word entries, longest first. */
export class CueLexicon {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(extraVerbs: readonly string[] = []) {
    for (const forms of REPORTING_VERBS) {
      const lemma = forms[0]!;
      for (const f of forms) this.add(f, lemma);
    }
    for (const v of extraVerbs) {
      const w = v.trim().toLowerCase();
      if (w !== '') this.add(w, w);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private add(phrase: string, lemma: string): void {
    const words = phrase.split(/\s+/);
    const first = words[0]!;
    const list = this.byFirst.get(first) ?? [];
    list.push({ words, lemma });
    this.byFirst.set(first, list);
  }

  /** Cues among `tokens`, skipping those whose first token starts inside one of `skip`. */
  find(tokens: readonly Token[], skip: (t: Token) => boolean): Cue[] {
    const cues: Cue[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!t.isWord || skip(t)) continue;
      if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
        cues.push({ from: i, to: i + 2, lemma: 'according to', type: 'according' });
        i++;
        continue;
      }
      const entries = this.byFirst.get(t.lower);
      if (!entries) continue;
      const entry = entries.find((e) => e.words.every((w, k) => tokens[i + k]?.lower === w));
      if (!entry) continue;
      if (!isVerbUse(tokens, i, entry)) continue;
      const participle = t.lower.endsWith('ing') && tokens[i - 1]?.text === ',';
      cues.push({ from: i, to: i + entry.words.length, lemma: entry.lemma, type: participle ? 'participle' : 'verb' });
      i += entry.words.length - 1;
    }
    return cues;
  }
}

/** "the claims", "a note", "his statement": nouns, not cues. "said" and "told" are always verbs. */
function isVerbUse(tokens: readonly Token[], i: number, entry: Entry): boolean {
  const t = tokens[i]!;
  if (entry.words.length > 1) return true;
  if (t.lower === 'said' || t.lower === 'told' || t.lower === 'says') {
    const prev = tokens[i - 1]?.lower;
    return prev !== 'the' && prev !== 'aforementioned';
  }
  const prev = tokens[i - 1]?.lower ?? '';
  if (['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'this', 'that', 'these', 'those'].includes(prev)) return false;
  if (t.tags.length === 0) return /(?:ed|ing)$/.test(t.lower);
  return has(t, 'Verb');
}
