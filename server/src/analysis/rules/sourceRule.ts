import { sourceHits } from '../vagueness';
import type { RuleId } from '../types';
import type { Rule } from './context';

/** A rule over the article's vague or anonymous sources; the two differ in kind and advice. */
export function sourceRule(id: RuleId, kind: 'vague' | 'anonymous', label: string, advice: string): Rule {
  return {
    id,
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
