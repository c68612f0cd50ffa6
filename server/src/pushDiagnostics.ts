// Push diagnostics for clients without pull support (Neovim, Helix, Emacs, Sublime): debounced
// per document, and only the latest version is ever published.
import type { Connection } from 'vscode-languageserver';
import type { Analyses } from './analyses';
import { toDiagnostics } from './diagnostics';

export class PushDiagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
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
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const delay = immediate || !this.seen.has(uri) ? 0 : this.delayMs;
    this.seen.add(uri);
    this.timers.set(
      uri,
      setTimeout(() => void this.publish(uri), delay),
    );
  }

  private async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    try {
      const entry = await this.analyses.get(uri);
      // Superseded while the settings were fetched: a newer timer publishes the newer version.
      if (!entry || this.timers.has(uri) || this.analyses.version(uri) !== entry.doc.version) return;
      await this.connection.sendDiagnostics({ uri, version: entry.doc.version, diagnostics: toDiagnostics(entry) });
    } catch (error) {
      this.connection.console.error(`factcheck: diagnostics for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  /** Stops work on a closed document and clears its diagnostics. */
  closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.seen.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }
}
