// Runs the built factcheck CLI (server/dist/cli.js) as a real process, as users and CI do.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'server', 'dist', 'cli.js');
export const SHARED = resolve(ROOT, '..', 'shared');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node server/dist/cli.js ...args` in `cwd` (default: the repository root) with `input` on stdin. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned `cleanup`. */
export function tempDir(prefix = 'factcheck-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The JSON report's shape (the contract in shared/eval/README.md plus this CLI's extras). */
export interface JsonReport {
  files: {
    path: string;
    format: string;
    error?: string;
    note?: string;
    attributions: { kind: string; quote: Span; speaker: Span | null; cue: Span | null; name: string | null }[];
    findings: { rule: string; severity: string; start: number; end: number; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  }[];
  errors: { path: string; message: string }[];
  summary: { files: number; findings: number; exitCode: number };
}

interface Span {
  start: number;
  end: number;
}
