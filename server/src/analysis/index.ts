/**
 * The analyser: `analyse(text, options)` reads an article and returns who said what
 * (attributions), what to flag (findings) and its source notes. Pure: no editor, LSP or file
 * system here; the CLI, the language server and the tests all call this function.
 */
export * from './types';
export { RULES, RULE_IDS, ruleInfo } from './ruleInfo';
export type { RuleInfo } from './ruleInfo';
export { clearNlpCache } from './nlp';
import { buildArticle, type Sentence } from './article';
import { CueLexicon } from './attribution/cues';
import { extractAttributions } from './attribution/extract';
import { resolveNames } from './attribution/resolve';
import { ruleInfo } from './ruleInfo';
import { RULE_CHECKS } from './rules';
import { slug, type RuleContext } from './rules/context';
import { silences } from './text/notes';
import type { AnalyseOptions, Analysis, Attribution, Finding, FindingData } from './types';

const lexicons = new Map<string, CueLexicon>();
function lexiconFor(extra: readonly string[] = []): CueLexicon {
  const key = extra.join('\n');
  let lex = lexicons.get(key);
  if (!lex) {
    lex = new CueLexicon(extra);
    if (lexicons.size > 16) lexicons.clear();
    lexicons.set(key, lex);
  }
  return lex;
}

/**
 * Analyse an article.
 * @example analyse('Peskov told journalists that the talks ended.', { format: 'plaintext' })
 */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const article = buildArticle(text, options);
  const { sentences } = article;
  const { attributions: raws, unattributed } = extractAttributions(article, lexiconFor(options.extraReportingVerbs));
  const resolved = resolveNames(article, raws);

  const starts = sentences.map((s) => s.start);
  const sentenceAt = (offset: number): Sentence | undefined => {
    let lo = 0;
    let hi = starts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best >= 0 ? sentences[best] : sentences[0];
  };
  const noteOf = (s: Sentence): string | null => {
    const next = sentences[s.index + 1]?.start ?? text.length;
    const ref = article.notes.references.find((r) => r.start >= s.start && r.start < next);
    return ref ? ref.id : null;
  };

  const attributions: Attribution[] = resolved.map((r) => {
    const first = sentenceAt(Math.min(r.quote.start, r.speaker && r.sentence === sentenceAt(r.speaker.start)?.index ? r.speaker.start : r.quote.start))!;
    const last = sentenceAt(Math.max(r.quote.end, r.cue?.end ?? 0) - 1)!;
    return {
      kind: r.kind,
      quote: r.quote,
      speaker: r.speaker,
      cue: r.cue,
      name: r.name,
      speakerKind: r.speakerKind,
      cueText: r.cueText,
      sentence: { start: first.start, end: last.end },
      noteId: noteOf(last),
    };
  });

  const taken = new Set<string>([...article.notes.definitions.map((d) => d.id), ...article.notes.references.map((r) => r.id)]);
  const idFor = (base: string): string => {
    let n = 1;
    while (taken.has(`${base}-${n}`)) n++;
    const id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const lineStartOf = (s: Sentence): number => {
    const block = article.blocks[s.block];
    return text.lastIndexOf('\n', (block?.start ?? s.start) - 1) + 1;
  };
  const ctx: RuleContext = {
    article,
    attributions,
    unattributed,
    options,
    sentenceAt,
    hasNote: (s) => noteOf(s) !== null,
    fixData: (s, extra): FindingData => ({
      ...extra,
      insertAt: s.end,
      lineStart: lineStartOf(s),
      suggestedId: extra.suggestedId ?? idFor(slug(extra.source, extra.trigger ? 'claim' : 'source')),
    }),
  };

  const findings: Finding[] = [];
  const ruleErrors: Analysis['ruleErrors'] = [];
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
      if (isIgnored(article, rule.id, f.start)) continue;
      findings.push({ rule: rule.id, severity: setting, start: f.start, end: f.end, message: f.message, data: f.data });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { attributions, findings, notes: article.notes, ruleErrors };
}

/** A `factcheck-ignore` marker silences matching findings in the block right after it. */
function isIgnored(article: ReturnType<typeof buildArticle>, rule: Finding['rule'], at: number): boolean {
  for (const m of article.ignores) {
    if (!silences(m, rule)) continue;
    const block = article.blocks.find((b) => b.start >= m.end);
    if (block && at >= block.start && at < block.end) return true;
  }
  return false;
}
