// `npm run bench`: runs the benchmark compiled the way the product ships. tsx (esbuild with
// `keepNames`) wraps every function it creates in a naming call, and its loader shows in
// profiles: the in-process figures were 5-15% slower than the shipped bundles. The bench and its
// pathological child are bundled like the product (its esbuild options and plugin, dependencies
// included), next to their sources so paths relative to the file still hold.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags.mjs';
import { compromisePatches } from '../compromise-patches.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));

await esbuild.build({
  entryPoints: { bench: here('bench.ts'), pathologicalChild: here('pathologicalChild.ts') },
  outdir: here('.'),
  outExtension: { '.js': '.bundle.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Bundled CommonJS dependencies call require(): give the ES module bundle one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  plugins: [compromisePatches],
  logLevel: 'warning',
});
// With the language server's Node flags: the in-process sections time the analyser and the
// server's edit path as the editor runs them.
const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, here('bench.bundle.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
