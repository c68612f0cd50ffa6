// The paragraph rules over one paragraph. Their findings are kept with the paragraph
// (incremental.ts) while its results, the settings and the text the rules read are unchanged.
import type { BlockAnalysis } from './block';
import type { Staged } from './paragraph';
import { PARAGRAPH_RULES } from './rules';
import type { ParagraphContext, RuleFinding } from './rules/context';
import { slug } from './rules/context';
import { RULE_IDS } from './ruleInfo';
import { lastStartingAt } from './text/spans';
import type { AnalyseOptions, RuleId } from './types';

/** A finding of a paragraph rule, offsets relative to the paragraph; `data.suggestedId` is the id's base. */
export interface ParagraphFinding extends RuleFinding {
  rule: RuleId;
}

/** The findings of one paragraph. */
export interface ParagraphFindings {
  /** Sorted by start, end and rule id: the order of the article's findings. */
  findings: ParagraphFinding[];
  /** For each paragraph rule (registry order), the indices of its findings in the order it reported them. */
  byRule: number[][];
  errors: { rule: RuleId; message: string }[];
  /** What the rules read from the article's text; empty for most paragraphs. */
  reads: Read[];
}

/** Text the rules read from the article (markup included), checked again before results are reused. */
export interface Read {
  start: number;
  end: number;
  text: string;
}

const NO_READS: Read[] = [];
const NO_INDICES: number[] = [];

/** Findings at the same range are ordered by rule id (as `localeCompare` orders them). */
const RULE_ORDER = new Map<RuleId, number>([...RULE_IDS].sort((a, b) => a.localeCompare(b)).map((id, i) => [id, i]));

export const compareFindings = (a: { start: number; end: number; rule: RuleId }, b: { start: number; end: number; rule: RuleId }): number =>
  a.start - b.start || a.end - b.end || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!;

/** What a paragraph's findings need besides its results. */
export interface ParagraphRuleInput {
  local: BlockAnalysis;
  staged: Staged;
  /** The article's text and the paragraph's start in it. */
  text: string;
  at: number;
  notedLater: readonly number[];
  options: AnalyseOptions;
  /** Which paragraph rules are on (registry order). */
  enabled: readonly boolean[];
}

/** The article's text at paragraph offsets `start`-`end`, clipped to the text. */
function readAt(text: string, at: number, start: number, end: number): string {
  const from = Math.max(0, at + start);
  return text.slice(from, Math.max(from, Math.min(text.length, at + end)));
}

/** Does the text at `at` still read as it did? */
export function readsSame(text: string, at: number, reads: readonly Read[]): boolean {
  return reads.every((r) => {
    const from = Math.max(0, at + r.start);
    const to = Math.max(from, Math.min(text.length, at + r.end));
    return to - from === r.text.length && text.startsWith(r.text, from);
  });
}

/** The paragraph rules over one paragraph. */
export function paragraphFindings(input: ParagraphRuleInput): ParagraphFindings {
  const reads: Read[] = [];
  const { local, staged, text, at } = input;
  const sentences = local.sentences;
  const ctx: ParagraphContext = {
    sentences,
    attributions: staged.attributions,
    unattributed: staged.unattributed,
    unbalanced: staged.unbalanced,
    phrases: local.phrases,
    notedLater: input.notedLater,
    options: input.options,
    sentenceAt: (offset) => Math.max(0, lastStartingAt(sentences, offset)),
    hasNote: (k) => staged.notes?.[k] != null,
    source: (start, end) => {
      const read = readAt(text, at, start, end);
      reads.push({ start, end, text: read });
      return read;
    },
    // Completes the rule's fresh object in place; the article numbers the id once all are known.
    fixData: (k, extra, sourceKey) => {
      const data = extra as ParagraphFinding['data'];
      data.insertAt = sentences[k]!.end;
      data.suggestedId = slug(sourceKey ?? extra.source, extra.trigger ? 'claim' : 'source');
      return data;
    },
  };
  const found: ParagraphFinding[] = [];
  const ruleOf: number[] = [];
  const errors: ParagraphFindings['errors'] = [];
  PARAGRAPH_RULES.forEach((rule, r) => {
    if (!input.enabled[r]) return;
    let reported: RuleFinding[];
    try {
      reported = rule.check(ctx);
    } catch (e) {
      errors.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    for (const f of reported) {
      found.push({ rule: rule.id, start: f.start, end: f.end, message: f.message, data: f.data });
      ruleOf.push(r);
    }
  });
  const order = found.map((_, i) => i);
  if (found.length > 1) order.sort((a, b) => compareFindings(found[a]!, found[b]!) || a - b);
  const sortedAt: number[] = [];
  order.forEach((i, k) => (sortedAt[i] = k));
  const byRule: number[][] = PARAGRAPH_RULES.map(() => NO_INDICES);
  found.forEach((_, i) => {
    const r = ruleOf[i]!;
    (byRule[r] === NO_INDICES ? (byRule[r] = []) : byRule[r]!).push(sortedAt[i]!);
  });
  return { findings: order.map((i) => found[i]!), byRule, errors, reads: reads.length === 0 ? NO_READS : reads };
}
