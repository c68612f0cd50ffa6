/**
 * The analyser: `analyse(text, options)` reads an article and returns who said what
 * (attributions), what to flag (findings) and its source notes. Pure: no editor, LSP or file
 * system here; the CLI, the language server and the tests all call this function.
 */
export * from './types';
export { RULES, RULE_IDS, ruleInfo } from './ruleInfo';
export type { RuleInfo } from './ruleInfo';
import { analyseParagraph, clearRecentParagraphs, rememberParagraphs, segment, type Segmented } from './article';
import type { BlockAnalysis } from './block';
import { clearBlockCache } from './block';
import { clearMarkdownCache } from './text/markdown';
import { clearNameIndex } from './attribution/resolve';
import { analyseArticle } from './incremental';
import type { AnalyseOptions, Analysis } from './types';

/** Forget every memoised paragraph and Markdown piece (for cold-start measurements). */
export function clearCaches(): void {
  clearBlockCache();
  clearRecentParagraphs();
  clearMarkdownCache();
  clearNameIndex();
}

/**
 * Analyse an article.
 * @example analyse('Peskov told journalists that the talks ended.', { format: 'plaintext' })
 */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const seg = segment(text, options);
  return analyseSegmented(seg, seg.blocks.map((_, i) => analyseParagraph(seg, i)), options);
}

/** How {@link analyseAsync} shares the thread: stop early, and how long to work between yields. */
export interface AsyncControl {
  /** Checked between slices; return true to abandon the analysis (a newer version arrived). */
  isCancelled?: () => boolean;
  /** Milliseconds of work between yields to the event loop. Default 15. */
  sliceMs?: number;
}

/**
 * The same analysis as {@link analyse}, computed in slices that yield to the event loop, so a
 * server stays responsive on a huge document. Resolves to `null` when cancelled.
 */
export async function analyseAsync(text: string, options: AnalyseOptions = {}, control: AsyncControl = {}): Promise<Analysis | null> {
  const seg = segment(text, options);
  const locals: BlockAnalysis[] = [];
  const slice = control.sliceMs ?? 15;
  let started = Date.now();
  for (let i = 0; i < seg.blocks.length; i++) {
    locals.push(analyseParagraph(seg, i));
    if (Date.now() - started >= slice) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (control.isCancelled?.()) return null;
      started = Date.now();
    }
  }
  if (control.isCancelled?.()) return null;
  return analyseSegmented(seg, locals, options);
}

/** The article-wide steps and the rules over the paragraphs' local analyses. */
function analyseSegmented(seg: Segmented, locals: readonly BlockAnalysis[], options: AnalyseOptions): Analysis {
  return analyseArticle(seg, locals, options, rememberParagraphs(seg, locals), seg.previous);
}

