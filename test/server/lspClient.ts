// A small LSP client for the server tests: spawns the real bundle `node server/dist/server.js
// --stdio` and talks JSON-RPC to it. Waits are on events (with a generous failure timeout), never
// fixed sleeps.
import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  Diagnostic,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { DiagnosticRefreshRequest } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags.mjs';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER = fileURLToPath(new URL('../../server/dist/server.js', import.meta.url));
/** The seed article, addressed relative to the repository as the issue asks. */
export const SEED = fileURLToPath(new URL('../../../shared/corpus/seed/article.txt', import.meta.url));

const WAIT_LIMIT_MS = 20_000;

export interface ClientOptions {
  /** Declare `textDocument.diagnostic` (pull, as VS Code does); otherwise a push-only client. */
  pull: boolean;
  /** Answer `workspace/configuration` (default: same as `pull`). */
  configuration?: boolean;
  /** Accept versioned `documentChanges` in workspace edits (default true). */
  documentChanges?: boolean;
  /** The `factcheck` settings section the client reports. */
  settings?: Record<string, unknown>;
  /** Sent as `initializationOptions`. */
  initializationOptions?: unknown;
  /** `stdio` (default: Neovim, Helix) or `ipc` (node IPC, as the VS Code client starts it). */
  transport?: 'stdio' | 'ipc';
  /** Extra environment for the server process (merged over this one's), e.g. the debug hooks of server/src/debug.ts. */
  env?: Record<string, string>;
  /** Node options for the server process after the server's own (nodeFlags.mjs), e.g. `--expose-gc`. */
  execArgv?: string[];
}

function capabilities(o: ClientOptions): ClientCapabilities {
  const configuration = o.configuration ?? o.pull;
  return {
    workspace: {
      configuration,
      didChangeConfiguration: { dynamicRegistration: configuration },
      workspaceEdit: { documentChanges: o.documentChanges ?? true },
      ...(o.pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(o.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        dataSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
  };
}

/** A running server and the client side of its connection. */
export class TestClient {
  readonly events = new EventEmitter();
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  refreshes = 0;
  registrations: string[] = [];
  settings: Record<string, unknown>;
  /** When set, `workspace/configuration` answers wait for this promise (to test cancellation). */
  holdConfiguration: Promise<void> | undefined;
  initializeResult!: InitializeResult;
  private stderr = '';
  /** What the server wrote to stdout outside the protocol (only possible over IPC). */
  stdout = '';

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly proc: ChildProcess,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    proc.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    if (options.transport === 'ipc') proc.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      this.events.emit('change');
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.events.emit('change');
    });
    connection.onRequest(ConfigurationRequest.type, async (p) => {
      this.configurationRequests.push(p);
      this.events.emit('change');
      if (this.holdConfiguration) await this.holdConfiguration;
      return p.items.map((item) => (item.section === 'factcheck' ? this.settings : null));
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      this.events.emit('change');
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.events.emit('change');
    });
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: ClientOptions): Promise<TestClient> {
    const ipc = options.transport === 'ipc';
    const env = { ...process.env, ...options.env };
    // Started as the clients start it (the VS Code client, the README's Neovim settings).
    const execArgv = [...SERVER_NODE_FLAGS, ...(options.execArgv ?? [])];
    const proc = ipc
      ? fork(SERVER, ['--node-ipc'], { cwd: REPO, silent: true, env, execArgv })
      : spawn(process.execPath, [...execArgv, SERVER, '--stdio'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
      : createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(connection, proc, options);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: capabilities(options),
      initializationOptions: options.initializationOptions,
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves when `ready()` returns a value (checked on every message from the server); fails after a generous limit. */
  waitFor<T>(what: string, ready: () => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = ready();
        if (value === undefined) return false;
        this.events.off('change', check);
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        this.events.off('change', check);
        reject(new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, WAIT_LIMIT_MS);
      if (!check()) this.events.on('change', check);
    });
  }

  /** The first diagnostics published for `uri` at `version`. */
  waitForPublished(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri} v${version}`, () => this.published.get(uri)?.find((p) => p.version === version));
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes the settings and tells the server, as VS Code does (the payload is the changed section). */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { factcheck: settings } });
  }

  /** Pull diagnostics (full report expected). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  async stop(): Promise<void> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    if (code !== 0) throw new Error(`server exited with ${code}: ${this.stderr}`);
  }
}
