// Security: the product never uses the network or starts programs. The language server (over
// stdio and over node IPC, as VS Code starts it) and the CLI (with its worker threads) run with
// test/fixtures/no-network.mjs preloaded, which records and refuses every socket connection, DNS
// lookup, HTTP request, fetch and child process; the only channel is the LSP pipe. Then the
// sources and the bundles are searched for eval, new Function, child processes, the network and
// dynamic require. And the manifest's claims (untrusted workspaces) are checked against what the
// settings can do.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { runCli, tempDir } from '../unit/cliHarness';
import { REPO, TestClient } from './lspClient';

const PRELOAD = join(REPO, 'test', 'fixtures', 'no-network.mjs');

/** The preload's records: one `loaded` per process and thread, then any attempt it refused. */
function records(file: string): { pid: number; thread: number; what: string }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { pid: number; thread: number; what: string });
}

/** The article the server and the CLI check: links, images, autolinks and a footnote URL, none of which may be fetched. */
const ARTICLE = [
  '# Council vote',
  '',
  'The county spent $4.5 million on the bridge in 2023, according to [the audit](https://example.com/audit.pdf).',
  '',
  '“We will rebuild it by spring,” said Ana Lopez. ![photo](https://example.com/p.jpg) <https://example.org>',
  '',
  'Analysts claim the repairs cost three times the estimate.[^1]',
  '',
  '[^1]: County report, https://example.com/report (link: TODO)',
  '',
].join('\n');

describe('no network and no subprocesses at run time', () => {
  let dir = '';
  let cleanup = (): void => {};
  let log = '';
  before(() => {
    ({ dir, cleanup } = tempDir('factcheck-net-'));
    log = join(dir, 'net.log');
  });
  after(() => cleanup());
  const env = (name: string) => ({ NODE_OPTIONS: `--import ${PRELOAD}`, FACTCHECK_NET_LOG: `${log}.${name}` });

  it('the trap works: a connection, a lookup, a fetch and a child process are each recorded and refused', () => {
    const probe = `
      const tries = [
        () => require('node:net').connect(80, '127.0.0.1'),
        () => require('node:dns').lookup('example.com', () => {}),
        () => require('node:https').get('https://example.com'),
        () => fetch('https://example.com'),
        () => require('node:child_process').spawnSync('true'),
      ];
      let refused = 0;
      for (const t of tries) { try { t(); } catch { refused++; } }
      process.stdout.write(String(refused));`;
    const r = spawnSync(process.execPath, ['-e', probe], { env: { ...process.env, ...env('probe') }, encoding: 'utf8' });
    assert.equal(r.stdout, '5', r.stderr);
    const what = records(`${log}.probe`).map((x) => x.what.split(' ')[0]);
    assert.deepEqual(what, ['loaded', 'net.connect', 'dns.lookup', 'https.get', 'fetch', 'child_process.spawnSync']);
  });

  for (const transport of ['stdio', 'ipc'] as const) {
    it(`the language server over ${transport}: diagnostics, quick fixes, hover, outline, edits; nothing but the LSP pipe`, async () => {
      // Plain node, as an editor starts it (not this test's loaders, which talk to their own pipe).
      const client = await TestClient.start({ pull: true, transport, env: env(transport), execArgv: [] });
      const uri = 'file:///tmp/net/article.md';
      await client.open(uri, ARTICLE, 'markdown');
      const diagnostics = await client.pull(uri);
      assert.ok(diagnostics.length >= 3);
      const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
      const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix', 'source'] } });
      assert.ok((actions ?? []).length > 0);
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 3 } });
      await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'See https://example.net for more.\n' }]);
      await client.pull(uri);
      await client.stop();
      const seen = records(`${log}.${transport}`);
      assert.ok(seen.some((r) => r.what === 'loaded'), 'the trap was loaded into the server');
      assert.deepEqual(seen.filter((r) => r.what !== 'loaded'), []);
    });
  }

  it('the CLI over a folder, with worker threads, in every format', () => {
    const news = join(dir, 'news');
    mkdirSync(news);
    for (let i = 0; i < 24; i++) writeFileSync(join(news, `a${i}.md`), ARTICLE.replace('$4.5', `$${i}.5`));
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['--format', format, '--jobs', '2', '--no-progress', 'news'], { cwd: dir, env: env(`cli-${format}`) });
      assert.equal(run.status, 1, run.stderr);
      const seen = records(`${log}.cli-${format}`);
      assert.ok(seen.filter((r) => r.what === 'loaded').length >= 2, `the trap was loaded into the CLI and its workers: ${JSON.stringify(seen)}`);
      assert.deepEqual(seen.filter((r) => r.what !== 'loaded'), [], format);
    }
  });
});

/** Every file under `dir` whose name ends in one of `extensions`. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, extensions));
    else if (extensions.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

/** What must not appear in code we write, and (outside the modules listed below) in what we ship. */
const RISKY: readonly [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['child_process', /['"](?:node:)?child_process['"]/],
  ['network module', /['"](?:node:)?(?:net|tls|http|https|http2|dgram|dns)['"]/],
  ['fetch', /\bfetch\s*\(/],
  ['dynamic require', /\brequire(?:\.resolve)?\s*\(\s*(?!['"`][^'"`$]*['"`]\s*\))/],
  ['dynamic import', /\bimport\s*\(\s*(?!['"`][^'"`$]*['"`]\s*\))/],
];

describe('no eval, no child processes, no network, no dynamic require', () => {
  it('in our sources (client, server, analyser, CLI)', () => {
    const hits: string[] = [];
    for (const file of [...filesUnder(join(REPO, 'client', 'src'), ['.ts']), ...filesUnder(join(REPO, 'server', 'src'), ['.ts'])]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return;
        for (const [what, re] of RISKY) if (re.test(line)) hits.push(`${relative(REPO, file)}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    assert.deepEqual(hits, []);
  });

  /**
   * Third-party modules in the bundles that do have such code, and why it never runs:
   * - vscode-languageserver/lib/node/files.js: `Files.resolveGlobalNodePath` and friends run npm or
   *   yarn and require.resolve a module name in a forked node, for servers that load a linter from
   *   the workspace. Our server never calls `Files` (the source check above would see it).
   * - vscode-languageclient/lib/node/main.js: starts the language server (fork over node IPC; the
   *   other transports spawn a command from the client's own options, never from the workspace).
   * - vscode-languageclient/lib/node/processes.js: stops a server process tree on shutdown
   *   (taskkill on Windows, a shell `kill` of the process group elsewhere).
   * - vscode-jsonrpc/lib/node/main.js: the LSP pipe itself as a named pipe or a socket, for an
   *   editor that starts the server with --pipe or --socket (VS Code uses node IPC, the others
   *   stdio); the address comes from that command line.
   */
  const ALLOWED: Record<string, readonly string[]> = {
    'client/dist/extension.js': ['node_modules/vscode-jsonrpc/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
    'server/dist/server.js': ['node_modules/vscode-jsonrpc/lib/node/main.js', 'node_modules/vscode-languageserver/lib/node/files.js'],
    'server/dist/cli.js': [],
    'server/dist/cliWorker.js': [],
  };

  /**
   * compromise's model module reads its lexicon, built at build time, from one JSON literal
   * (scripts/compromise-lexicon.mjs). Its words ("net", "dns") are data, not code: a JSON.parse
   * of a constant template with no substitution cannot run anything, so that line is not scanned.
   */
  const PREBUILT_MODULE = 'node_modules/compromise/src/2-two/preTagger/model/index.js';
  const isConstantJson = (line: string): boolean => /^\s*(?:var \{|\(\{) [\w$:, ]+ \} = JSON\.parse\(`[^`]*`\)\)?;$/.test(line) && !line.includes('${');

  for (const [bundle, allowed] of Object.entries(ALLOWED)) {
    it(`in the shipped bundle ${bundle}, only in the third-party modules known to need it`, () => {
      // The development build marks each module with a `// node_modules/...` comment; the
      // production build (npm run package) bundles the same modules, minified.
      const lines = readFileSync(join(REPO, bundle), 'utf8').split('\n');
      let module = '(bundle prologue)';
      const found = new Map<string, Set<string>>();
      for (const line of lines) {
        const marker = /^\s*\/\/ ((?:node_modules|server\/src|client\/src)\/\S+)$/.exec(line);
        if (marker) {
          module = marker[1]!;
          continue;
        }
        if (/^\s*\/\//.test(line)) continue;
        if (module === PREBUILT_MODULE && isConstantJson(line)) continue;
        for (const [what, re] of RISKY) {
          if (!re.test(line)) continue;
          const set = found.get(module) ?? new Set<string>();
          set.add(what);
          found.set(module, set);
        }
      }
      assert.deepEqual([...found.keys()].sort(), [...allowed].sort(), JSON.stringify([...found].map(([m, w]) => [m, [...w]])));
    });
  }
});

describe('the manifest tells the truth', () => {
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    capabilities: { untrustedWorkspaces: { supported: boolean } };
    contributes: { configuration: { properties: Record<string, { type: string; items?: { type: string }; markdownDescription?: string }> } };
  };

  it('supports untrusted workspaces: no setting names a program, a path or a pattern to run', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    for (const [key, p] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.ok(!/path|command|executable|program|script|regex|pattern|url/i.test(key), key);
      if (key === 'factcheck.extraReportingVerbs' || key === 'factcheck.extraVaguePhrases') assert.match(p.markdownDescription ?? '', /Not regular expressions/);
    }
  });
});
