// The rule registry, alphabetical by id. Rule metadata (severity, description) lives in ../ruleInfo.ts.
import { claimUnsourced } from './claimUnsourced';
import type { ParagraphRule, Rule } from './context';
import { noteIncomplete, noteMissing, noteUnused } from './notes';
import { quoteAttributed } from './quoteAttributed';
import { quoteUnattributed } from './quoteUnattributed';
import { quoteUnbalanced } from './quoteUnbalanced';
import { sourceAnonymous } from './sourceAnonymous';
import { sourceVague } from './sourceVague';

export const RULE_CHECKS: readonly Rule[] = [
  claimUnsourced,
  noteIncomplete,
  noteMissing,
  noteUnused,
  quoteAttributed,
  quoteUnattributed,
  quoteUnbalanced,
  sourceAnonymous,
  sourceVague,
];

/** The rules run paragraph by paragraph, in registry order (which numbers suggested note ids). */
export const PARAGRAPH_RULES: readonly ParagraphRule[] = RULE_CHECKS.filter((r): r is ParagraphRule => r.scope === 'paragraph');
