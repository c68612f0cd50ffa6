// Findings -> LSP diagnostics. The diagnostic carries what its quick fixes need in `data`
// (see DiagnosticData), so code actions never re-derive it from ranges.
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { RULE_IDS } from './analysis';
import type { Attribution, Finding, FindingData, RuleId, Severity } from './analysis';
import type { DocumentAnalysis } from './analyses';
import { repository } from '../../package.json';

/** `Diagnostic.source` of every diagnostic this server reports. */
export const SOURCE = 'factcheck';

/**
 * `Diagnostic.data` of a factcheck diagnostic: the analyser's {@link FindingData} plus the rule and
 * the document version the offsets refer to. Example:
 * `{ rule: 'quote.attributed', version: 3, insertAt: 600, lineStart: 380, suggestedId: 'peskov-1', source: 'Dmitri S. Peskov', cue: 'told journalists' }`.
 */
export interface DiagnosticData extends FindingData {
  rule: RuleId;
  /** The document version the offsets were computed for; a fix for any other version gets no edit. */
  version: number;
}

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const README_URL = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** The README section that documents a rule: its heading is the id in backticks, e.g. ### `claim.unsourced` -> #claimunsourced. */
export function ruleDocUrl(rule: RuleId): string {
  return `${README_URL}#${rule.replace(/[^a-z0-9-]/g, '')}`;
}

// One `codeDescription` per rule, shared by its diagnostics (read only once sent).
const DOC_LINKS = new Map(RULE_IDS.map((id) => [id, Object.freeze({ href: ruleDocUrl(id) })]));

/** The attribution whose quote is exactly `span`: a binary search, attributions are sorted by quote start. */
function attributionAt(attributions: readonly Attribution[], span: { start: number; end: number }): Attribution | undefined {
  let lo = 0;
  let hi = attributions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (attributions[mid]!.quote.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < attributions.length && attributions[i]!.quote.start === span.start; i++) {
    if (attributions[i]!.quote.end === span.end) return attributions[i];
  }
  return undefined;
}

function relatedSpeaker(entry: DocumentAnalysis, finding: Finding): DiagnosticRelatedInformation[] | undefined {
  if (finding.rule !== 'quote.attributed') return undefined;
  const attribution = attributionAt(entry.analysis.attributions, finding);
  if (!attribution?.speaker) return undefined;
  const { doc } = entry;
  const mention = doc.getText().slice(attribution.speaker.start, attribution.speaker.end);
  const who = attribution.person && attribution.person !== mention ? `${mention} (${attribution.person})` : mention;
  return [
    {
      location: { uri: doc.uri, range: { start: doc.positionAt(attribution.speaker.start), end: doc.positionAt(attribution.speaker.end) } },
      message: `Speaker: ${who}`,
    },
  ];
}

/** The finding's data with its rule and version: copied field by field (a spread per diagnostic was a tenth of an edit's time in a long article). */
function diagnosticData(finding: Finding, version: number): DiagnosticData {
  const d = finding.data;
  const data: DiagnosticData = { rule: finding.rule, version, insertAt: d.insertAt, lineStart: d.lineStart, suggestedId: d.suggestedId };
  if (d.source !== undefined) data.source = d.source;
  if (d.person !== undefined) data.person = d.person;
  if (d.cue !== undefined) data.cue = d.cue;
  if (d.trigger !== undefined) data.trigger = d.trigger;
  if (d.noteId !== undefined) data.noteId = d.noteId;
  return data;
}

/** The diagnostics of an analysed document version. */
export function toDiagnostics(entry: DocumentAnalysis): Diagnostic[] {
  const { doc, settings } = entry;
  const diagnostics: Diagnostic[] = [];
  for (const finding of entry.analysis.findings) {
    const severity = settings.rules[finding.rule] ?? finding.severity;
    if (severity === 'off') continue;
    const data = diagnosticData(finding, doc.version);
    const diagnostic: Diagnostic = {
      range: { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) },
      severity: LSP_SEVERITY[severity],
      source: SOURCE,
      code: finding.rule,
      codeDescription: DOC_LINKS.get(finding.rule) ?? { href: ruleDocUrl(finding.rule) },
      message: finding.message,
      data,
    };
    const related = relatedSpeaker(entry, finding);
    if (related) diagnostic.relatedInformation = related;
    if (finding.rule === 'note.unused') diagnostic.tags = [DiagnosticTag.Unnecessary];
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optionalString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Reads a diagnostic's `data` defensively: a diagnostic from another source, or one a client mangled, yields `undefined`. */
export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const d: unknown = diagnostic.data;
  if (!isRecord(d)) return undefined;
  const rule = RULE_IDS.find((id) => id === d.rule);
  if (!rule || !isOffset(d.insertAt) || !isOffset(d.lineStart) || typeof d.version !== 'number') return undefined;
  return {
    rule,
    version: d.version,
    insertAt: d.insertAt,
    lineStart: d.lineStart,
    suggestedId: optionalString(d.suggestedId) ?? '',
    source: optionalString(d.source),
    person: optionalString(d.person),
    cue: optionalString(d.cue),
    trigger: optionalString(d.trigger),
    noteId: optionalString(d.noteId),
  };
}
