// What the runner tells the tests inside the extension host. The extension host inherits the VS
// Code server's environment, so the runner writes this file and names it in
// FACTCHECK_E2E_CONTEXT before starting the server.
import { readFileSync } from 'node:fs';

/** A finding as the factcheck CLI's JSON report gives it (offsets are UTF-16 code units, end exclusive). */
export interface ExpectedFinding {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  start: number;
  end: number;
  message: string;
}

/** An attribution as the CLI's JSON report gives it. */
export interface ExpectedAttribution {
  kind: string;
  quote: { start: number; end: number };
  speaker: { start: number; end: number } | null;
  name: string | null;
  speakerKind: string;
  /** The source note already on the quote's sentence, if any. */
  noteId: string | null;
}

/** One article copied into the test workspace, with what the CLI found in it. */
export interface ArticleCase {
  /** File name inside the workspace folder, e.g. `article.txt`. */
  file: string;
  /** The language VS Code should pick for it, e.g. `plaintext`. */
  languageId: string;
  findings: ExpectedFinding[];
  attributions: ExpectedAttribution[];
}

/** Example: `{ workspace: '/tmp/factcheck-e2e-x/ws-host', seed: {...}, markdown: {...}, gold: '/work/shared/corpus/seed/gold.json', ... }`. */
export interface HostContext {
  repoRoot: string;
  /** The folder the workbench opened; the articles are copies in it. */
  workspace: string;
  /** The seed article (plain text) and the Markdown example. */
  seed: ArticleCase;
  markdown: ArticleCase;
  /** The seed's hand-made annotations: spans of quotes, speakers and check-worthy claims. */
  gold: string;
  /** Where the in-host reporter writes its results as JSON. */
  resultsFile: string;
  /** The Node flags the client should start the language server with (server/src/nodeFlags.mjs). */
  serverNodeFlags: string[];
}

export const CONTEXT_ENV = 'FACTCHECK_E2E_CONTEXT';

/** Prefix of the in-host reporter's console lines, so the runner can tell them from the workbench's. */
export const LINE_PREFIX = '[factcheck-e2e]';

export function readContext(): HostContext {
  const file = process.env[CONTEXT_ENV];
  if (!file) throw new Error(`${CONTEXT_ENV} is not set: run the e2e tests with npm run test:e2e`);
  return JSON.parse(readFileSync(file, 'utf8')) as HostContext;
}

/** One test's outcome, as the reporter writes it and the runner reads it. */
export interface HostResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}
