// The seed article over real LSP, as a pull client and as a push-only client: the diagnostics are
// exactly the analyser's findings (per rule counts equal the CLI's JSON for the same file), with
// codes, links, data for the fixes and the speaker as related information.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/analysis';
import { REPO, SEED, TestClient } from './lspClient';
import { bySpan, countByRule, expected, seen } from './helpers';

const text = readFileSync(SEED, 'utf8');
const uri = pathToFileURL(SEED).href;
const doc = TextDocument.create(uri, 'plaintext', 1, text);

/** Per-rule counts from `factcheck --format json` on the same file. */
function cliCounts(): Record<string, number> {
  const run = spawnSync(process.execPath, ['server/dist/cli.js', '--format', 'json', SEED], { cwd: REPO, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `the CLI ran (exit ${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { findings: { rule: string }[] }[] };
  return countByRule(report.files.flatMap((f) => f.findings.map((x) => x.rule)));
}

function checkAgainstAnalyser(diagnostics: Diagnostic[]): void {
  assert.ok(diagnostics.length > 0, 'the seed article has findings');
  assert.deepEqual(diagnostics.map(seen).sort(bySpan), expected(text).sort(bySpan));
  assert.deepEqual(countByRule(diagnostics.map((d) => String(d.code))), cliCounts());
  for (const d of diagnostics) {
    assert.equal(d.source, 'factcheck');
    assert.match(d.codeDescription?.href ?? '', new RegExp(`#${String(d.code).replace('.', '')}$`));
    const data = d.data as Record<string, unknown>;
    assert.equal(data.rule, d.code);
    assert.equal(data.version, 1);
    assert.equal(typeof data.insertAt, 'number');
    assert.equal(typeof data.lineStart, 'number');
  }
}

function checkSpeakers(diagnostics: Diagnostic[]): void {
  const { attributions } = analyse(text, { format: 'plaintext' });
  const attributed = diagnostics.filter((d) => d.code === 'quote.attributed');
  assert.ok(attributed.length > 0, 'the seed has attributed quotes');
  for (const d of attributed) {
    const start = doc.offsetAt(d.range.start);
    const end = doc.offsetAt(d.range.end);
    const attribution = attributions.find((a) => a.quote.start === start && a.quote.end === end);
    assert.ok(attribution, `an attribution for the quote at ${start}`);
    if (!attribution.speaker) continue;
    const [related] = d.relatedInformation ?? [];
    assert.ok(related, 'the speaker mention as related information');
    assert.equal(related.location.uri, uri);
    assert.deepEqual(related.location.range, { start: doc.positionAt(attribution.speaker.start), end: doc.positionAt(attribution.speaker.end) });
    assert.ok(related.message.includes(text.slice(attribution.speaker.start, attribution.speaker.end)));
  }
  const peskov = attributed.find((d) => d.relatedInformation?.[0]?.message.includes('Dmitri S. Peskov'));
  assert.ok(peskov, 'a quote related to Dmitri S. Peskov');
}

describe('the seed article, pulled', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];
  before(async () => {
    client = await TestClient.start({ pull: true });
    await client.open(uri, text);
    diagnostics = await client.pull(uri);
  });
  after(() => client.stop());

  it('equals the analyser and the CLI', () => checkAgainstAnalyser(diagnostics));
  it('points attributed quotes at their speakers', () => checkSpeakers(diagnostics));

  it('answers a repeated pull with the same result id as unchanged', async () => {
    const first = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const { resultId } = first as { resultId: string };
    const second = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
    assert.deepEqual(second, { kind: 'unchanged', resultId });
  });
});

describe('the seed article, pushed', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];
  before(async () => {
    client = await TestClient.start({ pull: false });
    await client.open(uri, text);
    diagnostics = (await client.waitForPublished(uri, 1)).diagnostics;
  });
  after(() => client.stop());

  it('equals the analyser and the CLI', () => checkAgainstAnalyser(diagnostics));
  it('points attributed quotes at their speakers', () => checkSpeakers(diagnostics));
});

describe('a Markdown article', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true });
  });
  after(() => client.stop());

  it('is analysed as Markdown: code and HTML comments are never flagged', async () => {
    const md = [
      '# Budget',
      '',
      'The city spent $4 million on roads in 2023.',
      '',
      '```',
      'The city spent $9 million on parks in 2022.',
      '```',
      '',
      '<!-- The mayor said "nothing" in 2021. -->',
      '',
    ].join('\n');
    const mdUri = 'file:///tmp/budget.md';
    await client.open(mdUri, md, 'markdown');
    const got = (await client.pull(mdUri)).map(seen).sort(bySpan);
    assert.deepEqual(got, expected(md, { format: 'markdown' }).sort(bySpan));
    assert.deepEqual(
      got.map((d) => `${d.rule}@${d.start}`),
      ['claim.unsourced@2:0'],
    );
  });
});
