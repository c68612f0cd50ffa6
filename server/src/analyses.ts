// One analysis per document version and settings, shared by diagnostics, code actions, hover and
// the outline, so a version is analysed once however many requests ask about it.
//
// Scheduling: a small document is analysed at once (a few ms; an edit re-analyses only the
// paragraph that changed). A large one is analysed in slices that yield to the event loop
// (analyseAsync), so the connection keeps reading messages: cancellations, newer versions,
// other requests. That work is shared by every request for the same version and dropped as soon
// as nobody waits for it any more, the document moves to a newer version, or it is closed; the
// paragraphs analysed so far stay memoised, so starting again on the newer version is cheap.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSnapshot } from './snapshot';
import type { CancellationToken, Disposable } from 'vscode-languageserver';
import { analyse, analyseAsync } from './analysis';
import type { Analysis, ArticleFormat } from './analysis';
import { toAnalyseOptions } from './settings';
import type { Settings } from './settings';

/**
 * The analysis of one version of a document. `doc` is an immutable snapshot of that version
 * (the live documents are updated in place), so offsets and positions always agree.
 */
export interface DocumentAnalysis {
  doc: TextDocument;
  format: ArticleFormat;
  settings: Settings;
  analysis: Analysis;
}

/** The open documents (the server's `TextDocuments`). */
export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
}

/** Per-document settings (the server's `SettingsStore`). */
export interface SettingsSource {
  get(uri: string): Promise<Settings>;
}

/**
 * Documents longer than this (UTF-16 code units, about 16,000 words) are analysed in slices.
 * A cold analysis of that much text takes around 100 ms on a 2-core machine: more than that
 * would hold up every other message on the connection.
 */
export const SLICED_ABOVE = 100_000;

/** Work between two yields to the event loop when analysing in slices, in ms. */
export const SLICE_MS = 10;

const EMPTY: Analysis = Object.freeze({ attributions: [], findings: [], notes: { references: [], definitions: [] }, ruleErrors: [] });

/** Markdown for the `markdown` language (or a Markdown file name); plain text for `plaintext`, `article` and the rest. */
export function formatOf(languageId: string, uri: string): ArticleFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext' || languageId === 'article' || languageId === 'text') return 'plaintext';
  return /\.(md|markdown|mdx)$/i.test(uri) ? 'markdown' : 'plaintext';
}

/** A sliced analysis in progress, shared by the requests that wait for it. */
interface Job {
  version: number;
  settings: Settings;
  /** Requests waiting for the result; at zero the work stops at its next slice. */
  waiters: number;
  /** The analysis, or `undefined` when it was dropped (superseded, closed, nobody waiting). */
  result: Promise<DocumentAnalysis | undefined>;
}

export class Analyses {
  private readonly entries = new Map<string, DocumentAnalysis>();
  private readonly jobs = new Map<string, Job>();
  /** Rules whose failure on a document was logged: once per document (until it is closed), not per version. */
  private readonly failedRules = new Map<string, Set<string>>();

  /**
   * @param log where rules that failed on a document are reported (the client's output channel).
   * @param slicedAbove documents longer than this are analysed in slices ({@link SLICED_ABOVE}).
   */
  constructor(
    private readonly documents: DocumentSource,
    private readonly settings: SettingsSource,
    private readonly log: (message: string) => void,
    private readonly slicedAbove = SLICED_ABOVE,
  ) {}

  /**
   * The analysis of the document's current version, or `undefined` for a document that is not
   * (or no longer) open, or when `token` was cancelled first. If the document changes while a
   * large one is being analysed, the newer version is analysed instead.
   */
  async get(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    for (;;) {
      const settings = await this.settings.get(uri);
      if (token?.isCancellationRequested) return undefined;
      // Read the document after the await: it is the latest version then.
      const live = this.documents.get(uri);
      if (!live) return undefined;
      const cached = this.entries.get(uri);
      if (cached && cached.doc.version === live.version && cached.settings === settings) return cached;
      const doc = new DocumentSnapshot(uri, live.languageId, live.version, live.getText());
      if (!settings.enable || doc.getText().length <= this.slicedAbove) return this.store(doc, settings, settings.enable ? analyse(doc.getText(), toAnalyseOptions(settings, formatOf(doc.languageId, uri))) : EMPTY);
      const entry = await this.wait(this.job(doc, settings), token);
      if (entry) return entry;
      if (token?.isCancellationRequested) return undefined;
      // Superseded by a newer version (or closed): go round again for whatever is open now, once
      // the changes already on their way have landed. Restarting at once in a burst of edits
      // would walk the whole document again for every single edit (20 s for 1,000 edits of a
      // 120,000-character document with a pull waiting, against 1 s).
      await this.settle(uri);
    }
  }

  /** Yields to the event loop until the document's version stops moving between two turns. */
  private async settle(uri: string): Promise<void> {
    let version = this.documents.get(uri)?.version;
    for (;;) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      const now = this.documents.get(uri)?.version;
      if (now === version) return;
      version = now;
    }
  }

  /** The version of the open document, or `undefined`. */
  version(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  /** Forgets a closed document; a sliced analysis of it stops at its next slice. */
  forget(uri: string): void {
    this.entries.delete(uri);
    this.jobs.delete(uri);
    this.failedRules.delete(uri);
  }

  /** Sizes of the per-document tables, for the leak tests (FACTCHECK_DEBUG). */
  sizes(): Record<string, number> {
    return { analyses: this.entries.size, jobs: this.jobs.size, failedRules: this.failedRules.size };
  }

  private store(doc: TextDocument, settings: Settings, analysis: Analysis): DocumentAnalysis {
    for (const e of analysis.ruleErrors) {
      const logged = this.failedRules.get(doc.uri) ?? new Set<string>();
      if (logged.has(e.rule)) continue;
      logged.add(e.rule);
      this.failedRules.set(doc.uri, logged);
      this.log(`factcheck: rule ${e.rule} failed on ${doc.uri} (version ${doc.version}), its findings are skipped for this document: ${e.message}`);
    }
    const entry: DocumentAnalysis = { doc, format: formatOf(doc.languageId, doc.uri), settings, analysis };
    this.entries.set(doc.uri, entry);
    return entry;
  }

  /** The running analysis of this version and settings, or a new one. */
  private job(doc: TextDocument, settings: Settings): Job {
    const uri = doc.uri;
    const running = this.jobs.get(uri);
    if (running && running.version === doc.version && running.settings === settings) return running;
    // A job for an older version sees at its next slice that it was superseded, and stops.
    const job: Job = { version: doc.version, settings, waiters: 0, result: Promise.resolve(undefined) };
    const stale = (): boolean => job.waiters === 0 || this.jobs.get(uri) !== job || this.documents.get(uri)?.version !== doc.version;
    job.result = (async () => {
      try {
        // Start after the caller has registered as a waiter (it does so as soon as this returns):
        // with every paragraph memoised, the whole analysis can finish before its first yield,
        // and with no waiter yet it would read as abandoned and be dropped, again and again.
        await Promise.resolve();
        const analysis = await analyseAsync(doc.getText(), toAnalyseOptions(settings, formatOf(doc.languageId, uri)), { isCancelled: stale, sliceMs: SLICE_MS });
        // Checked again: the last slice and the article-wide steps ran without a yield.
        return analysis && !stale() ? this.store(doc, settings, analysis) : undefined;
      } finally {
        if (this.jobs.get(uri) === job) this.jobs.delete(uri);
      }
    })();
    this.jobs.set(uri, job);
    return job;
  }

  /** Waits for `job` until it ends or `token` is cancelled. */
  private async wait(job: Job, token: CancellationToken | undefined): Promise<DocumentAnalysis | undefined> {
    job.waiters++;
    let subscription: Disposable | undefined;
    try {
      if (!token) return await job.result;
      const cancelled = new Promise<undefined>((resolve) => {
        subscription = token.onCancellationRequested(() => resolve(undefined));
      });
      return await Promise.race([job.result, cancelled]);
    } finally {
      job.waiters--;
      subscription?.dispose();
    }
  }
}
