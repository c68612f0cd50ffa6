import { sourceHits } from '../vagueness';
import type { RuleId } from '../types';
import type { ParagraphRule } from './context';

/** A rule over a paragraph's vague or anonymous sources; the two differ in kind and advice. */
export function sourceRule(id: RuleId, kind: 'vague' | 'anonymous', label: string, advice: string): ParagraphRule {
  return {
    id,
    scope: 'paragraph',
    check(ctx) {
      return sourceHits(ctx)
        .filter((h) => h.kind === kind)
        .map((h) => ({
          start: h.start,
          end: h.end,
          message: `${label} ("${h.text.length <= 40 ? h.text : h.who ?? h.text}"): ${advice}`,
          data: ctx.fixData(h.anchor, { source: h.who ?? h.text }, h.who?.toLowerCase()),
        }));
    },
  };
}
