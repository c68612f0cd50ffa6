// The factcheck command's exit statuses and messages, run as a real process over real files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, ROOT, runCli, tempDir } from './cliHarness';
import type { JsonReport } from './cliHarness';
import packageJson from '../../package.json';

/** A short article with no finding at warning level or above (a date-free, figure-free sentence). */
const CALM = 'The library stays open on weekends.\n';
/** A reference with no definition: `note.missing` (error) whatever else the analyser decides. */
const BROKEN_NOTE = 'The library stays open on weekends.[^hours]\n';

interface Case {
  name: string;
  /** Files to create in a fresh folder: name -> content (a Buffer for exact bytes). */
  files?: Record<string, string | Buffer>;
  /** Extra preparation in the folder; returns false when the case cannot run on this system. */
  setup?: (dir: string) => boolean;
  args: string[];
  stdin?: string;
  status: number;
  /** Every pattern must match stderr. */
  stderr?: RegExp[];
  /** stderr must be empty. */
  quiet?: boolean;
  stdout?: RegExp;
}

const cases: Case[] = [
  { name: 'missing file', args: ['nope.md'], status: 2, stderr: [/^factcheck: nope\.md: no such file or folder$/m] },
  {
    name: 'folder with no articles',
    files: { 'drafts/photo.jpg': 'x', 'drafts/notes.pdf': 'y' },
    args: ['drafts'],
    status: 2,
    stderr: [/^factcheck: drafts: no articles \(\.md, \.markdown, \.txt, \.article files\) in this folder$/m],
  },
  {
    name: 'folder whose only articles are in node_modules and dot-folders',
    files: { 'site/node_modules/pkg/readme.md': CALM, 'site/.cache/a.md': CALM },
    args: ['site'],
    status: 2,
    stderr: [/^factcheck: site: no articles/m],
  },
  {
    name: 'binary file',
    files: { 'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) },
    args: ['photo.md'],
    status: 2,
    stderr: [/^factcheck: photo\.md: binary file \(NUL byte at offset 8\), not an article$/m],
  },
  {
    name: 'invalid UTF-8 (Latin-1 é)',
    files: { 'latin1.txt': Buffer.from('caf\xe9 au lait\n', 'latin1') },
    args: ['latin1.txt'],
    status: 2,
    stderr: [/^factcheck: latin1\.txt: not valid UTF-8: byte 0xE9 at offset 3 \(save the file as UTF-8\)$/m],
  },
  {
    name: 'invalid UTF-8 (truncated sequence at the end)',
    files: { 'cut.txt': Buffer.concat([Buffer.from('caf'), Buffer.from([0xc3])]) },
    args: ['cut.txt'],
    status: 2,
    stderr: [/cut\.txt: not valid UTF-8: byte 0xC3 at offset 3/],
  },
  {
    name: 'UTF-16 file',
    files: { 'wide.txt': Buffer.from('\ufeffhello', 'utf16le') },
    args: ['wide.txt'],
    status: 2,
    stderr: [/^factcheck: wide\.txt: encoded as UTF-16; save it as UTF-8$/m],
  },
  { name: 'empty file', files: { 'empty.md': '' }, args: ['empty.md'], status: 0, stderr: [/^factcheck: empty\.md: note: empty file, nothing to check$/m], stdout: /^No findings in 1 file$/m },
  { name: 'whitespace-only file', files: { 'blank.txt': ' \r\n\n' }, args: ['blank.txt'], status: 0, stderr: [/blank\.txt: note: empty file/] },
  { name: 'a calm article', files: { 'calm.txt': CALM }, args: ['calm.txt'], status: 0, quiet: true, stdout: /^No findings in 1 file\n$/ },
  {
    name: 'an error-level finding',
    files: { 'broken.md': BROKEN_NOTE },
    args: ['broken.md'],
    status: 1,
    quiet: true,
    stdout: /^broken\.md:1:36 error note\.missing .*\[\^hours\].*\n1 finding \(1 error\) in 1 file\n$/,
  },
  { name: 'a rule turned off', files: { 'broken.md': BROKEN_NOTE }, args: ['--rule', 'note.missing=off', 'broken.md'], status: 0, quiet: true },
  { name: 'a rule turned down to hint', files: { 'broken.md': BROKEN_NOTE }, args: ['-r', 'note.missing=hint', 'broken.md'], status: 0, stdout: /broken\.md:1:36 hint note\.missing/ },
  {
    name: 'bad --rule id',
    files: { 'calm.txt': CALM },
    args: ['--rule', 'claim.unsoruced=off', 'calm.txt'],
    status: 2,
    stderr: [/^factcheck: unknown rule "claim\.unsoruced" in --rule claim\.unsoruced=off \(rules: claim\.unsourced, /m, /^Run 'factcheck --help' for usage\.$/m],
  },
  {
    name: 'bad --rule severity',
    files: { 'calm.txt': CALM },
    args: ['--rule', 'claim.unsourced=loud', 'calm.txt'],
    status: 2,
    stderr: [/^factcheck: unknown severity "loud" in --rule claim\.unsourced=loud \(use error, warning, information, hint, off\)$/m],
  },
  { name: '--rule without =', files: { 'calm.txt': CALM }, args: ['--rule', 'claim.unsourced', 'calm.txt'], status: 2, stderr: [/--rule wants ID=SEVERITY/] },
  { name: 'unknown option', args: ['--colour', 'x.md'], status: 2, stderr: [/^factcheck: unknown option --colour$/m] },
  { name: 'unknown format', args: ['--format', 'xml', 'x.md'], status: 2, stderr: [/^factcheck: unknown format "xml" \(use text, json, sarif\)$/m] },
  { name: 'option without its value', args: ['x.md', '--format'], status: 2, stderr: [/^factcheck: --format wants a value$/m] },
  { name: 'bad --jobs', args: ['--jobs', '0', 'x.md'], status: 2, stderr: [/--jobs wants a whole number of at least 1, not "0"/] },
  { name: 'no PATH', args: [], status: 2, stderr: [/^factcheck: no PATH given \(a file, a folder, or - for standard input\)$/m] },
  { name: 'stdin twice', args: ['-', '-'], status: 2, stderr: [/standard input \(-\) can be read only once/] },
  { name: 'stdin', args: ['-'], stdin: BROKEN_NOTE, status: 1, quiet: true, stdout: /^<stdin>:1:36 error note\.missing / },
  { name: 'stdin with a name', args: ['--stdin-filename', 'story.md', '-'], stdin: BROKEN_NOTE, status: 1, stdout: /^story\.md:1:36 error note\.missing / },
  { name: 'empty stdin', args: ['-'], stdin: '', status: 0, stderr: [/^factcheck: <stdin>: note: empty file/m] },
  {
    name: 'a bad file does not stop the good ones',
    files: { 'a.md': BROKEN_NOTE, 'b.txt': Buffer.from([0xff, 0x41]), 'c.txt': BROKEN_NOTE },
    args: ['a.md', 'b.txt', 'missing.txt', 'c.txt'],
    status: 2,
    stderr: [/^factcheck: missing\.txt: no such file or folder$/m, /^factcheck: b\.txt: not valid UTF-8: byte 0xFF at offset 0/m],
    stdout: /^a\.md:1:36 error note\.missing .*\nc\.txt:1:36 error note\.missing .*\n2 findings \(2 errors\) in 2 files; 1 file could not be read; 1 path problem\n$/,
  },
  {
    name: 'a FIFO is not an article (and is not opened, which would block)',
    setup: (dir) => spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status === 0,
    args: ['pipe.txt'],
    status: 2,
    stderr: [/^factcheck: pipe\.txt: not a regular file or folder$/m],
  },
  {
    name: 'unreadable file (skipped as root, who can read anything)',
    files: { 'locked.md': CALM, 'open.md': CALM },
    setup: (dir) => {
      chmodSync(join(dir, 'locked.md'), 0o000);
      return process.getuid?.() !== 0;
    },
    args: ['locked.md', 'open.md'],
    status: 2,
    stderr: [/^factcheck: locked\.md: permission denied$/m],
    stdout: /^No findings in 1 file; 1 file could not be read\n$/,
  },
  { name: '--output over a checked file', files: { 'a.md': CALM }, args: ['--output', 'a.md', 'a.md'], status: 2, stderr: [/--output a\.md is one of the checked files; it is never overwritten/] },
];

describe('factcheck exit statuses and messages', () => {
  for (const c of cases) {
    test(c.name, (t) => {
      const { dir, cleanup } = tempDir();
      try {
        for (const [name, content] of Object.entries(c.files ?? {})) {
          mkdirSync(join(dir, name, '..'), { recursive: true });
          writeFileSync(join(dir, name), content);
        }
        if (c.setup && !c.setup(dir)) {
          t.skip('cannot be set up on this system');
          return;
        }
        const run = runCli(c.args, { cwd: dir, ...(c.stdin !== undefined ? { input: c.stdin } : {}) });
        const where = `\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
        assert.equal(run.status, c.status, `exit status${where}`);
        for (const re of c.stderr ?? []) assert.match(run.stderr, re, where);
        if (c.quiet) assert.equal(run.stderr, '', where);
        if (c.stdout) assert.match(run.stdout, c.stdout, where);
        // One line per problem: every stderr line names the tool.
        for (const line of run.stderr.split('\n').filter(Boolean)) assert.match(line, /^(factcheck: |Run 'factcheck --help')/, where);
      } finally {
        cleanup();
      }
    });
  }
});

describe('factcheck --help and --version', () => {
  test('--help prints usage, options and exit statuses to stdout', () => {
    const run = runCli(['--help']);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^Usage: factcheck \[options\] PATH\.\.\./);
    for (const option of ['--format', '--rule', '--output', '--jobs', '--stdin-filename', '--no-progress', '--version']) assert.ok(run.stdout.includes(option), option);
    assert.match(run.stdout, /2 {2}usage or read errors/);
  });
  test('-h is --help, and wins over paths', () => assert.equal(runCli(['-h', 'missing.md']).status, 0));
  test('the bin (package.json "bin") is an executable script with a node shebang, for npx', () => {
    assert.equal(join(ROOT, packageJson.bin.factcheck), CLI);
    assert.ok((statSync(CLI).mode & 0o111) !== 0, 'server/dist/cli.js is not executable');
    assert.match(readFileSync(CLI, 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node\n/);
  });
  test('--version prints the package version', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${packageJson.version}\n`);
  });
});

describe('factcheck over folders', () => {
  let dir = '';
  let cleanup = (): void => {};
  before(() => {
    ({ dir, cleanup } = tempDir());
    const files: Record<string, string> = {
      'news/b.md': BROKEN_NOTE,
      'news/a.txt': CALM,
      'news/c.markdown': CALM,
      'news/d.article': CALM,
      'news/e.MD': CALM,
      'news/photo.jpg': 'not an article',
      'news/notes.html': '<p>not searched</p>',
      'news/.drafts/secret.md': BROKEN_NOTE,
      'news/.hidden.md': BROKEN_NOTE,
      'news/node_modules/x/readme.md': BROKEN_NOTE,
      'news/sport/z.md': CALM,
    };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    symlinkSync('..', join(dir, 'news/sport/back-up'));
    symlinkSync('../a.txt', join(dir, 'news/sport/same-as-a.txt'));
    symlinkSync('nowhere.md', join(dir, 'news/sport/dangling.md'));
  });
  after(() => cleanup());

  test('walks sorted, skips dot-entries, node_modules and other extensions, reports loops and dangling links', () => {
    const run = runCli(['--format', 'json', 'news'], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['news/a.txt', 'news/b.md', 'news/c.markdown', 'news/d.article', 'news/e.MD', 'news/sport/z.md'],
    );
    assert.deepEqual(
      report.files.map((f) => f.format),
      ['plaintext', 'markdown', 'markdown', 'plaintext', 'markdown', 'markdown'],
    );
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^factcheck: news\/sport\/back-up: symbolic link loop \(links back to a folder that contains it\); not entered$/m);
    assert.match(run.stderr, /^factcheck: news\/sport\/dangling\.md: broken symbolic link \(its target does not exist\)$/m);
    assert.equal(run.stderr.trim().split('\n').length, 2, run.stderr);
    assert.deepEqual(report.errors.map((e) => e.path).sort(), ['news/sport/back-up', 'news/sport/dangling.md']);
  });

  test('a file named on the command line is checked whatever its extension', () => {
    const run = runCli(['--format', 'json', 'news/notes.html'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as JsonReport).files[0]?.format, 'plaintext');
  });

  test('the same file given twice is checked once', () => {
    const run = runCli(['--format', 'json', 'news/a.txt', 'news/./a.txt', 'news/sport/same-as-a.txt'], { cwd: dir });
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path), ['news/a.txt']);
  });

  test('--output writes the report to a file and nothing to stdout', () => {
    const run = runCli(['--format', 'json', '--output', 'report.json', 'news/b.md'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonReport;
    assert.equal(report.files[0]?.findings[0]?.rule, 'note.missing');
  });
});

describe('progress bar', () => {
  // `script` gives the CLI a real terminal; CI is unset because the bar stays off under CI.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  const inTerminal = (args: string, cwd: string): string => {
    const env = { ...process.env };
    delete env.CI;
    const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args} > /dev/null`, '/dev/null'], { cwd, env, encoding: 'utf8' });
    return r.stdout;
  };

  test('drawn on a terminal for 10 files or more, then cleared; not with --no-progress or for a few files', { skip: !hasScript && 'no script(1)' }, () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'many'));
      for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'many', `a${String(i).padStart(2, '0')}.txt`), CALM);
      const shown = inTerminal('many', dir);
      assert.match(shown, /factcheck \[#+\] 12\/12 files/);
      assert.ok(shown.endsWith('\r\x1b[K'), JSON.stringify(shown.slice(-40)));
      assert.doesNotMatch(inTerminal('--no-progress many', dir), /factcheck \[/);
      assert.doesNotMatch(inTerminal('many/a00.txt many/a01.txt', dir), /factcheck \[/);
    } finally {
      cleanup();
    }
  });
});
