// `npm run bench`: runs the benchmark compiled the way the product ships. tsx (esbuild with
// `keepNames`) wraps every function it creates in a naming call, and its loader shows in
// profiles: the in-process figures were 5-15% slower than the shipped bundles. The bench and its
// pathological child are bundled with esbuild's product options, dependencies left in
// node_modules, next to their sources (so paths relative to the file still hold).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

await esbuild.build({
  entryPoints: { bench: here('bench.ts'), pathologicalChild: here('pathologicalChild.ts') },
  outdir: here('.'),
  outExtension: { '.js': '.bundle.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [here('bench.bundle.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
