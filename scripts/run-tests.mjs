// Runs every test layer. Layers run in order: unit and server with node's own test runner
// (its closing summary is `# pass N`, `# fail N`), then e2e, the editor tests in a real VS Code
// and in Neovim (test/e2e/run.ts; its closing line is `N passed, N failed`). All selected layers
// run even when an earlier one fails; the exit code is non-zero if any failed.
// FACTCHECK_TEST_LAYERS picks layers, e.g. `unit,server` to skip the editor tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const layers = (process.env.FACTCHECK_TEST_LAYERS ?? 'unit,server,e2e').split(',').map((l) => l.trim());
const files = [];
for (const layer of layers) {
  if (layer === 'e2e') continue;
  const dir = join('test', layer);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.ts')) files.push(join(dir, f));
}
if (files.length === 0 && !layers.includes('e2e')) {
  console.error('no test files found');
  process.exit(1);
}
let status = 0;
if (files.length > 0) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
  status = r.status ?? 1;
}
if (layers.includes('e2e')) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('test', 'e2e', 'run.ts')], { stdio: 'inherit' });
  if (status === 0) status = r.status ?? 1;
}
process.exit(status);
