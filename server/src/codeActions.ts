// Diagnostics (code + data) -> quick fixes that insert source notes. Every diagnostic in the
// request gets its fixes; edits only insert and are pinned to the version the diagnostic came from.
import { CodeActionKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, NoteDefinition, RuleId } from './analysis';
import type { DocumentAnalysis } from './analyses';
import { readDiagnosticData } from './diagnostics';
import type { DiagnosticData } from './diagnostics';
import { definitionText, definitionsInsertion, markerInsertion, uniqueNoteId, usedNoteIds } from './noteEdits';
import type { Insertion } from './noteEdits';

/** The kind of the action that adds notes for every unsourced finding at once. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.factcheck`;

/** Rules whose finding a source note on the sentence resolves. */
const SOURCEABLE: ReadonlySet<RuleId> = new Set<RuleId>(['claim.unsourced', 'quote.attributed', 'quote.unattributed', 'source.anonymous', 'source.vague']);

/** What the client can apply. */
export interface CodeActionOptions {
  /** The client applies versioned `documentChanges`; otherwise plain `changes` are sent. */
  documentChanges: boolean;
}

/** True when an action of `kind` answers a request for `requested` (a kind or one of its parents). */
function kindMatches(kind: string, requested: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function toEdit(entry: DocumentAnalysis, insertions: Insertion[], options: CodeActionOptions): WorkspaceEdit {
  const { doc } = entry;
  const edits: TextEdit[] = insertions.map(({ offset, text }) => {
    const at = doc.positionAt(offset);
    return { range: { start: at, end: at }, newText: text };
  });
  return options.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

/** Definitions already in the document for the same source: notes on that speaker's other quotes, or whose text starts with the name. */
function existingNotesFor(entry: DocumentAnalysis, source: string): NoteDefinition[] {
  // Keyed by the person alone, so "Marta Okafor, the harbour master" finds a note on "Marta Okafor".
  const key = source.toLowerCase();
  const ids = new Set<string>();
  for (const a of entry.analysis.attributions) if (a.noteId && (a.person ?? a.name)?.toLowerCase() === key) ids.add(a.noteId.toLowerCase());
  const seen = new Set<string>();
  return entry.analysis.notes.definitions.filter((d) => {
    const id = d.id.toLowerCase();
    if (seen.has(id) || !(ids.has(id) || d.text.toLowerCase().startsWith(key))) return false;
    seen.add(id);
    return true;
  });
}

function addNote(entry: DocumentAnalysis, diagnostic: Diagnostic, data: DiagnosticData, options: CodeActionOptions): CodeAction {
  const text = entry.doc.getText();
  const id = uniqueNoteId(data.suggestedId, data.source, usedNoteIds(entry.analysis.notes));
  const definition = `[^${id}]: ${definitionText(data, entry.settings.placeholder)}`;
  return {
    title: `Add source note [^${id}]`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: toEdit(entry, [{ offset: data.insertAt, text: `[^${id}]` }, definitionsInsertion(text, entry.format, [definition])], options),
  };
}

function quickFixes(entry: DocumentAnalysis, diagnostic: Diagnostic, data: DiagnosticData, options: CodeActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = entry.doc.getText();
  if (SOURCEABLE.has(data.rule)) {
    actions.push(addNote(entry, diagnostic, data, options));
    const who = data.person ?? data.source;
    for (const note of who ? existingNotesFor(entry, who).slice(0, 3) : []) {
      actions.push({
        title: `Cite existing note [^${note.id}] (${note.text.length > 50 ? `${note.text.slice(0, 49)}…` : note.text})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: toEdit(entry, [{ offset: data.insertAt, text: `[^${note.id}]` }], options),
      });
    }
  }
  if (data.rule === 'note.missing' && data.noteId) {
    const definition = `[^${data.noteId}]: ${definitionText({}, entry.settings.placeholder)}`;
    actions.push({
      title: `Add definition for [^${data.noteId}]`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: toEdit(entry, [definitionsInsertion(text, entry.format, [definition])], options),
    });
  }
  actions.push({
    title: `Mark as checked (factcheck-ignore ${data.rule})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: toEdit(entry, [markerInsertion(text, data.lineStart, data.rule)], options),
  });
  return actions;
}

/** One note per sentence for every unsourced finding of the current version, definitions in one block. */
function fixAll(entry: DocumentAnalysis, options: CodeActionOptions): CodeAction | undefined {
  const bySentence = new Map<number, Finding>();
  for (const f of entry.analysis.findings) {
    if (!SOURCEABLE.has(f.rule) || entry.settings.rules[f.rule] === 'off') continue;
    const kept = bySentence.get(f.data.insertAt);
    if (!kept || (!kept.data.source && f.data.source)) bySentence.set(f.data.insertAt, f);
  }
  if (bySentence.size === 0) return undefined;
  const used = usedNoteIds(entry.analysis.notes);
  const insertions: Insertion[] = [];
  const definitions: string[] = [];
  for (const [insertAt, f] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const id = uniqueNoteId(f.data.suggestedId, f.data.source, used);
    insertions.push({ offset: insertAt, text: `[^${id}]` });
    definitions.push(`[^${id}]: ${definitionText(f.data, entry.settings.placeholder)}`);
  }
  insertions.push(definitionsInsertion(entry.doc.getText(), entry.format, definitions));
  const n = bySentence.size;
  return { title: `Add source notes for ${n} unsourced sentence${n === 1 ? '' : 's'}`, kind: FIX_ALL_KIND, edit: toEdit(entry, insertions, options) };
}

/**
 * The code actions for a request: quick fixes for every factcheck diagnostic in the context
 * whose version is the analysed one (a stale diagnostic gets none), and the fix-all source
 * action when the request asks for `source` kinds.
 */
export function codeActions(entry: DocumentAnalysis, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => kindMatches(CodeActionKind.QuickFix, k))) {
    const length = entry.doc.getText().length;
    for (const diagnostic of params.context.diagnostics) {
      const data = readDiagnosticData(diagnostic);
      if (!data || data.version !== entry.doc.version || data.insertAt > length || data.lineStart > length) continue;
      actions.push(...quickFixes(entry, diagnostic, data, options));
    }
  }
  if (only?.some((k) => kindMatches(FIX_ALL_KIND, k))) {
    const all = fixAll(entry, options);
    if (all) actions.push(all);
  }
  return actions;
}
