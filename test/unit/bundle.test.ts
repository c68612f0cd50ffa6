// What the build does to the bundles beyond bundling (esbuild.mjs). Reads the built files:
// `npm test` builds first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import nlp from 'compromise/two';
import { compromisePatches } from '../../scripts/compromise-patches.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const bundle = (name: string): string => readFileSync(join(ROOT, 'server/dist', name), 'utf8');
const ENV_READ = "!process.env ? self.env || {} : process.env";
const MERGE_LITERAL = 'Object.assign(model5, { [key]:';
/**
 * Text the tokenizer and tagger patches put into compromise: killUnicode's and clean()'s early
 * returns, the plain-word paths of the punctuation split and the machine form, the excluded-tag
 * set, the contractions map, words made with all their properties and unfrozen in place, and
 * the few regular expressions tried on a plain word, and the acronym and dash tests that need a
 * capital, a full stop or a dash.
 */
const SPEED_PATCHES = [
  'let mapped = false',
  'if (/^[a-z0-9]+$/.test(str)) return str',
  '/^[a-zA-Z0-9]+ *$/.test(str)',
  "if (!/['\u2019#@-]/.test(str))",
  'excludedSet(known.not)',
  'entriesByWord(',
  'frozen: void 0,',
  'term.frozen = void 0',
  'const plainRegs = regexesForPlainWord(',
  'if (!/[A-Z.]/.test(str)) return str',
  'if (!/[-\u2013\u2014]/.test(str)) return false',
];
const missingSpeedPatches = (code: string): string[] => SPEED_PATCHES.filter((text) => !code.includes(text));
/** The tagger's lexicon comes from JSON made at build time, and the unpacking code is not bundled. */
const hasPrebuiltLexicon = (code: string): boolean => /_multiCache, uncountable \} = JSON\.parse\(/.test(code) && !code.includes('node_modules/efrt/');

/**
 * Sentences written for this test: names, titles, figures, dates, contractions, quotes, a URL;
 * then words the tokenizer patches leave to compromise's own code (accents, an ellipsis, an en
 * dash, a comma in a number, a zero-width space, capitals, punctuation at both ends).
 */
const SENTENCES = [
  'Mayor Ines Calloway said on Tuesday that the city would close 14 libraries by March 2027.',
  "\u201cWe can't keep them open,\u201d she told reporters, adding that costs rose 30% in a year.",
  'The council, which meets at https://example.org/council, hasn\u2019t voted on the plan yet.',
  'Analysts claim the cuts are the largest since the 1990s; officials familiar with the budget disagreed.',
  "Dr. O'Neill-Baptiste's report was published by the Northfield Gazette, and it's cited widely.",
  'Zo\u00eb Bront\u00eb paid \u20ac1,250 for the caf\u00e9\u2019s na\u00efve mural\u2026 \u201cReally?\u201d (she asked) \u2013 twice, in 2019\u20132020.',
  'MARGIT VOSS\u200b said: \u201cNo comment\u201d! Then, at 7:45 p.m., the U.S. office closed...',
  // Contractions, machine forms, the regular expressions and spacing the tagger patches touch.
  "They're gonna say it cannot work, there's been no vote and we'd rather wait, ain't that so?",
  "The re-enactment drew #VoteNow posts from @cityhall and neighbours lookin' for answers.",
  'Write to press@example.org or visit www.example.com for the 5km route   map <3 and the hehe  lolz.',
  'The 3-2 vote in Washington, D.C., was the second of 2024; New York followed with 45 votes to 12.',
  // Acronyms with and without full stops, and words joined by hyphens, en and em dashes.
  'The NDA\u2014signed on Aug\u201320 by the c.e.o. and a F. Smith\u2014reached NASA, a well-known x-ray lab, in 20-aug.',
  // Plain words that the tagger's own regular expressions do tag (a surname, two exclamations, laughter).
  'Ewan Mcdonald said woooah, and the replies were lols and hehe from macdonalds to wooah.',
  // Phrases compromise freezes (its tags then refuse conflicting ones), in reported speech.
  'The prime minister told the Financial Times that right wing critics of the Labour Party, so called hawks, misread the Cold War.',
  'Living room talks on the free market went on board, in part time, the spin off said.',
];

/** Each word's text, the punctuation and spaces before and after it, normal form and tags. */
type Tagged = [string, string, string, string, string[]][];
const publishedModel = (): unknown => (nlp.world() as { model: unknown }).model;
/** The sentences above and every paragraph of the project's example articles (written for it). */
const TEXTS = [
  ...SENTENCES,
  ...['newsroom-sample.md', 'wire-brief.txt'].flatMap((name) => readFileSync(join(ROOT, 'examples', name), 'utf8').split(/\n\s*\n/).filter((p) => p.trim() !== '')),
];
const tagsOf = (tag: (text: string) => Tagged): Tagged[] => TEXTS.map(tag);
/** `text` tagged by compromise as published. */
const publishedTag = (text: string): Tagged =>
  nlp(text)
    .json()
    .flatMap((s: { terms: { text: string; pre: string; post: string; normal: string; tags: string[] }[] }) =>
      s.terms.map((t): Tagged[number] => [t.text, t.pre, t.post, t.normal, t.tags]),
    );

describe('the bundles', () => {
  for (const name of ['server.js', 'cli.js', 'cliWorker.js']) {
    it(`${name}: compromise is patched (debug switches, plugin merge, tokenizer and tagger shortcuts, prebuilt lexicon)`, () => {
      const code = bundle(name);
      assert.ok(code.includes('node_modules/compromise/src/1-one/tag/methods/setTag.js'), 'compromise is bundled');
      assert.equal(code.split(ENV_READ).length - 1, 0, 'no read of process.env left in compromise');
      assert.match(code, /compromiseDebugSwitches\d* = \{\}/);
      assert.ok(code.includes('node_modules/compromise/src/API/extend.js'), 'the plugin merge is bundled');
      assert.ok(!code.includes(MERGE_LITERAL), 'no object literal per merged key');
      assert.deepEqual(missingSpeedPatches(code), [], 'the tokenizer and tagger patches');
      assert.ok(hasPrebuiltLexicon(code), 'the lexicon is read from JSON built at build time');
    });
  }

  it('compromise patched as in the bundles has the same world and tags words the same way as published', async () => {
    const entry = [
      "import nlp from 'compromise/two';",
      'export const model = nlp.world().model;',
      'export const tag = (text) => nlp(text).json().flatMap((s) => s.terms.map((t) => [t.text, t.pre, t.post, t.normal, t.tags]));',
    ].join('\n');
    const built = await esbuild.build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      plugins: [compromisePatches],
    });
    const code = built.outputFiles[0]!.text;
    assert.ok(!code.includes('Object.assign(model, { [key]:') && code.includes('compromiseDebugSwitches'), 'the debug and merge patches applied');
    assert.deepEqual(missingSpeedPatches(code), [], 'the tokenizer and tagger patches applied');
    assert.ok(hasPrebuiltLexicon(code), 'the prebuilt lexicon applied');
    const dir = mkdtempSync(join(tmpdir(), 'factcheck-patched-'));
    try {
      const file = join(dir, 'patched.mjs');
      writeFileSync(file, code);
      const patched = (await import(pathToFileURL(file).href)) as { model: unknown; tag: (text: string) => Tagged };
      assert.notEqual(patched.model, publishedModel(), 'two separate copies of compromise');
      assert.deepStrictEqual(patched.model, publishedModel());
      const published = tagsOf(publishedTag);
      assert.ok(published.flat().length > 600, 'the sentences and examples were tagged');
      assert.deepStrictEqual(tagsOf(patched.tag), published);

      // A regular expression added to the model (as a plugin could) is tried on plain words too:
      // the patched tagger then drops its shortcut.
      type Regexes = { two: { regexNormal: [RegExp, string, string][] } };
      const sentence = 'Then zorblat spoke to the council.';
      const before = patched.tag(sentence);
      for (const model of [patched.model, publishedModel()] as Regexes[]) model.two.regexNormal.push([/^zorblat$/, 'Person', 'test']);
      try {
        const withRegex = patched.tag(sentence);
        assert.ok(withRegex[1]![4].includes('Person') && !before[1]![4].includes('Person'), 'the added expression tags the word');
        assert.deepStrictEqual(withRegex, publishedTag(sentence));
      } finally {
        for (const model of [patched.model, publishedModel()] as Regexes[]) model.two.regexNormal.pop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cli.js sets its V8 flags before anything else runs and before it starts a worker', () => {
    const code = bundle('cli.js');
    const flags = code.indexOf('.setFlagsFromString)(flag)');
    assert.ok(flags > 0, 'the flags are set');
    for (const flag of ['--no-turbo-inlining', '--no-turbo-loop-peeling', '--no-turbo-escape', '--interrupt-budget=']) assert.ok(code.includes(`"${flag}`), `${flag} is among them`);
    const firstInit = code.search(/^init_\w+\(\);$/m);
    assert.ok(firstInit > 0 && flags < firstInit, 'set before the first module is initialised');
    assert.ok(flags < code.indexOf('new import_node_worker_threads.Worker('), 'set before a worker starts');
  });

  it('cli.js sets only V8 flags this Node knows: V8 prints an error for any other, on every run', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'server/dist/cli.js'), '--version'], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
