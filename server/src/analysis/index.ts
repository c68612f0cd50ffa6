/**
 * The analyser: `analyse(text, options)` reads an article and returns who said what
 * (attributions), what to flag (findings) and its source notes. Pure: no editor, LSP or file
 * system here; the CLI, the language server and the tests all call this function.
 */
export * from './types';
export { RULES, RULE_IDS, ruleInfo } from './ruleInfo';
export type { RuleInfo } from './ruleInfo';
import { analyseParagraph, assemble, buildArticle, clearRecentParagraphs, segment, type Article, type Sentence } from './article';
import type { BlockAnalysis } from './block';
import { clearBlockCache } from './block';
import { clearMarkdownCache } from './text/markdown';
import { clearNameIndex } from './attribution/resolve';

/** Forget every memoised paragraph and Markdown piece (for cold-start measurements). */
export function clearCaches(): void {
  clearBlockCache();
  clearRecentParagraphs();
  clearMarkdownCache();
  clearNameIndex();
}
import { RULE_IDS, ruleInfo } from './ruleInfo';
import { RULE_CHECKS } from './rules';
import { NoteIds, slug, type RuleContext, type RuleFindingData } from './rules/context';
import { silences } from './text/notes';
import { lineStartsOf } from './text/lines';
import { lastStartingAt } from './text/spans';
import type { AnalyseOptions, Analysis, Attribution, Finding, FindingData, RuleId } from './types';

/** Findings at the same range are ordered by rule id (as `localeCompare` orders them, computed once). */
const RULE_ORDER = new Map<RuleId, number>([...RULE_IDS].sort((a, b) => a.localeCompare(b)).map((id, i) => [id, i]));

/**
 * Analyse an article.
 * @example analyse('Peskov told journalists that the talks ended.', { format: 'plaintext' })
 */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  return finish(buildArticle(text, options), options);
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
  return finish(assemble(seg, locals), options);
}

/** Notes, rules, severities and ignore markers over an assembled article. */
function finish(article: Article, options: AnalyseOptions): Analysis {
  const { text } = article;
  const { sentences } = article;
  const sentenceAt = (offset: number): Sentence | undefined => sentences[Math.max(0, lastStartingAt(sentences, offset))];
  // The same sentence, found by walking a few steps from `near` (an attribution's own sentence):
  // a search for each of an article's attributions on every edit shows in long articles.
  const sentenceNear = (near: number, offset: number): Sentence | undefined => {
    let i = near;
    for (let steps = 0; steps < 8 && i >= 0 && i < sentences.length; steps++) {
      if (sentences[i]!.start > offset) i--;
      else if (i + 1 < sentences.length && sentences[i + 1]!.start <= offset) i++;
      else return sentences[i];
    }
    return sentenceAt(offset);
  };
  // A sentence owns the note references between its start and the next sentence's start.
  const references = article.notes.references;
  const noteOf = (s: Sentence): string | null => {
    const next = sentences[s.index + 1]?.start ?? text.length;
    const k = lastStartingAt(references, next - 1);
    const ref = references[k];
    return ref && ref.start >= s.start ? ref.id : null;
  };

  let previous: { block: number; noteId: string | null } | undefined;
  const attributions: Attribution[] = article.attributions.map((r) => {
    const first = sentenceNear(r.sentence, Math.min(r.quote.start, r.speaker && r.sentence === sentenceNear(r.sentence, r.speaker.start)?.index ? r.speaker.start : r.quote.start))!;
    const last = sentenceNear(r.sentence, Math.max(r.quote.end, r.cue?.end ?? 0) - 1)!;
    const result: Attribution = {
      kind: r.kind,
      quote: r.quote,
      speaker: r.speaker,
      cue: r.cue,
      name: r.name,
      person: r.person,
      role: r.role || null,
      speakerKind: r.speakerKind,
      cueText: r.cueText,
      sentence: { start: first.start, end: last.end },
      noteId: noteOf(last) ?? (r.floating && previous?.block === last.block ? previous.noteId : null),
    };
    // A floating quote continues the quote before it in the same paragraph, and so its source note.
    previous = { block: last.block, noteId: result.noteId };
    return result;
  });

  // Suggested ids differ from one another by construction (one counter per slug, and a slug has
  // no hyphen), so only the note ids already in the article need skipping.
  const taken = new Set<string>([...article.notes.definitions.map((d) => d.id), ...article.notes.references.map((r) => r.id)]);
  const noteIds = new NoteIds(taken);
  const lines = lineStartsOf(text);
  const lineStart = (offset: number): number => lines.lineStart(offset);
  // Where a factcheck-ignore marker for a finding goes, read the way markers are applied below:
  // before the line where the finding's paragraph starts in the source (its markup included: a
  // marker between a paragraph's lines would split it), or before its own line outside prose.
  const markerLine = (offset: number): number => {
    const b = article.blocks[lastStartingAt(article.blocks, offset)];
    return lineStart(b && offset < b.end ? b.from : offset);
  };
  const ctx: RuleContext = {
    article,
    attributions,
    unattributed: article.unattributed,
    options,
    sentenceAt,
    hasNote: (s) => noteOf(s) !== null,
    // Completes the rule's fresh object in place (a copy per finding shows in long articles).
    fixData: (s, extra, sourceKey): RuleFindingData => {
      const data = extra as RuleFindingData;
      data.insertAt = s.end;
      data.suggestedId = noteIds.next(slug(sourceKey ?? extra.source, extra.trigger ? 'claim' : 'source'));
      return data;
    },
  };

  const findings: Finding[] = [];
  const ruleErrors: Analysis['ruleErrors'] = [];
  const ignored = ignoredBlocks(article);
  for (const rule of RULE_CHECKS) {
    const setting = options.severities?.[rule.id] ?? ruleInfo(rule.id).defaultSeverity;
    if (setting === 'off') continue;
    let found;
    try {
      found = rule.check(ctx);
    } catch (e) {
      ruleErrors.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const f of found) {
      const bi = lastStartingAt(article.blocks, f.start);
      const markers = bi >= 0 && f.start < article.blocks[bi]!.end ? ignored.get(bi) : markerAbove(article, lineStart(f.start));
      if (markers?.some((m) => silences(m, rule.id))) continue;
      // Every rule builds a fresh data object per finding, so it is completed in place (a copy per
      // finding is a measurable share of an edit in a long article).
      const data = f.data as FindingData;
      data.lineStart = markerLine(f.start);
      findings.push({ rule: rule.id, severity: setting, start: f.start, end: f.end, message: f.message, data });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
  return { attributions, findings, notes: article.notes, ruleErrors };
}

/**
 * Outside prose (a note definition line, a table row) a marker silences the line right below it:
 * the marker that ends, with nothing but spaces after it, on the line before `lineStart`.
 */
function markerAbove(article: Article, lineStart: number): Article['ignores'] | undefined {
  const k = lastStartingAt(article.ignores, lineStart - 1);
  const m = article.ignores[k];
  if (!m || m.end > lineStart || lineStart - m.end > 16) return undefined;
  return /^[ \t]*(?:\r\n?|\n)$/.test(article.text.slice(m.end, lineStart)) ? [m] : undefined;
}

/** Which blocks a `factcheck-ignore` marker silences: the first block after each marker. */
function ignoredBlocks(article: Article): Map<number, Article['ignores']> {
  const out = new Map<number, Article['ignores']>();
  for (const m of article.ignores) {
    const k = lastStartingAt(article.blocks, m.end - 1) + 1;
    if (k >= article.blocks.length) continue;
    out.set(k, [...(out.get(k) ?? []), m]);
  }
  return out;
}
