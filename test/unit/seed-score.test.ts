// Accuracy gate from the analyser issue: the CLI's JSON on the seed article, scored by the shared
// scorer against its gold annotations, must meet every threshold.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SHARED, runCli, tempDir } from './cliHarness';

const SEED = join(SHARED, 'corpus', 'seed', 'article.txt');
const GOLD = join(SHARED, 'corpus', 'seed', 'gold.json');
const SCORER = join(SHARED, 'eval', 'score.mjs');
const THRESHOLDS = ['quoteF1=0.95', 'speaker=0.9', 'name=0.9', 'claimRecall=1', 'claimFalse=0', 'vagueRecall=1'];

test('seed article: quote F1 >= 95, speaker >= 90%, name >= 90%, claims 5/5 with none wrongly flagged, vague 4/4', () => {
  for (const f of [SEED, GOLD, SCORER]) assert.ok(existsSync(f), `${f} is missing: the shared folder must sit beside the repository`);
  const run = runCli(['--format', 'json', SEED]);
  assert.ok(run.status === 0 || run.status === 1, `factcheck failed (${run.status}):\n${run.stderr}`);
  const { dir, cleanup } = tempDir('factcheck-seed-');
  try {
    const out = join(dir, 'out.json');
    writeFileSync(out, run.stdout);
    const score = spawnSync(process.execPath, [SCORER, '--gold', GOLD, '--pred', out, ...THRESHOLDS.flatMap((t) => ['--min', t])], { encoding: 'utf8' });
    assert.equal(score.status, 0, `score.mjs below the thresholds:\n${score.stdout}${score.stderr}`);
  } finally {
    cleanup();
  }
});
