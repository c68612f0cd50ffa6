// Helpers for the tests inside the extension host: open an article, wait for diagnostics (on the
// change event, with a slow poll as a safety net; never a fixed sleep), and describe diagnostics
// in a form whose assertion diffs read well.
import * as vscode from 'vscode';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleCase, ExpectedFinding } from './context';

export const SOURCE = 'factcheck';

const SEVERITY_NAME: Record<vscode.DiagnosticSeverity, ExpectedFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The rule id of a diagnostic (`code` is `{ value, target }` when the server sends a codeDescription link). */
export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function severityOf(d: vscode.Diagnostic): ExpectedFinding['severity'] {
  return SEVERITY_NAME[d.severity];
}

export function factcheckDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** `3:0-3:130` (0-based line:character, as the API has them). */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** One line per diagnostic, `rule severity range`, sorted: compare lists of these to get a readable diff. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${codeOf(d)} ${severityOf(d)} ${rangeText(d.range)}`).sort();
}

/** The same lines for the CLI's findings, placed in `doc`. */
export function describeFindings(doc: vscode.TextDocument, findings: readonly ExpectedFinding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${rangeText(rangeOf(doc, f.start, f.end))}`).sort();
}

export function rangeOf(doc: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
}

export function countByRule(items: readonly { rule: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { rule } of items) counts[rule] = (counts[rule] ?? 0) + 1;
  return counts;
}

export function countByCode(diagnostics: readonly vscode.Diagnostic[]): Record<string, number> {
  return countByRule(diagnostics.map((d) => ({ rule: codeOf(d) })));
}

/**
 * Resolves with the factcheck diagnostics of `uri` as soon as `done` holds for them, or with the
 * last ones seen after `timeoutMs` (the caller's assertion then shows what was wrong).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  done: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    let finished = false;
    const check = (): void => {
      if (finished) return;
      const diagnostics = factcheckDiagnostics(uri);
      if (done(diagnostics)) finish(diagnostics);
    };
    const finish = (diagnostics: vscode.Diagnostic[]): void => {
      finished = true;
      listener.dispose();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(diagnostics);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const poll = setInterval(check, 250);
    const timer = setTimeout(() => finish(factcheckDiagnostics(uri)), timeoutMs);
    check();
  });
}

/** Opens one of the runner's articles in an editor and checks VS Code gave it the expected language. */
export async function openArticle(workspace: string, article: ArticleCase): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspace, article.file)));
  await vscode.window.showTextDocument(doc);
  if (doc.languageId !== article.languageId) throw new Error(`${article.file} opened as ${doc.languageId}, expected ${article.languageId}`);
  return doc;
}

/** The text `edit` leaves when applied to `text`: only insertions allowed (fixes never delete). */
export function applyInsertions(doc: vscode.TextDocument, edit: vscode.WorkspaceEdit): { text: string; inserted: string[] } {
  const edits = edit.entries().flatMap(([uri, list]) => {
    if (uri.toString() !== doc.uri.toString()) throw new Error(`the fix edits another file: ${uri.toString()}`);
    return list;
  });
  const inserts = edits.map((e) => {
    if (!e.range.isEmpty) throw new Error(`the fix replaces text at ${rangeText(e.range)} instead of inserting`);
    return { at: doc.offsetAt(e.range.start), text: e.newText };
  });
  let text = doc.getText();
  for (const i of [...inserts].sort((a, b) => b.at - a.at)) text = text.slice(0, i.at) + i.text + text.slice(i.at);
  return { text, inserted: inserts.map((i) => i.text) };
}

export interface CodeActionLike {
  title: string;
  kind?: vscode.CodeActionKind;
  edit?: vscode.WorkspaceEdit;
}

const isCanceled = (e: unknown): boolean => e instanceof Error && e.name === 'Canceled';

/**
 * Quick fixes offered for `range` (through the command the lightbulb uses), polled until one
 * satisfies `wanted` or `timeoutMs` passes. Right after a document opens or changes, the first
 * answers can be empty (the request carries the diagnostics the workbench knows, and the
 * workbench, in the browser, learns of them a little after the extension host) or come back
 * `Canceled` (the workbench cancels requests while it settles the model): both mean "ask again".
 */
export async function quickFixes(
  uri: vscode.Uri,
  range: vscode.Range,
  wanted: (action: CodeActionLike) => boolean,
  timeoutMs = 10_000,
): Promise<CodeActionLike[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let actions: CodeActionLike[] = [];
    try {
      actions =
        (await vscode.commands.executeCommand<CodeActionLike[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    } catch (e) {
      if (!isCanceled(e) || Date.now() > deadline) throw e;
    }
    if (actions.some(wanted) || Date.now() > deadline) return actions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The hover's text at `position`, all contents joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Every symbol of the document's outline, depth first, as `name` strings. */
export async function symbolNames(uri: vscode.Uri): Promise<string[]> {
  const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
    'vscode.executeDocumentSymbolProvider',
    uri,
  );
  const names: string[] = [];
  const walk = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): void => {
    for (const s of list) {
      names.push(s.name);
      if ('children' in s) walk(s.children);
    }
  };
  walk(symbols ?? []);
  return names;
}

/**
 * The command lines (arguments) of this extension host's child processes that run
 * `server/dist/server.js`: the language servers the client started, read from /proc.
 */
export function languageServerCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let args: string[];
    let parent: number;
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
      // Field 4 of stat is the parent pid; the command name before it may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      continue; // the process ended while we looked
    }
    if (parent === process.pid && args.some((a) => a.endsWith(join('server', 'dist', 'server.js')))) lines.push(args);
  }
  return lines;
}
