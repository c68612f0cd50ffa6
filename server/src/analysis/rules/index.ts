// The rule registry, alphabetical by id. Rule metadata (severity, description) lives in ../ruleInfo.ts.
import { claimUnsourced } from './claimUnsourced';
import type { Rule } from './context';
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
