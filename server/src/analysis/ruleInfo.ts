import type { AnalyseOptions, RuleId, Severity, SeveritySetting } from './types';

/** Static description of a rule: what the settings, README and SARIF output show. */
export interface RuleInfo {
  id: RuleId;
  defaultSeverity: Severity;
  /** One line, sentence case, no final period. */
  title: string;
  /** Why the rule exists, for the README, hovers and SARIF `fullDescription`. */
  description: string;
}

/** Every rule, alphabetical by id. The settings in package.json are kept in step by a test. */
export const RULES: readonly RuleInfo[] = [
  {
    id: 'claim.unsourced',
    defaultSeverity: 'warning',
    title: 'Check-worthy claim with no source',
    description:
      'A sentence states a checkable fact (a figure, a date, an amount, a named actor doing something, a comparison, a superlative or a cause) and is neither attributed nor followed by a source note.',
  },
  {
    id: 'note.incomplete',
    defaultSeverity: 'warning',
    title: 'Source note still has a placeholder',
    description: 'The source note is referenced, but its definition is empty or still contains the placeholder word (TODO).',
  },
  {
    id: 'note.missing',
    defaultSeverity: 'error',
    title: 'Source note reference without a definition',
    description: 'A reference [^id] has no definition line [^id]: ... anywhere in the document.',
  },
  {
    id: 'note.unused',
    defaultSeverity: 'hint',
    title: 'Source note defined but never referenced',
    description: 'A definition [^id]: ... exists, but no sentence references [^id].',
  },
  {
    id: 'quote.attributed',
    defaultSeverity: 'information',
    title: 'Attributed quote with no source note',
    description:
      'A direct or indirect quotation is attributed to a speaker (who said it, by which cue), but no source note records where and when it was said.',
  },
  {
    id: 'quote.unattributed',
    defaultSeverity: 'warning',
    title: 'Quotation with no speaker',
    description:
      'Words in quotation marks read as speech, but no speaker is named in the sentence and the quote does not continue an attributed one.',
  },
  {
    id: 'quote.unbalanced',
    defaultSeverity: 'warning',
    title: 'Unbalanced quotation mark',
    description: 'A quotation mark opens and never closes (or closes and never opened) within its paragraph.',
  },
  {
    id: 'source.anonymous',
    defaultSeverity: 'warning',
    title: 'Anonymous source',
    description:
      'The source is not named ("people familiar with the matter", "a senior official said"). Standards desks ask why anonymity was granted and how the source knows.',
  },
  {
    id: 'source.vague',
    defaultSeverity: 'warning',
    title: 'Vague source',
    description:
      'The claim leans on an unnamed group or on nobody ("analysts claim", "some say", "it is believed", "experts say"). Name the source or cite the evidence.',
  },
];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function ruleInfo(id: RuleId): RuleInfo {
  const info = RULES.find((r) => r.id === id);
  if (!info) throw new Error(`unknown rule ${id}`);
  return info;
}

/** The rule's setting under these options: the configured one, or the rule's default. */
export function severitySetting(options: AnalyseOptions, id: RuleId): SeveritySetting {
  return options.severities?.[id] ?? ruleInfo(id).defaultSeverity;
}
