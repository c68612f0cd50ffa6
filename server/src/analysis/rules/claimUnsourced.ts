import type { ParagraphRule, RuleFinding } from './context';

/** A check-worthy sentence that is neither attributed nor followed by a source note. */
export const claimUnsourced: ParagraphRule = {
  id: 'claim.unsourced',
  scope: 'paragraph',
  check(ctx) {
    // Sentences an attribution touches (its quote or its speaker) are attributed, not claims.
    const attributed = new Uint8Array(ctx.sentences.length);
    for (const a of ctx.attributions) {
      attributed.fill(1, ctx.sentenceAt(a.quote.start), ctx.sentenceAt(a.quote.end - 1) + 1);
      // A speaker in an earlier paragraph marks its sentence there, through its own attribution.
      if (a.speaker && a.speaker.start >= 0) attributed[ctx.sentenceAt(a.speaker.start)] = 1;
    }
    // "It is believed that ...": already flagged as a vague source; one squiggle is enough.
    for (const p of ctx.phrases) attributed[ctx.sentenceAt(p.start)] = 1;
    const out: RuleFinding[] = [];
    ctx.sentences.forEach((s, k) => {
      const trigger = s.trigger;
      if (!trigger || attributed[k] === 1 || ctx.hasNote(k)) return;
      out.push({
        start: s.start,
        end: s.end,
        message: `Claim with ${trigger.description} and no source`,
        data: ctx.fixData(k, { trigger: trigger.description }),
      });
    });
    return out;
  },
};
