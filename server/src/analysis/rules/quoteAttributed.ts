import type { ParagraphRule, RuleFinding } from './context';

/** An attribution, direct or indirect, whose sentence carries no source note. */
export const quoteAttributed: ParagraphRule = {
  id: 'quote.attributed',
  scope: 'paragraph',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const a of ctx.attributions) {
      if (a.noteId || a.speakerKind === 'vague' || a.speakerKind === 'anonymous') continue;
      const who = a.person ?? (a.speaker ? ctx.source(a.speaker.start, a.speaker.end) : 'an unknown speaker');
      const how = a.cue ? a.cueText : 'continues the previous quote';
      out.push({
        start: a.quote.start,
        end: a.quote.end,
        message: `Quote attributed to ${who} (${how}); no source note`,
        data: ctx.fixData(ctx.sentenceAt(a.sentence.end - 1), { source: a.name ?? undefined, person: a.person ?? undefined, cue: a.cueText || undefined }, a.person ?? undefined),
      });
    }
    return out;
  },
};
