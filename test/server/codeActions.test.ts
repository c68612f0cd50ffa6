// Quick fixes over real LSP on the seed article: each fix is applied as VS Code would (the edits
// sent back as incremental changes), the finding goes, and the rest of the text is byte-identical.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest } from 'vscode-languageserver-protocol';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/analysis';
import { SEED, TestClient } from './lspClient';
import { applyAction, bySpan, editsFor, expected, seen } from './helpers';

const seedText = readFileSync(SEED, 'utf8');
const uri = pathToFileURL(SEED).href;

/** A pull client with the seed open, tracking the text and version as an editor would. */
class Session {
  text = seedText;
  version = 1;
  constructor(readonly client: TestClient) {}

  diagnostics(): Promise<Diagnostic[]> {
    return this.client.pull(uri);
  }

  async actions(diagnostics: Diagnostic[], only = ['quickfix']): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const result = await this.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  /** Applies the action locally and sends its edits to the server as incremental changes. */
  async apply(action: CodeAction): Promise<void> {
    const edits: TextEdit[] = editsFor(action.edit, uri, this.version);
    this.text = applyAction(this.text, action, uri, this.version);
    this.version++;
    const reversed = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i);
    await this.client.change(uri, this.version, reversed.map(({ e }) => ({ range: e.range, text: e.newText })));
  }
}

const titles = (actions: CodeAction[]): string[] => actions.map((a) => a.title);
const same = (a: Diagnostic, b: Diagnostic): boolean => a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

describe('quick fixes on the seed article', () => {
  let session: Session;
  before(async () => {
    const client = await TestClient.start({ pull: true });
    await client.open(uri, seedText);
    session = new Session(client);
  });
  after(() => session.client.stop());

  it('adds a source note for an unsourced claim, and the claim is no longer flagged', async () => {
    const before = await session.diagnostics();
    const claim = before.find((d) => d.code === 'claim.unsourced');
    assert.ok(claim, 'the seed has an unsourced claim');
    const actions = await session.actions([claim]);
    assert.match(titles(actions)[0] ?? '', /^Add source note \[\^[a-z0-9-]+\]$/);
    assert.ok(titles(actions).includes('Mark as checked (factcheck-ignore claim.unsourced)'));
    const add = actions[0]!;
    assert.equal(add.kind, 'quickfix');
    assert.equal(add.isPreferred, true);
    assert.deepEqual(add.diagnostics, [claim]);
    const id = /\[\^([a-z0-9-]+)\]/.exec(add.title)![1]!;
    await session.apply(add);
    assert.match(session.text, new RegExp(`\\n\\n\\[\\^${id}\\]: Source for .+ \\(who, date, link: TODO\\)$`), 'a trailing block with the definition');
    const after = await session.diagnostics();
    assert.ok(!after.some((d) => same(d, claim)), 'the claim is sourced now');
    assert.equal(after.filter((d) => d.code === 'claim.unsourced').length, before.filter((d) => d.code === 'claim.unsourced').length - 1);
    assert.ok(after.some((d) => d.code === 'note.incomplete'), 'the TODO note is flagged as incomplete');
    assert.deepEqual(after.map(seen).sort(bySpan), expected(session.text).sort(bySpan));
  });

  it("adds a note pre-filled with the speaker for Peskov's quote, then cites it for his next one", async () => {
    // Peskov's first two quotes, as the analyser attributes them ("Dmitri S. Peskov ... told journalists", "He said").
    const text = session.text;
    const doc = TextDocument.create(uri, 'plaintext', session.version, text);
    const peskov = analyse(text, { format: 'plaintext' }).attributions.filter((a) => a.name?.startsWith('Dmitri S. Peskov'));
    assert.ok(peskov.length >= 2, 'Peskov is quoted more than once');
    const diagnostics = await session.diagnostics();
    const at = (span: { start: number }) => diagnostics.find((d) => d.code === 'quote.attributed' && doc.offsetAt(d.range.start) === span.start);
    const first = at(peskov[0]!.quote);
    const second = at(peskov[1]!.quote);
    assert.ok(first && second, 'both quotes flagged');

    const add = (await session.actions([first])).find((a) => a.title.startsWith('Add source note'));
    assert.ok(add);
    await session.apply(add);
    const definition = /^\[\^([a-z0-9-]+)\]: Dmitri S\. Peskov\b.*, told journalists \(date, link: TODO\)$/m.exec(session.text);
    assert.ok(definition, `a definition pre-filled from the analyser in:\n${session.text.slice(-300)}`);
    const after = await session.diagnostics();
    assert.ok(!after.some((d) => same(d, first)), 'the quote is sourced now');

    const next = after.find((d) => same(d, second));
    assert.ok(next, 'the second quote is still flagged');
    const cite = (await session.actions([next])).find((a) => a.title.startsWith(`Cite existing note [^${definition[1]}]`));
    assert.ok(cite, 'offered to cite the existing note');
    const length = session.text.length;
    await session.apply(cite);
    assert.equal(session.text.length, length + `[^${definition[1]}]`.length, 'only the reference is inserted');
    assert.ok(!(await session.diagnostics()).some((d) => same(d, second)));
  });

  it('offers fixes for every diagnostic in the request, not only the first', async () => {
    const diagnostics = await session.diagnostics();
    const two = [diagnostics.find((d) => d.code === 'claim.unsourced'), diagnostics.find((d) => d.code === 'source.vague')];
    assert.ok(two[0] && two[1]);
    const marks = titles(await session.actions(two as Diagnostic[])).filter((t) => t.startsWith('Mark as checked'));
    assert.deepEqual(marks, ['Mark as checked (factcheck-ignore claim.unsourced)', 'Mark as checked (factcheck-ignore source.vague)']);
  });

  it('marks a vague source as checked with a visible marker line', async () => {
    const vague = (await session.diagnostics()).find((d) => d.code === 'source.vague');
    assert.ok(vague);
    const mark = (await session.actions([vague])).find((a) => a.title === 'Mark as checked (factcheck-ignore source.vague)');
    assert.ok(mark);
    await session.apply(mark);
    assert.equal(session.text.split('\n')[vague.range.start.line], '<!-- factcheck-ignore source.vague -->');
    const after = await session.diagnostics();
    assert.ok(!after.some((d) => d.code === 'source.vague' && d.range.start.line === vague.range.start.line + 1), 'suppressed');
  });

  it('adds notes for every unsourced sentence at once (source.fixAll)', async () => {
    const all = await session.actions([], ['source.fixAll']);
    assert.equal(all.length, 1);
    assert.equal(all[0]!.kind, 'source.fixAll.factcheck');
    await session.apply(all[0]!);
    const left = (await session.diagnostics()).map((d) => String(d.code));
    for (const rule of ['claim.unsourced', 'quote.attributed', 'quote.unattributed', 'source.anonymous', 'source.vague']) {
      assert.ok(!left.includes(rule), `no ${rule} left`);
    }
    assert.ok(left.includes('note.incomplete'), 'the new notes await their details');
  });
});

describe('quick fixes for a client without versioned edits', () => {
  it('sends plain changes', async () => {
    const client = await TestClient.start({ pull: false, documentChanges: false });
    try {
      await client.open(uri, seedText);
      const { diagnostics } = await client.waitForPublished(uri, 1);
      const claim = diagnostics.find((d) => d.code === 'claim.unsourced');
      assert.ok(claim);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: claim.range, context: { diagnostics: [claim] } })) as CodeAction[];
      assert.ok(actions[0]?.edit?.changes?.[uri], 'a plain changes edit');
      assert.equal(actions[0].edit.documentChanges, undefined);
      applyAction(seedText, actions[0], uri);
    } finally {
      await client.stop();
    }
  });
});
