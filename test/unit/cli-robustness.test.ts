// The factcheck command on bad input, as a newsroom's CI would feed it: a folder of 10,000
// articles with broken ones among them (binary, not UTF-8, FIFOs, a folder named like an article,
// symbolic link loops of every shape, unreadable files and folders), and a file that changes
// while it is read. Exit status 2 with one stderr line per problem, every other file still
// checked, and complete JSON and SARIF reports.
//
// Unreadable files: the tests run as root, who can read a chmod 000 file. So the CLI is run as the
// unprivileged user `nobody` (spawn's uid/gid) where that is possible; otherwise that case is
// skipped with the reason.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { CLI, ROOT, runCli, tempDir } from './cliHarness';
import type { CliRun, JsonReport } from './cliHarness';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** Runs the CLI as `nobody` when this process is root (so file permissions apply), else as this user. */
function runUnprivileged(args: string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Can `nobody` run the CLI from `dir` at all (node, the bundle and the folder reachable)? */
function nobodyCanRun(dir: string): boolean {
  if (!asRoot) return true;
  return runUnprivileged(['--version'], dir).status === 0;
}

const ARTICLES = [
  'The county spent $4.5 million on the bridge in 2023.\n',
  '“We will rebuild it by spring,” said Ana Lopez, the county engineer.\n',
  'It rained on Tuesday.\n',
  'Turnout fell to 41% after the storm.[^1]\n\n[^1]: Election office, 2024.\n',
];

const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

/** stderr, one problem a line: each line names the tool and the path. */
function problemLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const line of lines) assert.match(line, /^factcheck: \S.*: \S/, line);
  return lines;
}

describe('a folder of 10,000 articles with broken ones among them', () => {
  let dir = '';
  let cleanup = (): void => {};
  const good = 10_000;
  const fifo = spawnSync('mkfifo', ['--help']).status === 0;

  before(() => {
    ({ dir, cleanup } = tempDir('factcheck-many-'));
    const news = join(dir, 'news');
    mkdirSync(news);
    for (let i = 0; i < good; i++) writeFileSync(join(news, `a${String(i).padStart(5, '0')}.md`), ARTICLES[i % ARTICLES.length]!);
    writeFileSync(join(news, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    writeFileSync(join(news, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
    writeFileSync(join(news, 'utf16.txt'), Buffer.from('\ufeffHello', 'utf16le'));
    // A folder named like an article is walked, not read.
    mkdirSync(join(news, 'folder.md'));
    writeFileSync(join(news, 'folder.md', 'inside.md'), ARTICLES[0]!);
    // Links: to itself, to each other, back to an ancestor, across two folders, and dangling.
    symlinkSync('self.md', join(news, 'self.md'));
    symlinkSync('pong.md', join(news, 'ping.md'));
    symlinkSync('ping.md', join(news, 'pong.md'));
    symlinkSync('.', join(news, 'here'));
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    writeFileSync(join(dir, 'x', 'x.md'), ARTICLES[2]!);
    writeFileSync(join(dir, 'y', 'y.md'), ARTICLES[2]!);
    symlinkSync('../y', join(dir, 'x', 'to-y'));
    symlinkSync('../x', join(dir, 'y', 'to-x'));
    symlinkSync('gone.md', join(news, 'dangling.md'));
    if (fifo) spawnSync('mkfifo', [join(news, 'pipe.md')]);
  });
  after(() => cleanup());

  let json: JsonReport;
  let jsonRun: CliRun;

  test('JSON: exit 2, one stderr line per problem, every other file checked, the report complete', () => {
    jsonRun = runCli(['--format', 'json', '--no-progress', 'news', 'x', 'y'], { cwd: dir });
    assert.equal(jsonRun.status, 2, jsonRun.stderr);
    json = JSON.parse(jsonRun.stdout) as JsonReport;
    const read = json.files.filter((f) => f.error === undefined);
    const failed = json.files.filter((f) => f.error !== undefined);
    // 10,000 articles, folder.md/inside.md, x/x.md and y/y.md (each once, though both links lead back).
    assert.equal(read.length, good + 3);
    assert.deepEqual(
      failed.map((f) => [f.path, f.error]),
      [
        ['news/binary.md', 'binary file (NUL byte at offset 4), not an article'],
        ['news/latin1.txt', 'not valid UTF-8: byte 0xE9 at offset 3 (save the file as UTF-8)'],
        ['news/utf16.txt', 'encoded as UTF-16; save it as UTF-8'],
      ],
    );
    // Findings: exactly what each template yields, 2,500 times over.
    const perTemplate = ARTICLES.map((text) => (JSON.parse(runCli(['--format', 'json', '-'], { input: text }).stdout) as JsonReport).files[0]!.findings.length);
    const expectedFindings = perTemplate.reduce((sum, n) => sum + n * (good / ARTICLES.length), 0) + perTemplate[0]! + 2 * perTemplate[2]!;
    assert.equal(json.summary.findings, expectedFindings);
    assert.equal(json.summary.files, json.files.length);
    // The path problems: loops of every shape (x and y link to each other: one loop, and y, reached
    // through x, is not 'a folder with no articles'), the dangling link. The FIFO is skipped
    // without being opened (which would block): it is not a regular file.
    const problems = json.errors.filter((e) => !failed.some((f) => f.path === e.path)).map((e) => e.path).sort();
    assert.deepEqual(problems, ['news/dangling.md', 'news/here', 'news/ping.md', 'news/pong.md', 'news/self.md', 'x/to-y/to-x']);
    const lines = problemLines(jsonRun.stderr);
    assert.equal(lines.length, json.errors.length, jsonRun.stderr);
    assert.match(jsonRun.stderr, /^factcheck: news\/self\.md: symbolic link loop \(too many levels of symbolic links\)$/m);
    assert.match(jsonRun.stderr, /^factcheck: news\/here: symbolic link loop \(links back to a folder that contains it\); not entered$/m);
  });

  test('SARIF: valid against the 2.1.0 schema, every finding a result, every problem a notification', () => {
    const run = runCli(['--format', 'sarif', '--no-progress', 'news', 'x', 'y'], { cwd: dir });
    assert.equal(run.status, 2);
    const log = JSON.parse(run.stdout) as Log;
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3)));
    const sarifRun = log.runs[0]!;
    assert.equal(sarifRun.results?.length, json.summary.findings);
    const notifications = sarifRun.invocations?.[0]?.toolExecutionNotifications ?? [];
    assert.equal(notifications.length, json.errors.length);
    assert.equal(sarifRun.invocations?.[0]?.executionSuccessful, false);
  });

  test('text: the same problems, one line each, and the summary counts them', () => {
    const run = runCli(['--no-progress', 'news', 'x', 'y'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(problemLines(run.stderr).length, jsonRun.stderr.split('\n').filter(Boolean).length);
    assert.match(run.stdout, new RegExp(`in ${good + 3} files; 3 files could not be read; 6 path problems\\n$`));
  });
});

describe('unreadable files and folders', () => {
  let dir = '';
  let cleanup = (): void => {};
  before(() => {
    ({ dir, cleanup } = tempDir('factcheck-locked-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'news'));
    writeFileSync(join(dir, 'news', 'locked.md'), ARTICLES[0]!);
    writeFileSync(join(dir, 'news', 'open.md'), ARTICLES[0]!);
    mkdirSync(join(dir, 'news', 'private'));
    writeFileSync(join(dir, 'news', 'private', 'inside.md'), ARTICLES[0]!);
    chmodSync(join(dir, 'news', 'locked.md'), 0o000);
    chmodSync(join(dir, 'news', 'private'), 0o000);
  });
  after(() => {
    chmodSync(join(dir, 'news', 'private'), 0o755);
    cleanup();
  });

  test('are one line each; the readable ones are checked', (t) => {
    if (!nobodyCanRun(dir)) {
      t.skip('running as root and the unprivileged user cannot run the CLI here');
      return;
    }
    const run = runUnprivileged(['--format', 'json', 'news'], dir);
    assert.equal(run.status, 2, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => [f.path, f.error ?? 'ok']), [
      ['news/locked.md', 'permission denied'],
      ['news/open.md', 'ok'],
    ]);
    assert.ok(report.files[1]!.findings.length > 0);
    assert.deepEqual(problemLines(run.stderr), ['factcheck: news/private: permission denied', 'factcheck: news/locked.md: permission denied']);
  });
});

describe('a file that changes while it is read', () => {
  test('is reported after three attempts; the steady file next to it is checked', async () => {
    const { dir, cleanup } = tempDir('factcheck-changing-');
    // Writers rewrite the first byte of the file in a loop: same size, new modification time.
    // 24 MB, so that each read spans several ticks of the clock the kernel stamps mtimes with
    // (a few ms). The test fails if no writer runs during one whole read of the three, which a
    // machine busy with other work did once: so two writers, each in its own process.
    writeFileSync(join(dir, 'changing.md'), `${ARTICLES[0]!}${' '.repeat(24 * 1024 * 1024)}`);
    writeFileSync(join(dir, 'steady.md'), ARTICLES[0]!);
    const writerScript = `const fs = require('fs'); const fd = fs.openSync(${JSON.stringify(join(dir, 'changing.md'))}, 'r+'); process.stdout.write('ready\\n'); for (let i = 0; ; i++) fs.writeSync(fd, i % 2 ? 'T' : 't', 0);`;
    const writers = [0, 1].map(() => spawn(process.execPath, ['-e', writerScript], { stdio: ['ignore', 'pipe', 'inherit'] }));
    try {
      await Promise.all(writers.map((w) => new Promise<void>((resolve) => w.stdout.once('data', () => resolve()))));
      const run = await new Promise<CliRun>((resolve, reject) => {
        const cli = spawn(process.execPath, [CLI, '--format', 'json', 'changing.md', 'steady.md'], { cwd: dir });
        let stdout = '';
        let stderr = '';
        cli.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        cli.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        cli.on('error', reject);
        cli.on('close', (status) => resolve({ status, stdout, stderr }));
      });
      assert.equal(run.status, 2, run.stderr);
      assert.deepEqual(problemLines(run.stderr), ['factcheck: changing.md: changed while being read (3 attempts); check it again once it is saved']);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.equal(report.files[0]?.error, 'changed while being read (3 attempts); check it again once it is saved');
      assert.ok((report.files[1]?.findings.length ?? 0) > 0);
    } finally {
      for (const w of writers) w.kill();
      cleanup();
    }
  });
});

describe('folders given more than once', () => {
  test('a folder and a folder inside it, or the same folder twice: each article once, and no "no articles" problem', () => {
    const { dir, cleanup } = tempDir('factcheck-twice-');
    try {
      mkdirSync(join(dir, 'news', 'sport'), { recursive: true });
      writeFileSync(join(dir, 'news', 'a.md'), ARTICLES[2]!);
      writeFileSync(join(dir, 'news', 'sport', 'b.md'), ARTICLES[2]!);
      for (const args of [['news', 'news/sport'], ['news', 'news'], ['news/a.md', 'news/sport/b.md', 'news']]) {
        const run = runCli(['--format', 'json', ...args], { cwd: dir });
        assert.equal(run.status, 0, `${args.join(' ')}: ${run.stderr}`);
        assert.equal(run.stderr, '');
        assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path).sort(), ['news/a.md', 'news/sport/b.md']);
      }
    } finally {
      cleanup();
    }
  });
});
