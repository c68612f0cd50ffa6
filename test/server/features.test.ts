// Hover and the outline over real LSP on the seed article: both show resolved speakers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import type { DocumentSymbol, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/analysis';
import { SEED, TestClient } from './lspClient';

const text = readFileSync(SEED, 'utf8');
const uri = pathToFileURL(SEED).href;
const doc = TextDocument.create(uri, 'plaintext', 1, text);
const analysis = analyse(text, { format: 'plaintext' });

describe('hover and outline on the seed article', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(uri, text);
  });
  after(() => client.stop());

  async function hoverAt(offset: number): Promise<string | undefined> {
    const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(offset) });
    return result ? (result.contents as MarkupContent).value : undefined;
  }

  it('names the resolved speaker, the mention and the cue on a quote', async () => {
    const peskov = analysis.attributions.filter((a) => a.name === 'Dmitri S. Peskov');
    assert.ok(peskov.length >= 2, 'Peskov is quoted');
    for (const a of peskov) {
      const value = await hoverAt(a.quote.start + 1);
      assert.ok(value, 'a hover on the quote');
      assert.ok(value.includes('Dmitri S. Peskov'), value);
      assert.ok(value.includes(`(${a.kind})`), value);
      if (a.speaker) assert.ok(value.includes(`“${text.slice(a.speaker.start, a.speaker.end)}”`), value);
      if (a.cueText) assert.ok(value.includes(`Cue: ${a.cueText}`), value);
      assert.ok(value.includes('Source note: none yet'), value);
    }
    const pronoun = peskov.find((a) => a.speaker && text.slice(a.speaker.start, a.speaker.end) === 'He');
    assert.ok(pronoun, '"He said" resolved to Peskov');
  });

  it('says why a claim is check-worthy', async () => {
    const claim = analysis.findings.find((f) => f.rule === 'claim.unsourced');
    assert.ok(claim);
    const value = await hoverAt(claim.start);
    assert.ok(value?.startsWith('**Check-worthy claim**'), value);
    if (claim.data.trigger) assert.ok(value?.includes(claim.data.trigger.replace(/[`*_[\]<>|~\\]/g, '\\$&')), value);
  });

  it('lists each speaker with their quotes, then the unsourced claims', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('Dmitri S. Peskov'), names.join(', '));
    assert.ok(names.includes('Vladimir V. Putin'), names.join(', '));
    // One speaker per resolved person, role and case aside ("Analysts claim", "according to analysts").
    const key = (name: string | null): string | undefined => name?.toLowerCase();
    for (const name of new Set(analysis.attributions.map((a) => key(a.person)).filter((n) => n !== undefined))) {
      const symbol = symbols.find((s) => key(s.name) === name);
      assert.ok(symbol, `a symbol for ${name}`);
      const quotes = analysis.attributions.filter((a) => key(a.person) === name);
      assert.equal(symbol.children?.length, quotes.length, `${name}'s quotes`);
      for (const [i, q] of quotes.sort((a, b) => a.quote.start - b.quote.start).entries()) {
        assert.deepEqual(symbol.children![i]!.range, { start: doc.positionAt(q.quote.start), end: doc.positionAt(q.quote.end) });
      }
    }
    const claims = symbols.at(-1);
    assert.equal(claims?.name, 'Unsourced claims');
    assert.equal(claims.children?.length, analysis.findings.filter((f) => f.rule === 'claim.unsourced').length);
    for (const s of symbols) {
      const inRange = (r: DocumentSymbol['range']) => doc.offsetAt(s.range.start) <= doc.offsetAt(r.start) && doc.offsetAt(r.end) <= doc.offsetAt(s.range.end);
      assert.ok(inRange(s.selectionRange), `${s.name}: selection inside the range`);
      for (const c of s.children ?? []) assert.ok(inRange(c.range), `${s.name}: child inside the range`);
    }
  });
});
