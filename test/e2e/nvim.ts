// Neovim as a second, push-only LSP client: nvim/client.lua starts `node server/dist/server.js
// --stdio`, receives pushed diagnostics, applies "Add source note" and writes the file; here we
// check the file on disk.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags.mjs';
import { record } from './harness/results';
import type { Tools } from './harness/tools';

/** `dist` holds the built server.js and cli.js (a snapshot of server/dist). */
export async function runNvimTests(o: { tools: Tools; dist: string; seed: string; workDir: string; outDir: string }): Promise<void> {
  const t0 = Date.now();
  mkdirSync(o.workDir, { recursive: true });
  const file = join(o.workDir, 'article.txt');
  copyFileSync(o.seed, file);
  chmodSync(file, 0o644); // the shared corpus is read-only
  const original = readFileSync(file, 'utf8');

  const cli = spawnSync(process.execPath, [join(o.dist, 'cli.js'), '--format', 'json', '--no-progress', file], { encoding: 'utf8' });
  const findings = (JSON.parse(cli.stdout) as { files: { findings: { rule: string }[] }[] }).files[0]?.findings ?? [];
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);

  const xdg = join(o.workDir, 'xdg');
  const r = spawnSync(o.tools.nvim, ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'nvim', 'client.lua')}`], {
    encoding: 'utf8',
    timeout: 90_000,
    killSignal: 'SIGKILL',
    env: {
      ...process.env,
      FACTCHECK_SERVER: join(o.dist, 'server.js'),
      FACTCHECK_NODE_FLAGS: SERVER_NODE_FLAGS.join(' '),
      FACTCHECK_FILE: file,
      FACTCHECK_EXPECTED: [...counts].map(([k, v]) => `${k}=${v}`).join(','),
      // nvim writes its LSP log and shada under these; keep them out of $HOME.
      XDG_CACHE_HOME: join(xdg, 'cache'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_STATE_HOME: join(xdg, 'state'),
      XDG_CONFIG_HOME: join(xdg, 'config'),
      TMPDIR: o.workDir,
    },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  writeFileSync(join(o.outDir, 'nvim.log'), output);
  const ms = Date.now() - t0;
  let lines = 0;
  for (const line of output.split('\n')) {
    const m = /^(ok|not ok) - ([^:]+)(?:: (.*))?$/.exec(line.trim());
    if (!m) continue;
    lines++;
    record({ layer: 'nvim', name: m[2]!, ok: m[1] === 'ok', ms, ...(m[3] ? { error: m[3] } : {}) });
  }
  if (lines === 0 || (r.status !== 0 && !output.includes('not ok'))) {
    record({ layer: 'nvim', name: 'nvim ran the client script', ok: false, ms, error: `exit ${r.status ?? r.signal}; output:\n${output.slice(-2000)}` });
    return;
  }
  if (r.status !== 0) return;

  const start = Date.now();
  const saved = readFileSync(file, 'utf8');
  const ref = /\[\^([\w-]+)\](?!:)/.exec(saved);
  const ok = (() => {
    if (!ref) return 'no [^id] reference in the saved file';
    const without = saved.slice(0, ref.index) + saved.slice(ref.index + ref[0].length);
    if (!without.startsWith(original.trimEnd())) return 'the saved file changed more than the reference and the definition';
    if (!without.slice(original.trimEnd().length).includes(`[^${ref[1]}]:`)) return `no definition [^${ref[1]}]: after the text`;
    return '';
  })();
  record({ layer: 'nvim', name: 'the file on disk has the note and is otherwise unchanged', ok: ok === '', ms: Date.now() - start, ...(ok ? { error: ok } : {}) });
}
