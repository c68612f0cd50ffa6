import { ruleErrorLines } from '../report';
import type { FileReport, RunResult } from '../report';

/**
 * The JSON report: exactly the contract in shared/eval/README.md (`files[].path`,
 * `attributions[]`, `findings[]` with UTF-16 offsets), plus extras the contract allows:
 * `format`, line and column on findings, `speakerKind` and `noteId` on attributions, `error`
 * or `note` on a file, and top-level `errors` and `summary`.
 */
export function jsonReport(result: RunResult): string {
  const files = result.reports.map(fileEntry);
  const errors = [
    ...result.problems.map((p) => ({ path: p.path, message: p.message })),
    ...result.reports.flatMap((r) => [...(r.error !== undefined ? [r.error] : []), ...ruleErrorLines(r)].map((message) => ({ path: r.input.path, message }))),
  ];
  const summary = { files: result.reports.length, findings: 0, error: 0, warning: 0, information: 0, hint: 0, exitCode: result.exitCode };
  for (const r of result.reports) {
    for (const f of r.findings) {
      summary.findings++;
      summary[f.severity]++;
    }
  }
  return `${JSON.stringify({ files, errors, summary }, null, 2)}\n`;
}

function fileEntry(r: FileReport): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    path: r.input.path,
    format: r.input.format,
    attributions: r.attributions,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      start: f.start,
      end: f.end,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
    })),
  };
  if (r.error !== undefined) entry.error = r.error;
  if (r.note !== undefined) entry.note = r.note;
  if (r.ruleErrors !== undefined) entry.ruleErrors = r.ruleErrors;
  return entry;
}
