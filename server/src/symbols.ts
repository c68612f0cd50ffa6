// Outline: each speaker with their quotes, in order of first appearance, then a group for the
// unsourced claims.
import { SymbolKind } from 'vscode-languageserver';
import type { DocumentSymbol, Range, SymbolInformation } from 'vscode-languageserver';
import type { Attribution, Span } from './analysis';
import type { DocumentAnalysis } from './analyses';

/** The group that lists the unsourced claims. */
export const CLAIMS_GROUP = 'Unsourced claims';

/** A one-line, non-empty symbol name of at most `max` characters. */
function snippet(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return '(empty)';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A parent symbol whose range covers its selection, its children and any other `spans` (the speaker's mentions). */
function group(entry: DocumentAnalysis, name: string, detail: string, kind: SymbolKind, selection: Span, children: DocumentSymbol[], spans: Span[] = []): DocumentSymbol {
  const { doc } = entry;
  let start = selection.start;
  let end = selection.end;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  for (const c of children) {
    start = Math.min(start, doc.offsetAt(c.range.start));
    end = Math.max(end, doc.offsetAt(c.range.end));
  }
  const range: Range = { start: doc.positionAt(start), end: doc.positionAt(end) };
  return { name, detail, kind, range, selectionRange: { start: doc.positionAt(selection.start), end: doc.positionAt(selection.end) }, children };
}

function speakerSymbols(entry: DocumentAnalysis): DocumentSymbol[] {
  const { doc } = entry;
  const text = doc.getText();
  const speakers = new Map<string, Attribution[]>();
  for (const a of [...entry.analysis.attributions].sort((x, y) => x.quote.start - y.quote.start)) {
    const name = a.person ?? (a.speaker ? text.slice(a.speaker.start, a.speaker.end) : 'Unknown speaker');
    const key = name.toLowerCase();
    speakers.set(key, [...(speakers.get(key) ?? []), a]);
  }
  return [...speakers.values()].map((quotes) => {
    const first = quotes[0]!;
    const name = first.person ?? (first.speaker ? snippet(text.slice(first.speaker.start, first.speaker.end)) : 'Unknown speaker');
    const children = quotes.map((a): DocumentSymbol => {
      const range = { start: doc.positionAt(a.quote.start), end: doc.positionAt(a.quote.end) };
      const detail = [a.kind, a.cueText].filter(Boolean).join(', ');
      return { name: snippet(text.slice(a.quote.start, a.quote.end)), detail, kind: SymbolKind.String, range, selectionRange: range };
    });
    const mention = quotes.find((a) => a.speaker)?.speaker ?? first.quote;
    const kind = first.speakerKind === 'person' || first.speakerKind === 'pronoun' ? '' : ` · ${first.speakerKind}`;
    const role = quotes.find((a) => a.role)?.role;
    const detail = `${quotes.length} quote${quotes.length === 1 ? '' : 's'}${kind}${role ? ` · ${role}` : ''}`;
    const mentions = quotes.flatMap((a) => (a.speaker ? [a.speaker] : []));
    return group(entry, name, detail, SymbolKind.Class, mention, children, mentions);
  });
}

function claimsSymbol(entry: DocumentAnalysis): DocumentSymbol | undefined {
  const { doc } = entry;
  const claims = entry.analysis.findings.filter((f) => f.rule === 'claim.unsourced');
  if (claims.length === 0) return undefined;
  const children = claims.map((f): DocumentSymbol => {
    const range = { start: doc.positionAt(f.start), end: doc.positionAt(f.end) };
    return { name: snippet(doc.getText().slice(f.start, f.end)), detail: f.data.trigger ?? '', kind: SymbolKind.Event, range, selectionRange: range };
  });
  return group(entry, CLAIMS_GROUP, `${claims.length}`, SymbolKind.Namespace, claims[0]!, children);
}

/** The outline: speakers (each with their quotes) in order of first appearance, then the unsourced claims. */
export function documentSymbols(entry: DocumentAnalysis): DocumentSymbol[] {
  const symbols = speakerSymbols(entry);
  const claims = claimsSymbol(entry);
  if (claims) symbols.push(claims);
  return symbols;
}

/** The same outline, flat, for clients without hierarchical document symbols. */
export function flatSymbols(entry: DocumentAnalysis, symbols: DocumentSymbol[]): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  const visit = (s: DocumentSymbol, container?: string): void => {
    flat.push({ name: s.name, kind: s.kind, location: { uri: entry.doc.uri, range: s.range }, ...(container ? { containerName: container } : {}) });
    for (const c of s.children ?? []) visit(c, s.name);
  };
  for (const s of symbols) visit(s);
  return flat;
}
