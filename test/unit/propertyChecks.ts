// The properties the analyser and its quick fixes must hold on any text, as plain functions that
// throw on a violation. test/unit/properties.test.ts runs them a thousand times each in `npm test`;
// scripts/fuzz.ts runs them a hundred thousand times (`npm run fuzz`).
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { analyse, analyseAsync, clearCaches } from '../../server/src/analysis';
import type { AnalyseOptions, Analysis, ArticleFormat, Finding, RuleId, Span } from '../../server/src/analysis';
import type { DocumentAnalysis } from '../../server/src/analyses';
import { FIX_ALL_KIND, codeActions } from '../../server/src/codeActions';
import { toDiagnostics } from '../../server/src/diagnostics';
import { DEFAULT_SETTINGS, toAnalyseOptions } from '../../server/src/settings';
import type { Settings } from '../../server/src/settings';
import { applyInserts, removeInserts } from '../server/helpers';
import { markdownProse, markdownProseWhole } from '../../server/src/analysis/text/markdown';
import { applyEdit, onBoundary, type Edit } from './articles';

function checkSpan(text: string, s: Span | null, what: string): void {
  if (s === null) return;
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets ${JSON.stringify(s)}`);
  assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: ${s.start}..${s.end} inside 0..${text.length}`);
  assert.ok(onBoundary(text, s.start) && onBoundary(text, s.end), `${what}: ${s.start}..${s.end} splits a surrogate pair`);
}

function checkOffset(text: string, offset: number, what: string): void {
  checkSpan(text, { start: offset, end: offset }, what);
}

const byPosition = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);

/** Every offset inside the text and on a character boundary; findings sorted; `lineStart` at a line start. */
export function checkShape(text: string, analysis: Analysis): void {
  for (const f of analysis.findings) {
    checkSpan(text, f, `${f.rule} finding`);
    assert.ok(f.end > f.start, `${f.rule} finding is not empty`);
    checkOffset(text, f.data.insertAt, `${f.rule} data.insertAt`);
    checkOffset(text, f.data.lineStart, `${f.rule} data.lineStart`);
    const ls = f.data.lineStart;
    // A line starts after \n, \r\n or a lone \r, as LSP counts lines.
    assert.ok(ls === 0 || text[ls - 1] === '\n' || (text[ls - 1] === '\r' && text[ls] !== '\n'), `${f.rule} data.lineStart ${ls} starts a line`);
    assert.ok(f.data.lineStart <= f.start, `${f.rule} data.lineStart ${f.data.lineStart} is not after the finding (${f.start})`);
  }
  for (let i = 1; i < analysis.findings.length; i++) assert.ok(byPosition(analysis.findings[i - 1]!, analysis.findings[i]!) <= 0, 'findings sorted by start, end, rule');
  for (let i = 1; i < analysis.attributions.length; i++) assert.ok(analysis.attributions[i - 1]!.quote.start <= analysis.attributions[i]!.quote.start, 'attributions sorted by quote start');
  for (const a of analysis.attributions) {
    checkSpan(text, a.quote, 'attribution quote');
    checkSpan(text, a.speaker, 'attribution speaker');
    checkSpan(text, a.cue, 'attribution cue');
    checkSpan(text, a.sentence, 'attribution sentence');
  }
  for (const n of [...analysis.notes.references, ...analysis.notes.definitions]) checkSpan(text, n, `note ${n.id}`);
  assert.deepEqual(analysis.ruleErrors, [], 'no rule threw');
}

/** No exception, sane offsets, sorted, and the same answer twice (warm) and from cold caches. */
export function checkAnalysis(text: string, options: AnalyseOptions): void {
  const first = analyse(text, options);
  checkShape(text, first);
  assert.deepEqual(analyse(text, options), first, 'same input twice, same analysis');
}

/** Markdown parsed in memoised pieces reads exactly as the whole article parsed at once. */
export function checkMarkdownPieces(text: string): void {
  const whole = markdownProseWhole(text);
  const pieces = markdownProse(text);
  assert.equal(String(pieces.prose), whole.prose, 'prose');
  assert.equal(pieces.prose.length, whole.prose.length, 'prose length');
  // Read in place as the joined string would be.
  for (let i = -1; i <= whole.prose.length; i++) assert.equal(pieces.prose.charCodeAt(i), whole.prose.charCodeAt(i), `code at ${i}`);
  const n = whole.prose.length;
  const cuts = [-3, -1, 0, 1, n >> 2, n >> 1, (3 * n) >> 2, n - 1, n, n + 2];
  for (const a of cuts) for (const b of cuts) assert.equal(pieces.prose.slice(a, b), whole.prose.slice(a, b), `slice(${a}, ${b})`);
  assert.deepEqual(pieces.blocks, whole.blocks, 'blocks');
  assert.deepEqual(pieces.verbatim, whole.verbatim, 'verbatim regions');
}

/** Analysing after each edit (caches warm) ends where a cold analysis of the final text does. */
export function checkEdits(start: string, steps: readonly { edit: Edit; options: AnalyseOptions }[], base: AnalyseOptions): void {
  let text = start;
  analyse(text, base);
  for (const { edit, options } of steps) {
    text = applyEdit(text, edit);
    analyse(text, { ...base, ...options });
  }
  const last = { ...base, ...steps[steps.length - 1]?.options };
  const warm = analyse(text, last);
  clearCaches();
  const cold = analyse(text, last);
  assert.deepEqual(warm, cold, `incremental analysis equals a cold one; final text ${JSON.stringify(text)}`);
}

/** The sliced analysis gives exactly what the synchronous one gives. */
export async function checkAsync(text: string, options: AnalyseOptions): Promise<void> {
  const sliced = await analyseAsync(text, options, { sliceMs: 0 });
  assert.deepEqual(sliced, analyse(text, options));
}

const URI = 'file:///fuzz/article';

/** The server settings that give these analyser options (what the quick fixes read: the placeholder). */
export function settingsFor(options: AnalyseOptions): Settings {
  return {
    ...DEFAULT_SETTINGS,
    rules: {},
    extraReportingVerbs: options.extraReportingVerbs ?? [],
    extraVaguePhrases: options.extraVaguePhrases ?? [],
    placeholder: options.placeholder ?? 'TODO',
  };
}

/** The server's view of a document: what the code-action functions take. */
export function entryFor(text: string, format: ArticleFormat, settings: Settings): DocumentAnalysis {
  return { doc: TextDocument.create(URI, format, 1, text), format, settings, analysis: analyse(text, toAnalyseOptions(settings, format)) };
}

/** Where `offset` of the old text is after the insertions (an insertion at the offset itself lands before it when `before`). */
function shifted(offset: number, inserts: readonly { offset: number; text: string }[], before: boolean): number {
  let by = 0;
  for (const ins of inserts) if (ins.offset < offset || (before && ins.offset === offset)) by += ins.text.length;
  return offset + by;
}

function applyOnly(entry: DocumentAnalysis, action: CodeAction): { text: string; inserts: { offset: number; text: string }[] } {
  const change = action.edit?.documentChanges?.[0];
  assert.ok(change && 'textDocument' in change, `${action.title}: a text document edit`);
  assert.deepEqual(change.textDocument, { uri: URI, version: 1 }, `${action.title}: pinned to the analysed version`);
  const text = entry.doc.getText();
  const result = applyInserts(text, change.edits.map((e) => ('newText' in e ? e : assert.fail('plain text edits only'))));
  assert.equal(removeInserts(result.text, result.inserts), text, `${action.title}: deleting the inserted text restores the original`);
  return result;
}

const sameFinding = (rule: RuleId, start: number, end: number) => (f: Finding) => f.rule === rule && f.start === start && f.end === end;

/**
 * Every quick fix of the findings picked by `which` (all by default) only inserts, restores the
 * original when its insertions are deleted, and removes the finding it was offered for.
 */
export function checkQuickFixes(text: string, format: ArticleFormat, options: AnalyseOptions, which?: (findings: readonly Finding[]) => Finding[]): void {
  const settings = settingsFor(options);
  const entry = entryFor(text, format, settings);
  const diagnostics = toDiagnostics(entry);
  const findings = entry.analysis.findings;
  assert.equal(diagnostics.length, findings.length, 'one diagnostic per finding');
  const chosen = new Set(which ? which(findings) : findings);
  findings.forEach((finding, i) => {
    if (!chosen.has(finding)) return;
    const diagnostic = diagnostics[i]!;
    const params: CodeActionParams = { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
    const actions = codeActions(entry, params, { documentChanges: true });
    assert.ok(actions.length > 0, `${finding.rule} at ${finding.start} has a quick fix`);
    for (const action of actions) {
      const { text: after, inserts } = applyOnly(entry, action);
      const fixed = analyse(after, toAnalyseOptions(settings, format));
      const start = shifted(finding.start, inserts, true);
      const end = shifted(finding.end, inserts, false);
      const still = fixed.findings.find(sameFinding(finding.rule, start, end));
      assert.equal(
        still,
        undefined,
        `"${action.title}" removes the ${finding.rule} finding at ${finding.start}..${finding.end} (${JSON.stringify(text.slice(finding.start, finding.end))}); text after: ${JSON.stringify(after)}`,
      );
    }
  });
}

const SOURCEABLE = new Set<RuleId>(['claim.unsourced', 'quote.attributed', 'quote.unattributed', 'source.anonymous', 'source.vague']);

/** The fix-all action only inserts and leaves no finding a source note resolves. */
export function checkFixAll(text: string, format: ArticleFormat, options: AnalyseOptions): void {
  const settings = settingsFor(options);
  const entry = entryFor(text, format, settings);
  const params: CodeActionParams = { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] as Diagnostic[], only: ['source'] } };
  const [all] = codeActions(entry, params, { documentChanges: true }).filter((a) => a.kind === FIX_ALL_KIND);
  const before = entry.analysis.findings.filter((f) => SOURCEABLE.has(f.rule));
  if (before.length === 0) return assert.equal(all, undefined, 'no fix-all when nothing to fix');
  assert.ok(all, 'a fix-all action');
  const { text: after, inserts } = applyOnly(entry, all);
  const fixed = analyse(after, toAnalyseOptions(settings, format));
  for (const f of before) {
    const still = fixed.findings.find(sameFinding(f.rule, shifted(f.start, inserts, true), shifted(f.end, inserts, false)));
    assert.equal(still, undefined, `fix-all removes the ${f.rule} finding at ${f.start}..${f.end}; text after: ${JSON.stringify(after)}`);
  }
}
