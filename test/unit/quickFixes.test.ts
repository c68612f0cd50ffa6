// The server's quick fixes on hand-made analyses: where notes and markers go, readable unique ids,
// edits that only insert, stale versions, fix-all. Each case applies the edit and compares text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { Analysis, ArticleFormat, Finding, RuleId } from '../../server/src/analysis';
import type { DocumentAnalysis } from '../../server/src/analyses';
import { codeActions } from '../../server/src/codeActions';
import { toDiagnostics } from '../../server/src/diagnostics';
import { definitionsInsertion, markerInsertion, uniqueNoteId } from '../../server/src/noteEdits';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const URI = 'file:///article.txt';

function entry(text: string, findings: Finding[], analysis: Partial<Omit<Analysis, 'ruleErrors'>> = {}, format: ArticleFormat = 'plaintext'): DocumentAnalysis {
  return {
    doc: TextDocument.create(URI, format, 3, text),
    format,
    settings: { ...DEFAULT_SETTINGS, rules: {} },
    analysis: { attributions: [], findings, notes: { references: [], definitions: [] }, ruleErrors: [], ...analysis },
  };
}

function finding(rule: RuleId, start: number, end: number, data: Partial<Finding['data']> = {}): Finding {
  return { rule, start, end, severity: 'warning', message: `${rule} here`, data: { insertAt: end, lineStart: 0, suggestedId: 'claim-1', ...data } };
}

function request(e: DocumentAnalysis, diagnostics: Diagnostic[], only?: string[]): CodeActionParams {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { textDocument: { uri: URI }, range, context: { diagnostics, ...(only ? { only } : {}) } };
}

function apply(e: DocumentAnalysis, action: CodeAction | undefined): string {
  assert.ok(action?.edit?.documentChanges, 'a versioned edit');
  const [change] = action.edit.documentChanges;
  assert.ok(change && 'textDocument' in change);
  assert.deepEqual(change.textDocument, { uri: URI, version: 3 });
  const edits = change.edits as TextEdit[];
  for (const edit of edits) assert.deepEqual(edit.range.start, edit.range.end, 'inserts only');
  return TextDocument.applyEdits(e.doc, edits);
}

const fixes = (e: DocumentAnalysis, only?: string[]) => codeActions(e, request(e, toDiagnostics(e), only), { documentChanges: true });

describe('Add source note', () => {
  it('puts the reference after the sentence and a definition in a trailing block (plain text)', () => {
    const text = 'Peskov told journalists that talks ended.\nNext line.\n';
    const e = entry(text, [finding('quote.attributed', 24, 40, { insertAt: 41, suggestedId: 'peskov-1', source: 'Dmitri S. Peskov', cue: 'told journalists' })]);
    const [add] = fixes(e);
    assert.equal(add?.title, 'Add source note [^peskov-1]');
    assert.equal(apply(e, add), 'Peskov told journalists that talks ended.[^peskov-1]\nNext line.\n\n[^peskov-1]: Dmitri S. Peskov, told journalists (date, link: TODO)\n');
  });

  it('orders the reference before the definition when both go at the end of the document', () => {
    const text = 'Prices rose 30% in 2024.';
    const e = entry(text, [finding('claim.unsourced', 0, 24, { insertAt: 24, trigger: 'a figure ("30%")' })]);
    assert.equal(apply(e, fixes(e)[0]), 'Prices rose 30% in 2024.[^claim-1]\n\n[^claim-1]: Source for a figure ("30%") (who, date, link: TODO)');
  });

  it('joins an existing block of definitions and picks an id no note uses yet', () => {
    const text = 'A claim.[^claim-1] Another 5 claims.\n\n[^claim-1]: Ministry report, 2024.\n';
    const e = entry(text, [finding('claim.unsourced', 19, 36, { insertAt: 36 })], {
      notes: { references: [{ id: 'claim-1', start: 8, end: 18 }], definitions: [{ id: 'Claim-2', start: 38, end: 72, text: 'x', placeholder: false }] },
    });
    assert.equal(
      apply(e, fixes(e)[0]),
      'A claim.[^claim-1] Another 5 claims.[^claim-3]\n\n[^claim-1]: Ministry report, 2024.\n[^claim-3]: Source (who, date, link: TODO)\n',
    );
  });

  it('adds a Sources heading in Markdown, or appends to the Sources section where it is', () => {
    const plain = '# Title\n\nThe city spent $4 million.\n';
    const e1 = entry(plain, [finding('claim.unsourced', 9, 35, { insertAt: 35 })], {}, 'markdown');
    assert.equal(apply(e1, fixes(e1)[0]), '# Title\n\nThe city spent $4 million.[^claim-1]\n\n## Sources\n\n[^claim-1]: Source (who, date, link: TODO)\n');

    const withSection = '# Title\n\nThe city spent $4 million.\n\n## Sources\n\n[^a]: A, 2024.\n\n## About the author\n\nShe writes.\n';
    const e2 = entry(withSection, [finding('claim.unsourced', 9, 35, { insertAt: 35 })], {}, 'markdown');
    assert.equal(
      apply(e2, fixes(e2)[0]),
      '# Title\n\nThe city spent $4 million.[^claim-1]\n\n## Sources\n\n[^a]: A, 2024.\n[^claim-1]: Source (who, date, link: TODO)\n\n## About the author\n\nShe writes.\n',
    );
  });

  it('keeps CRLF line breaks', () => {
    const text = 'Prices rose 30%.\r\nMore.\r\n';
    const e = entry(text, [finding('claim.unsourced', 0, 16, { insertAt: 16 })]);
    assert.equal(apply(e, fixes(e)[0]), 'Prices rose 30%.[^claim-1]\r\nMore.\r\n\r\n[^claim-1]: Source (who, date, link: TODO)\r\n');
  });
});

describe('Cite an existing note', () => {
  it("is offered for a speaker whose other quote already has a note", () => {
    const text = 'He said it.[^peskov-1] He said more.\n\n[^peskov-1]: Dmitri S. Peskov, briefing, 2025-03-12.\n';
    const attribution = { kind: 'indirect' as const, quote: { start: 3, end: 10 }, speaker: { start: 0, end: 2 }, cue: { start: 3, end: 7 }, name: 'Dmitri S. Peskov', person: 'Dmitri S. Peskov', role: null, speakerKind: 'pronoun' as const, cueText: 'said', sentence: { start: 0, end: 11 }, noteId: 'peskov-1' };
    const e = entry(text, [finding('quote.attributed', 26, 35, { insertAt: 36, suggestedId: 'peskov-2', source: 'Dmitri S. Peskov', cue: 'said' })], {
      attributions: [attribution],
      notes: { references: [{ id: 'peskov-1', start: 11, end: 22 }], definitions: [{ id: 'peskov-1', start: 38, end: 89, text: 'Dmitri S. Peskov, briefing, 2025-03-12.', placeholder: false }] },
    });
    const actions = fixes(e);
    assert.deepEqual(actions.map((a) => a.title), [
      'Add source note [^peskov-2]',
      'Cite existing note [^peskov-1] (Dmitri S. Peskov, briefing, 2025-03-12.)',
      'Mark as checked (factcheck-ignore quote.attributed)',
    ]);
    assert.equal(apply(e, actions[1]), text.replace('He said more.', 'He said more.[^peskov-1]'));
  });
});

describe('Mark as checked', () => {
  it('inserts a marker line before the flagged line', () => {
    const text = 'Intro.\nAnalysts claim it works.\n';
    const e = entry(text, [finding('source.vague', 7, 21, { lineStart: 7, insertAt: 31 })]);
    const mark = fixes(e).find((a) => a.title.startsWith('Mark as checked'));
    assert.equal(apply(e, mark), 'Intro.\n<!-- factcheck-ignore source.vague -->\nAnalysts claim it works.\n');
  });

  it('adds the rule to a marker already there instead of stacking a second line', () => {
    const text = '<!-- factcheck-ignore claim.unsourced -->\r\nAnalysts claim 5 things.\r\n';
    assert.deepEqual(markerInsertion(text, 43, 'source.vague'), { offset: 37, text: ' source.vague' });
    const e = entry(text, [finding('source.vague', 43, 57, { lineStart: 43, insertAt: 67 })]);
    const mark = fixes(e).find((a) => a.title.startsWith('Mark as checked'));
    assert.equal(apply(e, mark), '<!-- factcheck-ignore claim.unsourced source.vague -->\r\nAnalysts claim 5 things.\r\n');
  });

  it('adds a definition for a reference that has none', () => {
    const text = 'Said so.[^x]\n';
    const e = entry(text, [finding('note.missing', 8, 12, { noteId: 'x', insertAt: 12 })]);
    const actions = fixes(e);
    assert.deepEqual(actions.map((a) => a.title), ['Add definition for [^x]', 'Mark as checked (factcheck-ignore note.missing)']);
    assert.equal(apply(e, actions[0]), 'Said so.[^x]\n\n[^x]: Source (who, date, link: TODO)\n');
  });
});

describe('every diagnostic, versions and kinds', () => {
  const text = 'Prices rose 30%. Analysts claim more.\n';
  const e = entry(text, [finding('claim.unsourced', 0, 16, { insertAt: 16 }), finding('source.vague', 17, 37, { insertAt: 37, suggestedId: 'analysts-1', source: 'analysts' })]);

  it('answers every diagnostic in the request', () => {
    assert.deepEqual(fixes(e).map((a) => a.title), [
      'Add source note [^claim-1]',
      'Mark as checked (factcheck-ignore claim.unsourced)',
      'Add source note [^analysts-1]',
      'Mark as checked (factcheck-ignore source.vague)',
    ]);
  });

  it('gives nothing for a diagnostic of another version', () => {
    const stale = toDiagnostics(e).map((d) => ({ ...d, data: { ...(d.data as object), version: 2 } }));
    assert.deepEqual(codeActions(e, request(e, stale), { documentChanges: true }), []);
  });

  it('adds one note per sentence for all findings with source.fixAll, and only when asked', () => {
    assert.ok(!fixes(e).some((a) => a.kind === 'source.fixAll.factcheck'));
    const twice = entry(text, [...e.analysis.findings, finding('claim.unsourced', 17, 37, { insertAt: 37, suggestedId: 'claim-2' })]);
    const [all] = fixes(twice, ['source']);
    assert.equal(all?.title, 'Add source notes for 2 unsourced sentences');
    assert.equal(
      apply(twice, all),
      'Prices rose 30%.[^claim-1] Analysts claim more.[^analysts-1]\n\n[^claim-1]: Source (who, date, link: TODO)\n[^analysts-1]: analysts (date, link: TODO)\n',
    );
  });

  it('sends plain changes to clients without versioned edits', () => {
    const [add] = codeActions(e, request(e, toDiagnostics(e)), { documentChanges: false });
    assert.deepEqual(Object.keys(add?.edit?.changes ?? {}), [URI]);
  });
});

describe('note ids and placement', () => {
  it('bumps the number until the id is free, and derives one from the source when none is suggested', () => {
    assert.equal(uniqueNoteId('peskov-1', undefined, new Set(['peskov-1', 'peskov-2'])), 'peskov-3');
    assert.equal(uniqueNoteId('', 'Dmitri S. Peskov', new Set()), 'peskov-1');
    assert.equal(uniqueNoteId('', 'Ilya Grashchenkóv', new Set()), 'grashchenkov-1');
    assert.equal(uniqueNoteId('claim', undefined, new Set(['claim'])), 'claim-1');
  });

  it('places definitions in an empty or blank document', () => {
    assert.deepEqual(definitionsInsertion('', 'plaintext', ['[^a]: x']), { offset: 0, text: '[^a]: x\n' });
    assert.deepEqual(definitionsInsertion('\n\n', 'markdown', ['[^a]: x']), { offset: 0, text: '## Sources\n\n[^a]: x\n' });
  });
});

describe('Cite an existing note, from a real analysis', () => {
  it('finds the note of a speaker quoted once with a role and once without', async () => {
    const { analyse } = await import('../../server/src/analysis');
    const text = [
      '“The ferry will run in May,” said Marta Okafor, the harbour master, at a briefing.[^okafor-1]',
      '',
      'Later, Marta Okafor said that the timetable was final.',
      '',
      '[^okafor-1]: Marta Okafor, harbour briefing, 2025-04-02, notes p. 3',
      '',
    ].join('\n');
    const analysis = analyse(text);
    const e = entry(text, analysis.findings, analysis);
    const quote = toDiagnostics(e).find((d) => d.code === 'quote.attributed');
    assert.ok(quote, 'the second quote is flagged');
    const titles = codeActions(e, request(e, [quote]), { documentChanges: true }).map((a) => a.title);
    assert.ok(titles.some((t) => t.startsWith('Cite existing note [^okafor-1]')), titles.join(' | '));
  });
});
