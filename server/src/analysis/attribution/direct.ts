// Direct quotations with a cue right next to them: `“...,” said X`, `“...,” X said`, `X said: “...”`.
import type { Quote } from '../text/quotes';
import { has } from '../text/tokens';
import type { Cue } from './cues';
import { sentenceSubject, subjectOf } from './frames';
import type { TokenSentence } from './model';
import { phraseAt, type Phrase } from './phrases';

/** A cue next to quote `q`: `“...,” Trump said`, `“...,” said Charap`, `Trump said: “...”`. */
export function directCue(s: TokenSentence, q: Quote, cues: readonly Cue[], used: ReadonlySet<Cue>, cueSpeakers: ReadonlyMap<Cue, Phrase | null>): { cue: Cue; speaker: Phrase | null } | null {
  const tokens = s.tokens;
  // After the closing mark.
  if (q.end <= s.end) {
    let k = tokens.findIndex((t) => t.start >= q.end);
    if (k >= 0) {
      while (tokens[k] && /^[,\-–—]$/.test(tokens[k]!.text)) k++;
      const atK = cues.find((c) => c.from === k && !used.has(c));
      if (atK && atK.type !== 'participle') {
        const sp = phraseAt(tokens, atK.to);
        if (sp) return { cue: atK, speaker: sp };
      }
      const sp = phraseAt(tokens, k);
      if (sp) {
        let j = sp.to;
        if (tokens[j]?.text === ',') {
          const close = tokens.findIndex((t, n) => n > j && n < j + 14 && t.text === ',');
          if (close > 0) j = close + 1;
        }
        while (tokens[j] && (has(tokens[j]!, 'Adverb') || ['also', 'later', 'then', 'has', 'had'].includes(tokens[j]!.lower))) j++;
        const c = cues.find((x) => x.from === j && !used.has(x) && x.type !== 'according');
        if (c) return { cue: c, speaker: sp };
      }
    }
  }
  // Before the opening mark: "Trump said: “...”", "He added, “...”", "Smith told reporters in a statement: “...”".
  const qi = tokens.findIndex((t) => t.start >= q.start);
  const limit = qi < 0 ? tokens.length : qi;
  // A quote running on into more of the clause ("said “it gets me mad” every time ...") is reported speech.
  const afterClose = tokens.find((t) => t.start >= q.end);
  if (afterClose && afterClose.isWord && q.end <= s.end) return null;
  // `“A,” he said, “B.”`: the second piece shares the first one's cue.
  const sharesCue = (c: Cue) => used.has(c) && limit - c.to <= 1 && tokens[c.to]?.text === ',';
  const before = cues.filter((c) => c.to <= limit && limit - c.to <= 8 && (!used.has(c) || sharesCue(c)));
  const c = before[before.length - 1];
  if (!c) return null;
  if (used.has(c)) return { cue: c, speaker: cueSpeakers.get(c) ?? null };
  const gap = tokens.slice(c.to, limit);
  if (gap.some((t) => t.lower === 'that' || t.text === '.' || t.text === '”' || t.text === '"' || (has(t, 'Verb') && !has(t, 'Noun')))) return null;
  if (c.type === 'according') {
    const sp = phraseAt(tokens, c.to);
    return sp ? { cue: c, speaker: sp } : null;
  }
  const sp = c.type === 'participle' ? sentenceSubject(tokens) : subjectOf(tokens, c.from, 0);
  return sp ? { cue: c, speaker: sp } : null;
}
