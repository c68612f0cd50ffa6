// Push diagnostics for clients without pull support (Neovim, Helix, Emacs, Sublime): debounced
// per document, and only the latest version is ever published. A change (or closing the
// document) cancels the analysis of the version before it.
import { CancellationTokenSource } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from './analyses';
import { toDiagnostics } from './diagnostics';

export class PushDiagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The analysis being published for each document, cancelled when a newer version arrives. */
  private readonly running = new Map<string, CancellationTokenSource>();
  /** Documents published at least once: the first analysis of a document is not delayed. */
  private readonly seen = new Set<string>();

  /**
   * @param delayMs how long a document must be quiet before it is analysed again.
   */
  constructor(
    private readonly connection: Connection,
    private readonly analyses: Analyses,
    private readonly delayMs = 150,
  ) {}

  /** (Re)starts the document's timer; `immediate` skips the debounce (open, settings change). */
  schedule(uri: string, immediate = false): void {
    this.cancel(uri);
    const delay = immediate || !this.seen.has(uri) ? 0 : this.delayMs;
    this.seen.add(uri);
    this.timers.set(
      uri,
      setTimeout(() => void this.publish(uri), delay),
    );
  }

  private async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    const source = new CancellationTokenSource();
    this.running.set(uri, source);
    try {
      const entry = await this.analyses.get(uri, source.token);
      // Superseded while it was analysed: the newer version's timer publishes that one.
      if (!entry || source.token.isCancellationRequested || this.analyses.version(uri) !== entry.doc.version) return;
      await this.connection.sendDiagnostics({ uri, version: entry.doc.version, diagnostics: toDiagnostics(entry) });
    } catch (error) {
      this.connection.console.error(`factcheck: diagnostics for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      if (this.running.get(uri) === source) this.running.delete(uri);
      source.dispose();
    }
  }

  /** Stops the pending timer and the running analysis of the document. */
  private cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.running.get(uri)?.cancel();
    this.running.delete(uri);
  }

  /** Sizes of the per-document tables, for the leak tests (FACTCHECK_DEBUG). */
  sizes(): Record<string, number> {
    return { pushTimers: this.timers.size, pushRunning: this.running.size, pushSeen: this.seen.size };
  }

  /** Stops work on a closed document and clears its diagnostics. */
  closed(uri: string): void {
    this.cancel(uri);
    this.seen.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }
}
