import type { ArticleFormat, AttributionKind, RuleId, Severity, SeveritySetting, SpeakerKind, Span } from '../analysis';

/**
 * One article to check. Example: `{ index: 0, path: 'news/council.md', absPath: '/home/me/news/council.md', format: 'markdown' }`.
 * Plain data: it is posted to worker threads.
 */
export interface ArticleInput {
  /** Position in the report; results are kept in input order. */
  index: number;
  /** The path as shown in reports: as given on the command line, or joined under the folder given. */
  path: string;
  /** Absolute path to read; `null` for standard input (whose text is in `text`). */
  absPath: string | null;
  format: ArticleFormat;
  /** For standard input only: the bytes already read. */
  stdin?: Uint8Array;
}

/** Options every file is checked with. */
export interface CheckOptions {
  severities: Partial<Record<RuleId, SeveritySetting>>;
}

/** An attribution as the JSON report carries it (the contract in shared/eval/README.md, plus extras). */
export interface ReportAttribution {
  kind: AttributionKind;
  quote: Span;
  speaker: Span | null;
  cue: Span | null;
  name: string | null;
  speakerKind: SpeakerKind;
  noteId: string | null;
}

/** A finding with 1-based line and column (UTF-16 code units); `endColumn` is exclusive. */
export interface ReportFinding {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Stable across unrelated edits: a hash of the rule and the flagged text, plus its occurrence number. */
  fingerprint: string;
}

/** The outcome for one {@link ArticleInput}. Plain data: it is posted back from worker threads. */
export interface FileReport {
  input: ArticleInput;
  /** Size in bytes of what was read (0 when it could not be read). */
  bytes: number;
  attributions: ReportAttribution[];
  findings: ReportFinding[];
  /** Why the file could not be checked (it then has no attributions or findings). Makes the exit status 2. */
  error?: string;
  /** Something worth saying that is not a problem, e.g. an empty file. */
  note?: string;
  /** Rules that threw on this file: their findings are missing, the other rules' are there. Makes the exit status 2. */
  ruleErrors?: { rule: RuleId; message: string }[];
}

/** A problem that is not about one article's content: a missing path, a folder with no articles, a loop. */
export interface PathProblem {
  path: string;
  message: string;
  /** Absolute path when known (SARIF notifications point at it). */
  absPath: string | null;
}

/** Everything a formatter needs. */
export interface RunResult {
  reports: FileReport[];
  /** Problems found while collecting paths, in command-line order. */
  problems: PathProblem[];
  options: CheckOptions;
  exitCode: number;
}

/** One line per rule that failed on a file, e.g. `internal error in rule claim.unsourced (its findings are missing): boom`. */
export function ruleErrorLines(report: FileReport): string[] {
  return (report.ruleErrors ?? []).map((e) => `internal error in rule ${e.rule} (its findings are missing): ${e.message.split('\n')[0] ?? ''}`);
}

/** Severities that make the exit status 1. */
export function isFailing(severity: Severity): boolean {
  return severity === 'error' || severity === 'warning';
}

/** 0, 1 or 2, as documented in the help text. */
export function exitCodeOf(reports: readonly FileReport[], problems: readonly PathProblem[]): number {
  if (problems.length > 0 || reports.some((r) => r.error !== undefined || (r.ruleErrors?.length ?? 0) > 0)) return 2;
  return reports.some((r) => r.findings.some((f) => isFailing(f.severity))) ? 1 : 0;
}
