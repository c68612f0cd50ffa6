// Faults: a rule that throws is caught; its findings are skipped for the document, the other rules
// still report, and the failure is logged once per document to the output channel (not once per
// version or request). The failing rule is injected with the test-only FACTCHECK_TEST_FAIL_RULE
// hook of server/src/debug.ts, which no document, setting or client message can reach.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bySpan, expected, seen } from './helpers';
import { TestClient } from './lspClient';

const TEXT = [
  'The county spent $4.5 million on the bridge in 2023.',
  '“We will rebuild it by spring,” said Ana Lopez, the county engineer.',
  'Analysts claim the repairs cost three times the estimate.',
  'Turnout fell to 41% after the storm.[^1]',
].join('\n\n');

describe('a rule that throws', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ pull: true, env: { FACTCHECK_TEST_FAIL_RULE: 'claim.unsourced' } });
  });
  after(() => client.stop());

  const failures = (uri: string) => client.logs.filter((l) => l.includes('rule claim.unsourced failed') && l.includes(uri));

  it('loses only its own findings; the other rules report as usual', async () => {
    const uri = 'file:///faults/a.txt';
    await client.open(uri, TEXT);
    const got = (await client.pull(uri)).map(seen).sort(bySpan);
    const want = expected(TEXT).filter((d) => d.rule !== 'claim.unsourced').sort(bySpan);
    assert.ok(expected(TEXT).some((d) => d.rule === 'claim.unsourced'), 'the text has claims the rule would flag');
    assert.deepEqual(got, want);
    assert.deepEqual(new Set(got.map((d) => d.rule)), new Set(['quote.attributed', 'source.vague', 'note.missing']));
  });

  it('is logged once for the document, however many versions and requests follow', async () => {
    const uri = 'file:///faults/a.txt';
    await client.waitFor('the failure in the log', () => (failures(uri).length > 0 ? true : undefined));
    for (let v = 2; v <= 5; v++) {
      await client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'So. ' }]);
      await client.pull(uri);
    }
    assert.equal(failures(uri).length, 1, failures(uri).join('\n'));
    assert.match(failures(uri)[0]!, /injected failure in claim\.unsourced/);
  });

  it('is logged again for another document, and for this one once it is reopened', async () => {
    const other = 'file:///faults/b.txt';
    await client.open(other, TEXT);
    await client.pull(other);
    assert.equal(failures(other).length, 1);
    const uri = 'file:///faults/a.txt';
    await client.close(uri);
    await client.open(uri, TEXT);
    await client.pull(uri);
    assert.equal(failures(uri).length, 2);
  });
});
