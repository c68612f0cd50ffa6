// Runs test/e2e/host/*.test.ts inside the real extension host: compiles them, opens the workbench
// with the `payload` that names them as extensionTestsPath, and waits for codeAutomationExit.
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { HostResult } from '../host/context';
import { LINE_PREFIX } from '../host/context';
import { onConsole, openSession } from './browser';
import { record } from './results';
import type { Tools } from './tools';
import type { ServerDirs, VsCodeServer } from './vscodeServer';

/**
 * Compiles the in-host tests file by file (no bundle: mocha loads each file after setting up its
 * globals; `vscode` is provided by the extension host) into `outDir`; returns index.js's path.
 */
export async function compileHostTests(outDir: string): Promise<string> {
  const srcDir = join(__dirname, '..', 'host');
  const entryPoints = readdirSync(srcDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(srcDir, f));
  await build({
    entryPoints,
    outdir: outDir,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}

/**
 * Opens the workbench on `workspace` with the extension at `extensionPath` under development and
 * `testsPath` as its tests. The runner passes the folder the VSIX was installed into, so these
 * tests run the packaged files, as the UI test does. Records each test's result.
 */
export async function runHostTests(options: {
  tools: Tools;
  dirs: ServerDirs;
  server: VsCodeServer;
  workspace: string;
  extensionPath: string;
  testsPath: string;
  resultsFile: string;
  consoleLog: string;
  timeoutMs: number;
}): Promise<void> {
  const { server, workspace, extensionPath, testsPath, resultsFile, consoleLog } = options;
  const t0 = Date.now();
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  const session = await openSession(options.tools, options.dirs, 'host');
  let exitCode: number | undefined;
  try {
    const { page } = session;
    onConsole(page, (line) => {
      appendFileSync(consoleLog, `${line}\n`);
      // The reporter's own lines are shown live; the rest (workbench and extension logs) only
      // goes to the log file that CI keeps.
      if (line.startsWith(LINE_PREFIX)) console.log(`  host ${line.slice(LINE_PREFIX.length).trim()}`);
    });
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no codeAutomationExit within ${options.timeoutMs / 1000} s`)), options.timeoutMs);
    });
    try {
      exitCode = await Promise.race([exited, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    record({ layer: 'host', name: 'extension-host tests ran', ok: false, ms: Date.now() - t0, error: String(e) });
    return;
  } finally {
    await session.close();
  }
  const results: HostResult[] = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as HostResult[]) : [];
  for (const r of results) record({ layer: 'host', name: r.name, ok: r.ok, ms: r.ms, ...(r.error ? { error: r.error } : {}) }, true);
  if (results.length === 0 || (exitCode !== 0 && results.every((r) => r.ok))) {
    // run() rejected before or outside mocha (a load error, a missing context): say so.
    record({
      layer: 'host',
      name: 'extension-host tests ran',
      ok: false,
      ms: Date.now() - t0,
      error: `codeAutomationExit(${exitCode}) with ${results.length} results; the extension host's console is in ${consoleLog}`,
    });
  }
}
