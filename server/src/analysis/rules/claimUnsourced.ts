import type { Rule } from './context';

/** A check-worthy sentence that is neither attributed nor followed by a source note. */
export const claimUnsourced: Rule = {
  id: 'claim.unsourced',
  check(ctx) {
    const { article } = ctx;
    // Sentences an attribution touches (its quote or its speaker) are attributed, not claims.
    const attributed = new Set<number>();
    for (const a of ctx.attributions) {
      const from = ctx.sentenceAt(a.quote.start)!.index;
      const to = ctx.sentenceAt(a.quote.end - 1)!.index;
      for (let i = from; i <= to; i++) attributed.add(i);
      if (a.speaker) attributed.add(ctx.sentenceAt(a.speaker.start)!.index);
    }
    // "It is believed that ...": already flagged as a vague source; one squiggle is enough.
    for (const p of article.phrases) attributed.add(ctx.sentenceAt(p.start)!.index);
    return article.sentences.flatMap((s) => {
      const trigger = s.trigger;
      if (!trigger || attributed.has(s.index) || ctx.hasNote(s)) return [];
      return [{
        start: s.start,
        end: s.end,
        message: `Claim with ${trigger.label} ("${trigger.text}") and no source`,
        data: ctx.fixData(s, { trigger: `${trigger.label} ("${trigger.text}")` }),
      }];
    });
  },
};
