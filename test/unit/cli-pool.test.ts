// The CLI's worker pool (server/src/cli/pool.ts) with real worker threads: reports come back
// once each and in input order, a worker that dies fails only the article it was on (the one
// waiting behind it is checked by a fresh worker), and workers that cannot start leave the work
// to the main thread. The workers here are small scripts that speak the pool's protocol and die
// on cue; the real checker's worker is run by cli-formats.test.ts.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkAll } from '../../server/src/cli/pool';
import type { ArticleInput, FileReport } from '../../server/src/cli/report';
import { tempDir } from './cliHarness';

/** Replies with an empty report per article and exits with status 3 on an article named crash*. */
const CRASHING_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (input) => {
  if (input.path.startsWith('crash')) process.exit(3);
  parentPort.postMessage({ kind: 'report', report: { input: { index: input.index, path: input.path, absPath: input.absPath, format: input.format }, bytes: 1, attributions: [], findings: [] } });
});
parentPort.postMessage({ kind: 'ready' });
`;

describe('CLI worker pool', () => {
  const { dir, cleanup } = tempDir();
  after(() => cleanup());
  const worker = join(dir, 'crashing-worker.js');
  writeFileSync(worker, CRASHING_WORKER);
  const brokenWorker = join(dir, 'broken-worker.js');
  writeFileSync(brokenWorker, "throw new Error('cannot load');\n");

  const inputs = (names: readonly string[]): ArticleInput[] =>
    names.map((name, index) => {
      const absPath = join(dir, name);
      writeFileSync(absPath, 'The council approved the budget on Tuesday after a vote of 7 to 2 in 2023.\n');
      return { index, path: name, absPath, format: 'plaintext' };
    });

  async function run(names: readonly string[], workerScript: string): Promise<{ reports: FileReport[]; order: number[] }> {
    const order: number[] = [];
    const reports = await checkAll(inputs(names), { severities: {} }, { jobs: 2, workerScript, onReport: (r) => order.push(r.input.index) });
    return { reports, order };
  }

  test('every article reported once, in input order', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `a${i}.txt`);
    const { reports, order } = await run(names, worker);
    assert.deepEqual(order, names.map((_, i) => i));
    assert.deepEqual(reports.map((r) => [r.input.path, r.error]), names.map((n) => [n, undefined]));
  });

  test('a worker that dies fails only its article; the rest are checked by a fresh worker', async () => {
    const names = Array.from({ length: 20 }, (_, i) => (i === 6 || i === 13 ? `crash${i}.txt` : `a${i}.txt`));
    const { reports, order } = await run(names, worker);
    assert.deepEqual(order, names.map((_, i) => i));
    const failed = reports.filter((r) => r.error !== undefined).map((r) => [r.input.path, r.error]);
    assert.deepEqual(failed, [
      ['crash6.txt', 'internal error while checking: worker thread exited with code 3'],
      ['crash13.txt', 'internal error while checking: worker thread exited with code 3'],
    ]);
    assert.ok(reports.every((r) => r.error !== undefined || r.bytes === 1), 'the others come from a worker');
  });

  test('workers that cannot start leave every article to the main thread', async () => {
    const names = Array.from({ length: 9 }, (_, i) => `b${i}.txt`);
    const { reports, order } = await run(names, brokenWorker);
    assert.deepEqual(order, names.map((_, i) => i));
    for (const r of reports) {
      assert.equal(r.error, undefined);
      // Checked for real on this thread: the byte count is the file's, and its figures make a claim.
      assert.equal(r.bytes, 75);
      assert.deepEqual(r.findings.map((f) => f.rule), ['claim.unsourced']);
    }
  });
});
