// One analysis per document version and settings, shared by diagnostics, code actions, hover and
// the outline, so a version is analysed once however many requests ask about it.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import { analyse } from './analysis';
import type { Analysis, ArticleFormat } from './analysis';
import { toAnalyseOptions } from './settings';
import type { Settings, SettingsStore } from './settings';

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

const EMPTY: Analysis = Object.freeze({ attributions: [], findings: [], notes: { references: [], definitions: [] }, ruleErrors: [] });

/** Markdown for the `markdown` language (or a Markdown file name); plain text for `plaintext`, `article` and the rest. */
export function formatOf(languageId: string, uri: string): ArticleFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext' || languageId === 'article' || languageId === 'text') return 'plaintext';
  return /\.(md|markdown|mdx)$/i.test(uri) ? 'markdown' : 'plaintext';
}

export class Analyses {
  private readonly entries = new Map<string, DocumentAnalysis>();

  /**
   * @param log where rules that failed on a document are reported (the client's output channel).
   */
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * The analysis of the document's current version, or `undefined` for a document that is not
   * open, or when `token` was cancelled before the analysis started.
   */
  async get(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    const settings = await this.settings.get(uri);
    if (token?.isCancellationRequested) return undefined;
    // Read the document after the await: it is the latest version then.
    const live = this.documents.get(uri);
    if (!live) return undefined;
    const cached = this.entries.get(uri);
    if (cached && cached.doc.version === live.version && cached.settings === settings) return cached;
    const doc = TextDocument.create(uri, live.languageId, live.version, live.getText());
    const format = formatOf(doc.languageId, uri);
    const analysis = settings.enable ? analyse(doc.getText(), toAnalyseOptions(settings, format)) : EMPTY;
    for (const e of analysis.ruleErrors) this.log(`factcheck: rule ${e.rule} failed on ${uri} (version ${doc.version}): ${e.message}`);
    const entry: DocumentAnalysis = { doc, format, settings, analysis };
    this.entries.set(uri, entry);
    return entry;
  }

  /** The version of the open document, or `undefined`. */
  version(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
