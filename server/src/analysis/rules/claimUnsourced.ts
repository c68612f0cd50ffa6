import { claimTrigger, isByline } from '../claims';
import type { Rule } from './context';

/** A check-worthy sentence that is neither attributed nor followed by a source note. */
export const claimUnsourced: Rule = {
  id: 'claim.unsourced',
  check(ctx) {
    const { article } = ctx;
    const covered = ctx.attributions.flatMap((a) => [a.quote, ...(a.speaker ? [a.speaker] : [])]);
    return article.sentences.flatMap((s) => {
      const block = article.blocks[s.block];
      if (!block || block.kind === 'heading') return [];
      const text = article.prose.slice(s.start, s.end);
      if (/\?\s*["”’»]?\s*$/.test(text) || isByline(text)) return [];
      if (s.tokens.filter((t) => t.isWord).length < 6) return [];
      if (covered.some((c) => c.start < s.end && c.end > s.start)) return [];
      // Sentences inside a quotation are the speaker's words, not the reporter's claims.
      if (article.quotes.some((q) => q.start <= s.start && q.end >= s.end)) return [];
      if (ctx.hasNote(s)) return [];
      const trigger = claimTrigger(s, article.prose);
      if (!trigger) return [];
      return [{
        start: s.start,
        end: s.end,
        message: `Claim with ${trigger.label} ("${trigger.text}") and no source`,
        data: ctx.fixData(s, { trigger: `${trigger.label} ("${trigger.text}")` }),
      }];
    });
  },
};
