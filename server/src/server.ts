// startServer(connection): capabilities and handler wiring only. The work is in analyses.ts,
// diagnostics.ts, pushDiagnostics.ts, codeActions.ts, hover.ts and symbols.ts.
import { CodeActionKind, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, TextDocumentSyncKind, TextDocuments } from 'vscode-languageserver';
import type { Connection, DocumentDiagnosticReport, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './analyses';
import { FIX_ALL_KIND, codeActions } from './codeActions';
import { SOURCE, toDiagnostics } from './diagnostics';
import { installDebugHooks } from './debug';
import { describe, guard } from './guard';
import { hover } from './hover';
import { PushDiagnostics } from './pushDiagnostics';
import { SettingsStore } from './settings';
import { documentSymbols, flatSymbols } from './symbols';
import { version } from '../../package.json';

/** Wires the handlers on `connection` and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // Set by initialize, which the protocol guarantees comes before any other request.
  let settings = new SettingsStore(connection, false);
  const logError = (message: string): void => connection.console.error(message);
  let analyses = new Analyses(documents, settings, logError);
  let push: PushDiagnostics | undefined;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let documentChanges = false;
  let hierarchicalSymbols = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    const pull = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    settings = new SettingsStore(connection, caps.workspace?.configuration === true, params.initializationOptions);
    analyses = new Analyses(documents, settings, logError);
    push = pull ? undefined : new PushDiagnostics(connection, analyses);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pull ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Factcheck' },
      },
      serverInfo: { name: SOURCE, version },
    };
  });

  connection.onInitialized(() => {
    if (!dynamicConfiguration) return;
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'factcheck' })
      .catch((error: unknown) => connection.console.error(`factcheck: registering for settings changes failed: ${describe(error)}`));
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    if (push) {
      for (const doc of documents.all()) push.schedule(doc.uri, true);
    } else if (refreshSupport) {
      connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.error(`factcheck: diagnostics refresh failed: ${describe(error)}`));
    }
  });

  documents.onDidChangeContent(({ document }) => push?.schedule(document.uri));
  documents.onDidClose(({ document }) => {
    settings.forget(document.uri);
    analyses.forget(document.uri);
    push?.closed(document.uri);
  });

  const emptyReport: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };
  connection.languages.diagnostics.on(
    guard(connection, 'diagnostics', emptyReport, async (params, token): Promise<DocumentDiagnosticReport> => {
      const entry = await analyses.get(params.textDocument.uri, token);
      if (!entry) return emptyReport;
      const resultId = `${entry.doc.version}:${settings.generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toDiagnostics(entry) };
    }),
  );

  connection.onCodeAction(
    guard(connection, 'code actions', [], async (params, token) => {
      const entry = await analyses.get(params.textDocument.uri, token);
      return entry ? codeActions(entry, params, { documentChanges }) : [];
    }),
  );

  connection.onHover(
    guard(connection, 'hover', null, async (params, token) => {
      const entry = await analyses.get(params.textDocument.uri, token);
      return entry ? hover(entry, params.position) : null;
    }),
  );

  connection.onDocumentSymbol(
    guard(connection, 'document symbols', [], async (params, token) => {
      const entry = await analyses.get(params.textDocument.uri, token);
      if (!entry) return [];
      const symbols = documentSymbols(entry);
      return hierarchicalSymbols ? symbols : flatSymbols(entry, symbols);
    }),
  );

  installDebugHooks(connection, () => ({ documents: documents.all().length, ...analyses.sizes(), ...settings.sizes(), ...push?.sizes() }));
  documents.listen(connection);
  connection.listen();
}
