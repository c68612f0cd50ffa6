// One build script, three bundles: the VS Code client (vscode is provided by the editor),
// the language server and the factcheck CLI. Everything else is bundled so the VSIX ships
// no node_modules.
import * as esbuild from 'esbuild';
import { chmod } from 'node:fs/promises';
import { compromisePatches } from './scripts/compromise-patches.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Keeps a bundle executable after every (re)build: `npx factcheck` runs server/dist/cli.js
 * through its shebang, and esbuild writes files without the execute bit.
 * @param {string} file
 * @returns {import('esbuild').Plugin}
 */
const executable = (file) => ({
  name: 'executable',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length === 0) await chmod(file, 0o755);
    });
  },
});

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [compromisePatches],
};

const contexts = await Promise.all([
  esbuild.context({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] }),
  esbuild.context({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/dist/server.js' }),
  esbuild.context({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, executable('server/dist/cli.js')] }),
  // The CLI's worker threads (one per core for folders of articles) load this bundle.
  esbuild.context({ ...common, entryPoints: ['server/src/cliWorker.ts'], outfile: 'server/dist/cliWorker.js' }),
].map((p) => p.catch((e) => { throw e; })));

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
