// The tools the editor tests drive, installed (or found) by setup.sh.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Where setup.sh put things. Example: `{ node24: '~/.cache/factcheck-e2e/node24/.../bin/node', ... }`. */
export interface Tools {
  /** Node 24, which the VS Code server inside code-server needs. */
  node24: string;
  /** code-server's `lib/vscode`: `out/server-main.js` is the VS Code server. */
  vscodeServer: string;
  chromium: string;
  nvim: string;
}

/** Runs setup.sh (quick when everything is present) and reads the paths it prints. */
export function ensureTools(): Tools {
  const script = join(__dirname, '..', 'setup.sh');
  // stderr (progress lines) goes straight to ours; stdout is KEY=value lines.
  const r = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`test/e2e/setup.sh failed (exit ${r.status ?? r.signal})`);
  const vars = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  const get = (key: string): string => {
    const value = vars.get(key);
    if (!value) throw new Error(`test/e2e/setup.sh printed no ${key}`);
    return value;
  };
  return { node24: get('NODE24'), vscodeServer: get('VSCODE_SERVER'), chromium: get('CHROMIUM'), nvim: get('NVIM') };
}
