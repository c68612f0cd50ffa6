// Shared by the server tests: applying a workspace edit as a client would, and what the analyser
// itself says about a text (the server's diagnostics must match it).
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { analyse } from '../../server/src/analysis';
import type { AnalyseOptions, Finding } from '../../server/src/analysis';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** The edits of `edit` for `uri`, checking the version pin when there is one. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string, version?: number): TextEdit[] {
  assert.ok(edit, 'the action has an edit');
  if (edit.documentChanges) {
    const edits: TextEdit[] = [];
    for (const change of edit.documentChanges) {
      assert.ok('textDocument' in change, 'only text document edits');
      assert.equal(change.textDocument.uri, uri);
      if (version !== undefined) assert.equal(change.textDocument.version, version, 'edit pinned to the diagnostic version');
      edits.push(...change.edits.map((e) => ('newText' in e ? e : assert.fail('plain text edits only'))));
    }
    return edits;
  }
  assert.ok(edit.changes?.[uri], 'edit for the document');
  return edit.changes[uri];
}

/** Applies insert-only edits; returns the new text and the insertions as offsets of the old text. */
export function applyInserts(text: string, edits: TextEdit[]): { text: string; inserts: { offset: number; text: string }[] } {
  const doc = TextDocument.create('untitled:x', 'plaintext', 0, text);
  for (const e of edits) assert.deepEqual(e.range.start, e.range.end, `edit ${JSON.stringify(e)} only inserts`);
  const inserts = edits.map((e) => ({ offset: doc.offsetAt(e.range.start), text: e.newText }));
  return { text: TextDocument.applyEdits(doc, edits), inserts };
}

/** `after` with the insertions taken out again: equals the original when the rest is byte-identical. */
export function removeInserts(after: string, inserts: { offset: number; text: string }[]): string {
  let result = after;
  // Walk from the end: positions of earlier insertions are unaffected by later ones.
  const sorted = inserts.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.offset - a.offset || b.i - a.i);
  let shift = inserts.reduce((n, ins) => n + ins.text.length, 0);
  for (const ins of sorted) {
    shift -= ins.text.length;
    const at = ins.offset + shift;
    assert.equal(result.slice(at, at + ins.text.length), ins.text, 'inserted text found where expected');
    result = result.slice(0, at) + result.slice(at + ins.text.length);
  }
  return result;
}

/** Applies a code action to `text` and checks it only inserted: returns the new text. */
export function applyAction(text: string, action: CodeAction, uri: string, version?: number): string {
  const { text: after, inserts } = applyInserts(text, editsFor(action.edit, uri, version));
  assert.equal(removeInserts(after, inserts), text, 'the rest of the text is byte-identical');
  return after;
}

/** A diagnostic reduced to what the user sees, for comparisons. */
export interface Seen {
  rule: string;
  start: string;
  end: string;
  severity: number;
  message: string;
}

export function seen(d: Diagnostic): Seen {
  return {
    rule: String(d.code),
    start: `${d.range.start.line}:${d.range.start.character}`,
    end: `${d.range.end.line}:${d.range.end.character}`,
    severity: d.severity ?? 0,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}

/** What the server should show for `text`: the analyser's findings run through the same position mapping. */
export function expected(text: string, options: AnalyseOptions = { format: 'plaintext' }): Seen[] {
  const doc = TextDocument.create('untitled:x', 'plaintext', 0, text);
  return analyse(text, options).findings.map((f: Finding) => {
    const s = doc.positionAt(f.start);
    const e = doc.positionAt(f.end);
    return { rule: f.rule, start: `${s.line}:${s.character}`, end: `${e.line}:${e.character}`, severity: SEVERITY[f.severity], message: f.message };
  });
}

export function countByRule(rules: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rules) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}

export const bySpan = (a: Seen, b: Seen): number => a.start.localeCompare(b.start, 'en', { numeric: true }) || a.rule.localeCompare(b.rule) || a.end.localeCompare(b.end, 'en', { numeric: true });
