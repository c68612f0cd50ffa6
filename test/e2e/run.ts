// The editor tests: Factcheck inside a real VS Code (1.139, the server in code-server, driven by
// headless Chromium) and inside headless Neovim. `npm run test:e2e`; details in README.md here.
//
//   --only host,ui,nvim     run some layers (default: all three)
//   --vsix FILE             test this .vsix instead of building and packaging the checkout
//   --update-screenshot     also write docs/screenshot.png (the README's picture)
//   --keep                  keep the run's temporary folder (server logs, user data) for a look
//
// Everything it starts runs in its own process group and is stopped on the way out, also after
// a failure, a timeout (FACTCHECK_E2E_TIMEOUT seconds, default 600) or Ctrl+C. Screenshots and
// logs go to .test-output/e2e/. The last line is `N passed, N failed`; the exit code is 1 on
// any failure.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleCase, ExpectedAttribution, ExpectedFinding, HostContext } from './host/context';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags.mjs';
import { CONTEXT_ENV } from './host/context';
import { compileHostTests, runHostTests } from './harness/hostRun';
import { killAllNow, run, stopAll } from './harness/processes';
import { allResults, record, summaryLine } from './harness/results';
import { ensureTools } from './harness/tools';
import type { Tools } from './harness/tools';
import { installVsix, serverDirs, startServer } from './harness/vscodeServer';
import type { VsCodeServer } from './harness/vscodeServer';
import { runNvimTests } from './nvim';
import { runUiTests } from './ui';

const repoRoot = resolve(__dirname, '..', '..');
const outDir = join(repoRoot, '.test-output', 'e2e');
const LAYERS = ['host', 'ui', 'nvim'] as const;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    vsix: { type: 'string' },
    'update-screenshot': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const layers = new Set((args.only ?? LAYERS.join(',')).split(',').map((s) => s.trim()));
for (const l of layers) if (!(LAYERS as readonly string[]).includes(l)) throw new Error(`--only: unknown layer "${l}" (use ${LAYERS.join(', ')})`);

const t0 = Date.now();
const stamp = (what: string): void => console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);

/** The seed article and its annotations (not in the repository: the shared corpus of this workspace). */
const SEED = resolve(repoRoot, process.env.FACTCHECK_SEED_ARTICLE ?? '../shared/corpus/seed/article.txt');
const GOLD = resolve(repoRoot, process.env.FACTCHECK_SEED_GOLD ?? '../shared/corpus/seed/gold.json');
/** Our own Markdown article for the in-host tests, and the project's example for the README picture. */
const MARKDOWN_FIXTURE = join(__dirname, 'fixtures', 'harbour-ferry.md');
const EXAMPLE = join(repoRoot, 'examples', 'newsroom-sample.md');

function packageJson(): { name: string; publisher: string; scripts: Record<string, string> } {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as ReturnType<typeof packageJson>;
}

/**
 * A copy of the checkout as a fresh clone plus uncommitted work would have it (git's tracked and
 * untracked-but-not-ignored files; node_modules linked), so building and packaging never touch,
 * or race with, the checkout's own dist folders.
 */
function stageCheckout(stage: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0')) {
    const from = join(repoRoot, file);
    if (!file || !existsSync(from) || statSync(from).isDirectory()) continue; // deleted, or a submodule
    mkdirSync(dirname(join(stage, file)), { recursive: true });
    copyFileSync(from, join(stage, file));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'));
}

/** `npm run package` in the staged copy; returns the .vsix it wrote. */
async function buildVsix(stage: string): Promise<string> {
  const pkg = packageJson();
  if (!pkg.scripts.package) throw new Error('package.json has no "package" script (it should produce the .vsix)');
  await run('npm', ['run', 'package'], { cwd: stage, timeoutMs: 180_000 });
  const vsix = readdirSync(stage).find((f) => f.endsWith('.vsix'));
  if (!vsix) throw new Error('npm run package wrote no .vsix');
  return join(stage, vsix);
}

/** The parts of the CLI's `--format json` report we use. */
interface CliReport {
  files: { path: string; findings: ExpectedFinding[]; attributions: ExpectedAttribution[] }[];
  errors: unknown[];
}

/** What the CLI (the same analyser, outside the editor) finds in each file: the editors must agree. */
function cliFindings(dist: string, files: string[]): Map<string, { findings: ExpectedFinding[]; attributions: ExpectedAttribution[] }> {
  const cli = join(dist, 'cli.js');
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--no-progress', ...files], { encoding: 'utf8' });
  // Exit 1 means "found warnings or errors", which these articles have.
  if (r.status !== 0 && r.status !== 1) throw new Error(`factcheck CLI exited with ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as CliReport;
  if (report.errors.length > 0) throw new Error(`factcheck CLI reported errors: ${JSON.stringify(report.errors)}`);
  return new Map(report.files.map((f) => [resolve(f.path), { findings: f.findings, attributions: f.attributions }]));
}

/**
 * `factcheck` under Node 24, which the VS Code server needs: the same report as under the Node
 * running these tests, and nothing on stderr (the CLI sets V8 flags, and V8 prints an error for
 * any flag it does not know).
 */
function cliUnderNode(node: string, dist: string): void {
  const t = Date.now();
  const files = [EXAMPLE, SEED].filter((f) => existsSync(f));
  const check = (bin: string) => spawnSync(bin, [join(dist, 'cli.js'), '--format', 'json', '--no-progress', ...files], { encoding: 'utf8' });
  const here = check(process.execPath);
  const there = check(node);
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const problems: string[] = [];
  if (!/"findings": \[\s*\{/.test(here.stdout)) problems.push(`no findings under ${process.version}: ${here.stderr}`);
  if (there.status !== here.status) problems.push(`exit status ${there.status}, under ${process.version} ${here.status}`);
  if (there.stderr !== '') problems.push(`stderr: ${there.stderr.trim()}`);
  if (there.stdout !== here.stdout) problems.push('a different JSON report');
  const name = `factcheck under Node ${version} (${files.length} articles): the same report as under ${process.version}, nothing on stderr`;
  record({ layer: 'cli', name, ok: problems.length === 0, ms: Date.now() - t, error: problems.join('\n') || undefined });
}

/** A workspace folder with fresh copies of the articles; returns the cases with their expectations. */
function makeWorkspace(dist: string, dir: string, articles: { src: string; file: string; languageId: string }[]): ArticleCase[] {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) {
    copyFileSync(a.src, join(dir, a.file));
    chmodSync(join(dir, a.file), 0o644); // the shared corpus is read-only; the copies get edited
  }
  const found = cliFindings(dist, articles.map((a) => join(dir, a.file)));
  return articles.map((a) => {
    const f = found.get(join(dir, a.file));
    if (!f) throw new Error(`the CLI's report has no entry for ${a.file}`);
    return { file: a.file, languageId: a.languageId, findings: f.findings, attributions: f.attributions };
  });
}

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const runDir = mkdtempSync(join(tmpdir(), 'factcheck-e2e-'));
  let server: VsCodeServer | undefined;
  try {
    let tools: Tools;
    try {
      tools = ensureTools();
    } catch (e) {
      record({ layer: 'setup', name: 'tools installed (test/e2e/setup.sh)', ok: false, ms: Date.now() - t0, error: String(e) });
      return;
    }
    stamp('tools ready');

    // Build in a staged copy of the checkout (`npm run package` builds too): the VSIX, the CLI
    // that computes the expectations and the server Neovim runs are then the same code.
    const editors = layers.has('host') || layers.has('ui');
    let vsix = args.vsix ? resolve(args.vsix) : undefined;
    let dist = join(repoRoot, 'server', 'dist');
    if (!args.vsix) {
      const stage = join(runDir, 'checkout');
      stageCheckout(stage);
      if (editors) vsix = await buildVsix(stage);
      else await run('npm', ['run', 'build'], { cwd: stage, timeoutMs: 180_000 });
      dist = join(stage, 'server', 'dist');
    }
    stamp(vsix ? `vsix ${args.vsix ? 'given' : 'built'}: ${vsix}` : 'built');
    cliUnderNode(tools.node24, dist);

    if (layers.has('nvim')) {
      await runNvimTests({ tools, dist, seed: SEED, workDir: join(runDir, 'nvim'), outDir });
      stamp('neovim done');
    }
    if (!editors || !vsix) return;

    const dirs = serverDirs(runDir);
    const pkg = packageJson();
    const extensionPath = await installVsix(tools, dirs, vsix, `${pkg.publisher}.${pkg.name}`);
    stamp(`installed into ${extensionPath}`);

    const hostWorkspace = join(runDir, 'ws-host');
    const [seed, markdown] = makeWorkspace(dist, hostWorkspace, [
      { src: SEED, file: 'article.txt', languageId: 'plaintext' },
      { src: MARKDOWN_FIXTURE, file: 'harbour-ferry.md', languageId: 'markdown' },
    ]);
    const contextFile = join(runDir, 'host-context.json');
    const context: HostContext = {
      repoRoot,
      workspace: hostWorkspace,
      seed: seed!,
      markdown: markdown!,
      gold: GOLD,
      resultsFile: join(runDir, 'host-results.json'),
      serverNodeFlags: [...SERVER_NODE_FLAGS],
    };
    writeFileSync(contextFile, JSON.stringify(context, null, 1));

    server = await startServer(tools, dirs, { [CONTEXT_ENV]: contextFile });
    stamp(`VS Code server on ${server.origin}`);

    if (layers.has('host')) {
      const testsPath = await compileHostTests(join(runDir, 'host-tests'));
      await runHostTests({
        tools,
        dirs,
        server,
        workspace: hostWorkspace,
        extensionPath,
        testsPath,
        resultsFile: context.resultsFile,
        consoleLog: join(outDir, 'host-console.log'),
        timeoutMs: 180_000,
      });
      stamp('extension-host tests done');
    }
    if (layers.has('ui')) {
      const uiWorkspace = join(runDir, 'ws-ui');
      const [uiSeed] = makeWorkspace(dist, uiWorkspace, [{ src: SEED, file: 'article.txt', languageId: 'plaintext' }]);
      // The README picture gets a folder of its own: only the project's example is in view.
      const readmeWorkspace = join(runDir, 'ws-readme');
      const [example] = existsSync(EXAMPLE)
        ? makeWorkspace(dist, readmeWorkspace, [{ src: EXAMPLE, file: 'newsroom-sample.md', languageId: 'markdown' }])
        : [];
      await runUiTests({
        tools,
        dirs,
        server,
        workspace: uiWorkspace,
        seed: uiSeed!,
        example: example ? { workspace: readmeWorkspace, article: example } : undefined,
        outDir,
        readmeScreenshot: args['update-screenshot'] ? join(repoRoot, 'docs', 'screenshot.png') : undefined,
      });
      stamp('UI tests done');
    }
  } catch (e) {
    record({ layer: 'run', name: 'harness', ok: false, ms: Date.now() - t0, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    await server?.stop();
    await stopAll();
    if (allResults().some((r) => !r.ok)) {
      // Keep what explains a failure: the server's log and the extension host's logs.
      for (const [from, to] of [
        [join(runDir, 'server.log'), 'server.log'],
        [join(runDir, 'user-data', 'logs'), 'vscode-logs'],
      ] as const) {
        if (existsSync(from)) cpSync(from, join(outDir, to), { recursive: true });
      }
    }
    if (args.keep) console.log(`run folder kept: ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  }
}

const watchdogSeconds = Number(process.env.FACTCHECK_E2E_TIMEOUT ?? 600);
const watchdog = setTimeout(() => {
  console.error(`e2e: gave up after ${watchdogSeconds} s; stopping everything`);
  killAllNow();
  record({ layer: 'run', name: `finished within ${watchdogSeconds} s`, ok: false, ms: Date.now() - t0 });
  console.log(summaryLine());
  process.exit(1);
}, watchdogSeconds * 1000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllNow();
    process.exit(130);
  });
}
process.on('exit', killAllNow);

void main().then(() => {
  clearTimeout(watchdog);
  stamp('done');
  console.log(summaryLine());
  process.exit(allResults().length > 0 && allResults().every((r) => r.ok) ? 0 : 1);
});
