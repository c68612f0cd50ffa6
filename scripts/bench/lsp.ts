// The real language server over stdio, as Neovim or Helix start it, for end-to-end timings and
// its memory. A pull client (textDocument/diagnostic), settings left at their defaults.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, ProtocolConnection, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags.mjs';
import { REPO } from './corpus';

export class BenchServer {
  private stderr = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly connection: ProtocolConnection,
  ) {
    proc.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Spawns `node SERVER_NODE_FLAGS [nodeFlags] server/dist/server.js --stdio`, as clients start it, and completes the handshake. */
  static async start(nodeFlags: string[] = []): Promise<BenchServer> {
    const args = [...SERVER_NODE_FLAGS, ...nodeFlags, join(REPO, 'server/dist/server.js'), '--stdio'];
    const proc = spawn(process.execPath, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    connection.listen();
    const server = new BenchServer(proc, connection);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items;
  }

  /** Peak (VmHWM) and current (VmRSS) resident set of the server process, in bytes. */
  memory(): { peak: number; current: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { peak: field('VmHWM'), current: field('VmRSS') };
  }

  /** CPU seconds the server process has used so far (all its threads: utime + stime). */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.proc.exitCode !== null ? resolve() : this.proc.once('exit', () => resolve())));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }

  /** Everything the server wrote to stderr, for error messages. */
  get log(): string {
    return this.stderr;
  }
}
