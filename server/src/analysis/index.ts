export * from './types';
export { RULES, RULE_IDS, ruleInfo } from './ruleInfo';
export type { RuleInfo } from './ruleInfo';
import type { AnalyseOptions, Analysis } from './types';

/** Analyse an article. Placeholder until the engine lands. */
export function analyse(_text: string, _options: AnalyseOptions = {}): Analysis {
  return { attributions: [], findings: [], notes: { references: [], definitions: [] } };
}
