// The factcheck command's three report formats: text positions, the JSON contract of
// shared/eval/README.md, SARIF 2.1.0 against the official schema; and that it never writes to
// the files it checks.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Artifact, Log } from 'sarif';
import { RULES } from '../../server/src/analysis/ruleInfo';
import { ROOT, SHARED, runCli, tempDir } from './cliHarness';
import type { JsonReport } from './cliHarness';

const EXAMPLE = 'examples/newsroom-sample.md';
const WIRE = 'examples/wire-brief.txt';
const SEED = relative(ROOT, join(SHARED, 'corpus', 'seed', 'article.txt'));

/** 1-based line and UTF-16 column of `offset`, counted independently of the CLI: \r\n, \n and \r end lines. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\n|\r/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - (lastBreak + 1) + 1 };
}

describe('text format', () => {
  const { dir, cleanup } = tempDir();
  after(() => cleanup());
  // CRLF line ends, emoji (two UTF-16 units each) and a curly-quoted line before the findings.
  const text = [
    'Council notes 😀 for the week.',
    '“We are ready,” the clerk wrote 🙂🙂 in a memo.',
    'The hall opens at noon 👍 again.[^hall] And again.[^door]',
    '',
  ].join('\r\n');

  test('path:line:col severity rule message, with columns in UTF-16 units after CRLF and emoji', () => {
    writeFileSync(join(dir, 'crlf.txt'), text);
    const run = runCli(['crlf.txt'], { cwd: dir });
    const json = JSON.parse(runCli(['--format', 'json', 'crlf.txt'], { cwd: dir }).stdout) as JsonReport;
    const missing = json.files[0]?.findings.filter((f) => f.rule === 'note.missing') ?? [];
    assert.deepEqual(missing.map((f) => text.slice(f.start, f.end)), ['[^hall]', '[^door]']);
    const hall = text.indexOf('[^hall]');
    assert.deepEqual(lineCol(text, hall), { line: 3, column: 33 }); // 30 characters and the emoji's two units before it
    for (const f of json.files[0]?.findings ?? []) {
      assert.deepEqual({ line: f.line, column: f.column }, lineCol(text, f.start), `start of ${f.rule}`);
      assert.deepEqual({ line: f.endLine, column: f.endColumn }, lineCol(text, f.end), `end of ${f.rule}`);
      assert.ok(run.stdout.includes(`crlf.txt:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`), `text line for ${f.rule}:\n${run.stdout}`);
    }
    assert.match(run.stdout, /^crlf\.txt:3:33 error note\.missing /m);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, (json.files[0]?.findings.length ?? 0) + 1);
    assert.match(lines.at(-1) ?? '', /^\d+ findings? \(.*\) in 1 file$/);
  });

  test('a lone \\r ends a line too (as in LSP)', () => {
    writeFileSync(join(dir, 'cr.txt'), 'First line.\rSecond line.[^x]\r');
    assert.match(runCli(['cr.txt'], { cwd: dir }).stdout, /^cr\.txt:2:13 error note\.missing /m);
  });
});

describe('JSON format: the contract in shared/eval/README.md', () => {
  const span = { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } } };
  const contract = {
    type: 'object',
    required: ['files'],
    properties: {
      files: {
        type: 'array',
        items: {
          type: 'object',
          required: ['path', 'attributions', 'findings'],
          properties: {
            path: { type: 'string', minLength: 1 },
            attributions: {
              type: 'array',
              items: {
                type: 'object',
                required: ['kind', 'quote', 'speaker', 'cue', 'name'],
                properties: {
                  kind: { enum: ['direct', 'indirect', 'mixed'] },
                  quote: span,
                  speaker: { anyOf: [span, { type: 'null' }] },
                  cue: { anyOf: [span, { type: 'null' }] },
                  name: { type: ['string', 'null'] },
                },
              },
            },
            findings: {
              type: 'array',
              items: {
                type: 'object',
                required: ['rule', 'severity', 'start', 'end', 'message'],
                properties: {
                  rule: { enum: RULES.map((r) => r.id) },
                  severity: { enum: ['error', 'warning', 'information', 'hint'] },
                  start: { type: 'integer', minimum: 0 },
                  end: { type: 'integer', minimum: 0 },
                  message: { type: 'string', minLength: 1 },
                },
              },
            },
          },
        },
      },
    },
  };
  const validate = new Ajv({ allErrors: true }).compile(contract);

  for (const path of [EXAMPLE, WIRE, SEED]) {
    test(`${path}: valid, offsets inside the text, spans ordered`, () => {
      const run = runCli(['--format', 'json', path]);
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
      assert.equal(report.files.length, 1);
      const file = report.files[0];
      assert.ok(file);
      assert.equal(file.path, path);
      const text = readFileSync(resolve(ROOT, path), 'utf8');
      const spans = [
        ...file.findings,
        ...file.attributions.flatMap((a) => [a.quote, a.speaker, a.cue].filter((s) => s !== null)),
      ];
      for (const s of spans) assert.ok(s.start <= s.end && s.end <= text.length, JSON.stringify(s));
      const starts = file.findings.map((f) => f.start);
      assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'findings sorted by start');
      assert.equal(report.summary.findings, file.findings.length);
    });
  }

  test('the example article shows every rule', () => {
    const report = JSON.parse(runCli(['--format', 'json', EXAMPLE]).stdout) as JsonReport;
    const fired = new Set(report.files[0]?.findings.map((f) => f.rule));
    assert.deepEqual([...fired].sort(), RULES.map((r) => r.id).sort());
    const kinds = new Set(report.files[0]?.attributions.map((a) => a.kind));
    assert.ok(kinds.has('direct') && kinds.has('indirect'), [...kinds].join());
  });

  test('files that fail are listed with their error, the others complete', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'good.md'), readFileSync(join(ROOT, EXAMPLE)));
      writeFileSync(join(dir, 'bad.md'), Buffer.from([0x41, 0x00]));
      const run = runCli(['--format', 'json', 'good.md', 'bad.md', 'gone.md'], { cwd: dir });
      assert.equal(run.status, 2);
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.ok(validate(report), JSON.stringify(validate.errors));
      assert.deepEqual(report.files.map((f) => [f.path, f.error ?? null]), [
        ['good.md', null],
        ['bad.md', 'binary file (NUL byte at offset 1), not an article'],
      ]);
      assert.ok((report.files[0]?.findings.length ?? 0) > 0);
      assert.deepEqual(report.errors, [
        { path: 'gone.md', message: 'no such file or folder' },
        { path: 'bad.md', message: 'binary file (NUL byte at offset 1), not an article' },
      ]);
      assert.equal(report.summary.exitCode, 2);
    } finally {
      cleanup();
    }
  });
});

describe('SARIF format', () => {
  // The official SARIF 2.1.0 schema, as shipped in the npm package @microsoft/sarif-multitool-linux
  // (see test/fixtures/sarif/README.md). It declares JSON Schema 2020-12.
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const sarif = (args: string[], cwd = ROOT): { log: Log; status: number | null } => {
    const run = runCli(['--format', 'sarif', ...args], { cwd });
    return { log: JSON.parse(run.stdout) as Log, status: run.status };
  };

  test('the schema rejects what it should (it is really applied)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'loud' }] }] }), false);
  });

  test('valid for the examples, with rules, levels, regions and relative artifact URIs', () => {
    const { log, status } = sarif(['--rule', 'quote.attributed=off', EXAMPLE, WIRE]);
    assert.equal(status, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const rules = run.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
    for (const r of rules) {
      assert.ok(r.shortDescription?.text && r.fullDescription?.text && r.help?.text, r.id);
      if (r.helpUri) assert.ok(r.helpUri.endsWith(`#${r.id.replace(/\./g, '')}`), r.helpUri);
    }
    assert.deepEqual(run.artifacts?.map((a) => a.location?.uri), [EXAMPLE, WIRE]);
    assert.ok(run.artifacts?.every((a) => a.location?.uriBaseId === '%SRCROOT%'));
    const json = JSON.parse(runCli(['--format', 'json', '--rule', 'quote.attributed=off', EXAMPLE, WIRE]).stdout) as JsonReport;
    const results = run.results ?? [];
    assert.equal(results.length, json.files.reduce((n, f) => n + f.findings.length, 0));
    assert.ok(!results.some((r) => r.ruleId === 'quote.attributed'), 'a rule turned off reports nothing');
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    for (const r of results) {
      assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId);
      const location = r.locations?.[0]?.physicalLocation;
      const artifact: Artifact | undefined = run.artifacts?.[location?.artifactLocation?.index ?? -1];
      assert.equal(artifact?.location?.uri, location?.artifactLocation?.uri);
      const text: string = readFileSync(join(ROOT, artifact?.location?.uri ?? ''), 'utf8');
      const region = location?.region;
      assert.ok(region && region.charOffset !== undefined && region.charLength !== undefined);
      assert.deepEqual({ line: region.startLine, column: region.startColumn }, lineCol(text, region.charOffset));
      assert.deepEqual({ line: region.endLine, column: region.endColumn }, lineCol(text, region.charOffset + region.charLength));
      const finding = json.files.flatMap((f) => f.findings).find((f) => f.start === region.charOffset && f.rule === r.ruleId);
      assert.ok(finding, `${r.ruleId} at ${region.charOffset}`);
      assert.equal(r.level, level[finding.severity as keyof typeof level]);
      assert.ok(r.partialFingerprints?.['factcheck/spanHash/v1']);
    }
    assert.deepEqual(run.invocations?.[0]?.ruleConfigurationOverrides, [
      { descriptor: { id: 'quote.attributed', index: RULES.findIndex((r) => r.id === 'quote.attributed') }, configuration: { enabled: false } },
    ]);
    assert.equal(run.invocations?.[0]?.executionSuccessful, true);
  });

  test('valid and complete when files fail: notifications carry the errors', () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'news'));
      writeFileSync(join(dir, 'news', 'good story.md'), readFileSync(join(ROOT, EXAMPLE)));
      writeFileSync(join(dir, 'news', 'bad.txt'), Buffer.from([0xc0, 0x80]));
      writeFileSync(join(dir, 'empty.md'), '');
      const { log, status } = sarif(['news', 'empty.md', 'missing.md'], dir);
      assert.equal(status, 2);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      const run = log.runs[0];
      assert.deepEqual(run?.artifacts?.map((a) => a.location?.uri), ['news/bad.txt', 'news/good%20story.md', 'empty.md']);
      assert.ok((run?.results?.length ?? 0) > 0);
      assert.ok(run?.results?.every((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.index === 1));
      const invocation = run?.invocations?.[0];
      assert.equal(invocation?.executionSuccessful, false);
      assert.equal(invocation?.exitCode, 2);
      assert.deepEqual(
        invocation?.toolExecutionNotifications?.map((n) => [n.level, n.message.text]),
        [
          ['error', 'missing.md: no such file or folder'],
          ['error', 'news/bad.txt: not valid UTF-8: byte 0xC0 at offset 0 (save the file as UTF-8)'],
          ['note', 'empty.md: empty file, nothing to check'],
        ],
      );
    } finally {
      cleanup();
    }
  });

  test('a file outside the working folder gets an absolute file URI', () => {
    const { log } = sarif([join(ROOT, WIRE)], join(ROOT, 'examples', '..', 'server'));
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(log.runs[0]?.artifacts?.[0]?.location?.uri, `file://${join(ROOT, WIRE)}`);
    assert.equal(log.runs[0]?.artifacts?.[0]?.location?.uriBaseId, undefined);
  });
});

describe('never writes to the files it checks', () => {
  let dir = '';
  let cleanup = (): void => {};
  before(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(join(dir, 'news'));
    for (const name of ['a.md', 'b.md', 'c.txt', 'd.md', 'e.md', 'f.txt', 'g.md', 'h.md', 'i.md', 'j.txt']) {
      writeFileSync(join(dir, 'news', name), readFileSync(join(ROOT, name.endsWith('.txt') ? WIRE : EXAMPLE)));
    }
  });
  after(() => cleanup());

  test('content and modification time unchanged after every format, in workers and on one thread', () => {
    const snapshot = (): string[] =>
      readdirSync(join(dir, 'news')).sort().map((n) => {
        const p = join(dir, 'news', n);
        return `${n} ${statSync(p).mtimeMs} ${statSync(p).size} ${readFileSync(p, 'base64')}`;
      });
    const before = snapshot();
    for (const args of [['news'], ['-f', 'json', 'news'], ['-f', 'sarif', 'news'], ['-j', '1', 'news'], ['-j', '2', '-f', 'json', 'news']]) {
      const run = runCli(args, { cwd: dir });
      assert.equal(run.status, 1, run.stderr);
    }
    assert.deepEqual(snapshot(), before);
    assert.deepEqual(readdirSync(dir).sort(), ['news'], 'no stray files');
  });

  test('worker threads and one thread give the same report, in input order', () => {
    const one = runCli(['-f', 'json', '-j', '1', 'news'], { cwd: dir });
    const two = runCli(['-f', 'json', '-j', '2', 'news'], { cwd: dir });
    assert.equal(two.stdout, one.stdout);
    assert.deepEqual((JSON.parse(two.stdout) as JsonReport).files.map((f) => f.path), readdirSync(join(dir, 'news')).sort().map((n) => `news/${n}`));
  });
});
