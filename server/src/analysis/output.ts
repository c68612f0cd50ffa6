// The analysis as the caller sees it: paragraph results placed at their offsets, the article
// rules (source notes), severities and ignore markers. Nothing here changes an object once
// returned: the next analysis may hand it out again.
import type { Segmented } from './article';
import { compareFindings, type ParagraphFinding, type ParagraphFindings } from './paragraphRules';
import { severitySetting } from './ruleInfo';
import { RULE_CHECKS } from './rules';
import { lineStartsOf } from './text/lines';
import { silences, type IgnoreMarker } from './text/notes';
import { lastStartingAt } from './text/spans';
import type { AnalyseOptions, Analysis, Attribution, Finding, FindingData, RuleId, SeveritySetting, Span } from './types';

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/** A paragraph's attribution at its place in the article. */
export function placeAttribution(a: Attribution, by: number): Attribution {
  return {
    kind: a.kind,
    quote: shift(a.quote, by),
    speaker: a.speaker && shift(a.speaker, by),
    cue: a.cue && shift(a.cue, by),
    name: a.name,
    person: a.person,
    role: a.role,
    speakerKind: a.speakerKind,
    cueText: a.cueText,
    sentence: shift(a.sentence, by),
    noteId: a.noteId,
  };
}

/** A paragraph's finding at its place in the article, with its numbered note id. */
export function placeFinding(f: ParagraphFinding, by: number, lineStart: number, suggestedId: string, severity: Finding['severity']): Finding {
  return { rule: f.rule, severity, start: f.start + by, end: f.end + by, message: f.message, data: placeData(f.data, by, suggestedId, lineStart) };
}

/**
 * The fix data at its place, with the fields the rule wrote in the order it wrote them. Object
 * literals of the rules' shapes: a copy field by field was a tenth of placing a paragraph.
 */
function placeData(d: Omit<FindingData, 'lineStart'>, by: number, suggestedId: string, lineStart: number): FindingData {
  const insertAt = d.insertAt + by;
  const shape = ('trigger' in d ? 1 : 0) | ('source' in d ? 2 : 0) | ('person' in d ? 4 : 0) | ('cue' in d ? 8 : 0);
  switch (shape) {
    case 0:
      return { insertAt, suggestedId, lineStart };
    case 1:
      return { trigger: d.trigger, insertAt, suggestedId, lineStart };
    case 2:
      return { source: d.source, insertAt, suggestedId, lineStart };
    case 14:
      return { source: d.source, person: d.person, cue: d.cue, insertAt, suggestedId, lineStart };
  }
  const data = {} as FindingData;
  if ('trigger' in d) data.trigger = d.trigger;
  if ('source' in d) data.source = d.source;
  if ('person' in d) data.person = d.person;
  if ('cue' in d) data.cue = d.cue;
  data.insertAt = insertAt;
  data.suggestedId = suggestedId;
  data.lineStart = lineStart;
  return data;
}

/** The rules that threw in some paragraph, and the first message of each. */
export function failedRules(found: readonly ParagraphFindings[], errors: readonly number[]): Map<RuleId, string> {
  const out = new Map<RuleId, string>();
  for (const i of errors) for (const e of found[i]!.errors) if (!out.has(e.rule)) out.set(e.rule, e.message);
  return out;
}

/**
 * The analysis: the placed attributions and paragraph findings (laid end to end by paragraph,
 * `findingFirst` says where each paragraph's begin), with the article rules' findings, rule
 * errors, and the findings of failed rules and of silenced paragraphs left out.
 */
export function articleOutput(
  seg: Segmented,
  options: AnalyseOptions,
  attributions: readonly Attribution[],
  findings: readonly Finding[],
  findingFirst: readonly number[],
  failed: ReadonlyMap<RuleId, string>,
): Analysis {
  const severity = (id: RuleId): SeveritySetting => severitySetting(options, id);
  const ruleErrors: Analysis['ruleErrors'] = [];
  const notes: Finding[] = [];
  const ignored = ignoredBlocks(seg);
  for (const rule of RULE_CHECKS) {
    const setting = severity(rule.id);
    if (setting === 'off') continue;
    if (rule.scope === 'paragraph') {
      const message = failed.get(rule.id);
      if (message !== undefined) ruleErrors.push({ rule: rule.id, message });
      continue;
    }
    try {
      const found = rule.check({ notes: seg.scan.notes, options });
      notes.push(...articleFindings(seg, ignored, found, rule.id, setting));
    } catch (e) {
      ruleErrors.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  let kept: Finding[];
  if (ignored.size === 0 && failed.size === 0) kept = findings.slice();
  else {
    kept = [];
    for (let i = 0; i + 1 < findingFirst.length; i++) {
      const markers = ignored.get(i);
      for (let k = findingFirst[i]!; k < findingFirst[i + 1]!; k++) {
        const f = findings[k]!;
        if (!failed.has(f.rule) && !markers?.some((m) => silences(m, f.rule))) kept.push(f);
      }
    }
  }
  notes.sort(compareFindings);
  return { attributions: attributions.slice(), findings: notes.length === 0 ? kept : merge(kept, notes), notes: seg.scan.notes, ruleErrors };
}

/** An article rule's findings with their severity, ignore markers and marker lines. */
function articleFindings(seg: Segmented, ignored: ReadonlyMap<number, IgnoreMarker[]>, found: readonly { start: number; end: number; message: string; data: Omit<FindingData, 'lineStart'> }[], rule: RuleId, severity: Finding['severity']): Finding[] {
  const out: Finding[] = [];
  const lines = lineStartsOf(seg.text);
  for (const f of found) {
    const bi = lastStartingAt(seg.blocks, f.start);
    const inBlock = bi >= 0 && f.start < seg.blocks[bi]!.end;
    const markers = inBlock ? ignored.get(bi) : markerAbove(seg, lines.lineStart(f.start));
    if (markers?.some((m) => silences(m, rule))) continue;
    // Where a factcheck-ignore marker for it goes: before its paragraph's first line, or its own line.
    const data = f.data as FindingData;
    data.lineStart = lines.lineStart(inBlock ? seg.blocks[bi]!.from : f.start);
    out.push({ rule, severity, start: f.start, end: f.end, message: f.message, data });
  }
  return out;
}

/** Two lists sorted in the findings' order, merged. */
function merge(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && compareFindings(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * Outside prose (a note definition line, a table row) a marker silences the line right below it:
 * the marker that ends, with nothing but spaces after it, on the line before `lineStart`.
 */
function markerAbove(seg: Segmented, lineStart: number): IgnoreMarker[] | undefined {
  const ignores = seg.scan.ignores;
  const k = lastStartingAt(ignores, lineStart - 1);
  const m = ignores[k];
  if (!m || m.end > lineStart || lineStart - m.end > 16) return undefined;
  return /^[ \t]*(?:\r\n?|\n)$/.test(seg.text.slice(m.end, lineStart)) ? [m] : undefined;
}

/** Which blocks a `factcheck-ignore` marker silences: the first block after each marker. */
function ignoredBlocks(seg: Segmented): Map<number, IgnoreMarker[]> {
  const out = new Map<number, IgnoreMarker[]>();
  for (const m of seg.scan.ignores) {
    const k = lastStartingAt(seg.blocks, m.end - 1) + 1;
    if (k >= seg.blocks.length) continue;
    out.set(k, [...(out.get(k) ?? []), m]);
  }
  return out;
}
