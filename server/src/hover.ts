// Hover: on a quote, who said it (resolved name and the mention), the cue, the kind and the note;
// on a check-worthy claim, why it is one.
import { MarkupKind } from 'vscode-languageserver';
import type { Hover, Position } from 'vscode-languageserver';
import { ruleInfo } from './analysis';
import type { Attribution, Span } from './analysis';
import type { DocumentAnalysis } from './analyses';

const inside = (span: Span | null, offset: number): boolean => span !== null && span.start <= offset && offset < span.end;

/** Escapes the Markdown punctuation that matters inside a line, so article text shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function attributionAt(entry: DocumentAnalysis, offset: number): Attribution | undefined {
  let best: Attribution | undefined;
  for (const a of entry.analysis.attributions) {
    if (!inside(a.quote, offset) && !inside(a.speaker, offset) && !inside(a.cue, offset)) continue;
    if (!best || a.quote.end - a.quote.start < best.quote.end - best.quote.start) best = a;
  }
  return best;
}

function quoteHover(entry: DocumentAnalysis, a: Attribution): string {
  const { doc } = entry;
  const text = doc.getText();
  const lines = [`**Quote** (${a.kind}) · ${escapeMarkdown(a.person ?? 'speaker unknown')}`, ''];
  if (a.speaker) {
    const mention = text.slice(a.speaker.start, a.speaker.end);
    const line = doc.positionAt(a.speaker.start).line + 1;
    const kind = a.speakerKind === 'person' || a.speakerKind === 'pronoun' ? '' : ` (${a.speakerKind} source)`;
    lines.push(`- Speaker: ${escapeMarkdown(a.person ?? mention)}${kind}, mentioned as “${escapeMarkdown(mention)}” on line ${line}`);
    if (a.role) lines.push(`- Role: ${escapeMarkdown(a.role)}`);
  } else {
    lines.push(`- Speaker: ${a.person ? `${escapeMarkdown(a.person)}, continuing their previous quote` : 'not named'}`);
  }
  const cue = a.cueText || (a.cue ? text.slice(a.cue.start, a.cue.end) : '');
  if (cue) lines.push(`- Cue: ${escapeMarkdown(cue)}`);
  const note = a.noteId ? entry.analysis.notes.definitions.find((d) => d.id.toLowerCase() === a.noteId!.toLowerCase()) : undefined;
  if (a.noteId) lines.push(`- Source note: [^${escapeMarkdown(a.noteId)}]${note ? ` ${escapeMarkdown(note.text)}` : ' (no definition yet)'}`);
  else lines.push('- Source note: none yet (quick fix: Add source note)');
  return lines.join('\n');
}

/** The hover at `position`, or `null` when it is on neither a quote nor a flagged claim. */
export function hover(entry: DocumentAnalysis, position: Position): Hover | null {
  const { doc } = entry;
  const offset = doc.offsetAt(position);
  const attribution = attributionAt(entry, offset);
  if (attribution) {
    const span = attribution.quote;
    return {
      contents: { kind: MarkupKind.Markdown, value: quoteHover(entry, attribution) },
      range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
    };
  }
  const claim = entry.analysis.findings.find((f) => f.rule === 'claim.unsourced' && inside(f, offset));
  if (!claim) return null;
  const why = claim.data.trigger ? `it has ${escapeMarkdown(claim.data.trigger)}` : 'it states a checkable fact';
  const value = [`**Check-worthy claim**: ${why}`, '', escapeMarkdown(claim.message), '', escapeMarkdown(ruleInfo('claim.unsourced').description)].join('\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: doc.positionAt(claim.start), end: doc.positionAt(claim.end) } };
}
