import type { Severity } from '../../analysis';
import type { FileReport, PathProblem } from '../report';

/** `path:line:col severity rule message`, one line per finding, like other linters. */
export function textFindings(report: FileReport): string {
  let out = '';
  for (const f of report.findings) {
    out += `${report.input.path}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`;
  }
  return out;
}

const ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const SEVERITY_WORDS: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  information: ['information', 'information'],
  hint: ['hint', 'hints'],
};

/**
 * The closing line, e.g. `5 findings (1 error, 3 warnings, 1 hint) in 2 files; 1 file could not be read`.
 */
export function textSummary(reports: readonly FileReport[], problems: readonly PathProblem[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let total = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      counts[f.severity]++;
      total++;
    }
  }
  const checked = reports.filter((r) => r.error === undefined).length;
  const unread = reports.length - checked;
  const files = plural(checked, 'file', 'files');
  let line =
    total === 0
      ? `No findings in ${files}`
      : `${plural(total, 'finding', 'findings')} (${ORDER.filter((s) => counts[s] > 0)
          .map((s) => plural(counts[s], ...SEVERITY_WORDS[s]))
          .join(', ')}) in ${files}`;
  if (unread > 0) line += `; ${plural(unread, 'file', 'files')} could not be read`;
  if (problems.length > 0) line += `; ${plural(problems.length, 'path problem', 'path problems')}`;
  const ruleErrors = reports.reduce((n, r) => n + (r.ruleErrors?.length ?? 0), 0);
  if (ruleErrors > 0) line += `; ${plural(ruleErrors, 'rule', 'rules')} failed (internal error)`;
  return `${line}\n`;
}
