import type { Rule } from './context';

/** An attribution, direct or indirect, whose sentence carries no source note. */
export const quoteAttributed: Rule = {
  id: 'quote.attributed',
  check(ctx) {
    return ctx.attributions
      .filter((a) => !a.noteId && a.speakerKind !== 'vague' && a.speakerKind !== 'anonymous')
      .map((a) => {
        const sentence = ctx.sentenceAt(a.sentence.end - 1)!;
        const who = a.person ?? (a.speaker ? ctx.article.text.slice(a.speaker.start, a.speaker.end) : 'an unknown speaker');
        const how = a.cue ? a.cueText : 'continues the previous quote';
        return {
          start: a.quote.start,
          end: a.quote.end,
          message: `Quote attributed to ${who} (${how}); no source note`,
          data: ctx.fixData(sentence, { source: a.name ?? undefined, person: a.person ?? undefined, cue: a.cueText || undefined }, a.person ?? undefined),
        };
      });
  },
};
