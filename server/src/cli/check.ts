import { createHash } from 'node:crypto';
import { analyse } from '../analysis';
import { LineStarts } from '../analysis/text/lines';
import type { Analysis } from '../analysis';
import { decodeArticle } from './decode';
import { readArticleBytes } from './read';
import type { ArticleInput, CheckOptions, FileReport, ReportAttribution, ReportFinding } from './report';

/**
 * Reads, decodes and analyses one article. Runs on the main thread or in a worker; never throws:
 * a read or decoding failure, or an exception inside the analyser, becomes `report.error`.
 */
export async function checkArticle(input: ArticleInput, options: CheckOptions): Promise<FileReport> {
  let bytes: Uint8Array;
  if (input.absPath === null) {
    bytes = input.stdin ?? new Uint8Array();
  } else {
    const read = readArticleBytes(input.absPath);
    if ('error' in read) return failed(input, 0, read.error);
    bytes = read.bytes;
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return failed(input, bytes.length, decoded.message);
  return checkText(input, decoded.text, bytes.length, options);
}

/** Analyses decoded text and maps the result to report form (line and column, fingerprints). */
export function checkText(input: ArticleInput, text: string, byteLength: number, options: CheckOptions): FileReport {
  const reportInput: ArticleInput = { index: input.index, path: input.path, absPath: input.absPath, format: input.format };
  let analysis: Analysis;
  try {
    analysis = analyse(text, { format: input.format, severities: options.severities });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return failed(reportInput, byteLength, `internal error while analysing: ${message.split('\n')[0] ?? message}`);
  }
  const lines = new LineStarts(text);
  // 1-based, as editors and other linters count; columns in UTF-16 code units (an emoji is two).
  const position = (offset: number) => {
    const line = lines.lineOf(offset);
    return { line: line + 1, column: offset - lines.starts[line]! + 1 };
  };
  const seen = new Map<string, number>();
  const findings: ReportFinding[] = analysis.findings.map((f) => {
    const start = position(f.start);
    const end = position(f.end);
    const hash = createHash('sha256').update(`${f.rule}\0${text.slice(f.start, f.end).replace(/\s+/g, ' ').trim()}`).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return {
      rule: f.rule,
      severity: f.severity,
      start: f.start,
      end: f.end,
      message: f.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fingerprint: `${hash}:${occurrence}`,
    };
  });
  const attributions: ReportAttribution[] = analysis.attributions.map((a) => ({
    kind: a.kind,
    quote: { start: a.quote.start, end: a.quote.end },
    speaker: a.speaker && { start: a.speaker.start, end: a.speaker.end },
    cue: a.cue && { start: a.cue.start, end: a.cue.end },
    name: a.name,
    speakerKind: a.speakerKind,
    noteId: a.noteId,
  }));
  const report: FileReport = { input: reportInput, bytes: byteLength, attributions, findings };
  if (analysis.ruleErrors.length > 0) report.ruleErrors = analysis.ruleErrors.map((e) => ({ rule: e.rule, message: e.message }));
  if (text.trim() === '') report.note = 'empty file, nothing to check';
  return report;
}

function failed(input: ArticleInput, bytes: number, error: string): FileReport {
  const reportInput: ArticleInput = { index: input.index, path: input.path, absPath: input.absPath, format: input.format };
  return { input: reportInput, bytes, attributions: [], findings: [], error };
}
