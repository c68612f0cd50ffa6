import type { Rule, RuleFinding } from './context';

/** An attribution, direct or indirect, whose sentence carries no source note. */
export const quoteAttributed: Rule = {
  id: 'quote.attributed',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const a of ctx.attributions) {
      if (a.noteId || a.speakerKind === 'vague' || a.speakerKind === 'anonymous') continue;
      const sentence = ctx.sentenceAt(a.sentence.end - 1)!;
      const who = a.person ?? (a.speaker ? ctx.article.text.slice(a.speaker.start, a.speaker.end) : 'an unknown speaker');
      const how = a.cue ? a.cueText : 'continues the previous quote';
      out.push({
        start: a.quote.start,
        end: a.quote.end,
        message: `Quote attributed to ${who} (${how}); no source note`,
        data: ctx.fixData(sentence, { source: a.name ?? undefined, person: a.person ?? undefined, cue: a.cueText || undefined }, a.person ?? undefined),
      });
    }
    return out;
  },
};
