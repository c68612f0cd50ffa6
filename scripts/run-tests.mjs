// Runs every test layer with node's own test runner. Layers run in order: unit, server, e2e.
// The runner's closing summary (`# pass N`, `# fail N`) is what CI reads.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const layers = (process.env.FACTCHECK_TEST_LAYERS ?? 'unit,server').split(',');
const files = [];
for (const layer of layers) {
  const dir = join('test', layer);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.ts')) files.push(join(dir, f));
}
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
