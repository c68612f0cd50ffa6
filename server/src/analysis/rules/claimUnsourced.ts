import type { Rule, RuleFinding } from './context';

/** A check-worthy sentence that is neither attributed nor followed by a source note. */
export const claimUnsourced: Rule = {
  id: 'claim.unsourced',
  check(ctx) {
    const { article } = ctx;
    // Sentences an attribution touches (its quote or its speaker) are attributed, not claims.
    // One flag per sentence, not a set: this runs over the whole article on every edit.
    const attributed = new Uint8Array(article.sentences.length);
    for (const a of ctx.attributions) {
      const from = ctx.sentenceAt(a.quote.start)!.index;
      const to = ctx.sentenceAt(a.quote.end - 1)!.index;
      attributed.fill(1, from, to + 1);
      if (a.speaker) attributed[ctx.sentenceAt(a.speaker.start)!.index] = 1;
    }
    // "It is believed that ...": already flagged as a vague source; one squiggle is enough.
    for (const p of article.phrases) attributed[ctx.sentenceAt(p.start)!.index] = 1;
    const out: RuleFinding[] = [];
    for (const s of article.sentences) {
      const trigger = s.trigger;
      if (!trigger || attributed[s.index] === 1 || ctx.hasNote(s)) continue;
      out.push({
        start: s.start,
        end: s.end,
        message: `Claim with ${trigger.description} and no source`,
        data: ctx.fixData(s, { trigger: trigger.description }),
      });
    }
    return out;
  },
};
