// compromise builds its tagger's lexicon every time it loads: it unpacks the packed word lists
// and conjugates and inflects every verb, adjective and noun in them (24,600 words). That is
// 110-150 ms of each process's and each CLI worker's start, and the result is always the same.
// For the bundles it is computed once, at build time, by compromise's own code in a separate
// Node process, and the model module reads it back with one JSON.parse instead.
//
// Exact by construction and checked: the child process fails the patch (the bundle keeps
// compromise's own code, with a warning) if the model's other parts changed while the lexicon
// was built, or if a built part does not survive JSON unchanged; test/unit/bundle.test.ts
// compares the whole world, and the tags of its texts, with the published package.
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The model module this replaces, as it ends its path. */
export const MODEL_MODULE = /[\\/]compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/]index\.js$/;

/** The parts of the model that building the lexicon writes. */
const BUILT = ['lexicon', 'switches', 'frozenLex', '_multiCache', 'uncountable'];

/** Text replacements in the model module; all must apply or none does. */
const REPLACE = [
  ["import { lexicon, switches, frozenLex } from './lexicon/index.js'\n", ''],
  ["import expandLexicon from './_expand/index.js'\n", ''],
  ['    _multiCache: {},\n', '    _multiCache,\n'],
  ['    uncountable: {},\n', '    uncountable,\n'],
  ['model = expandLexicon(model)\n', ''],
];

// Runs in a fresh Node process: nothing else has touched compromise's modules there.
const CHILD = `
import assert from 'node:assert/strict';
const [dir, ...imports] = JSON.parse(process.argv[1]);
const asText = (value) => JSON.stringify(value, (_, v) => (v instanceof RegExp ? String(v) : v));
const parts = await Promise.all(imports.map((p) => import(new URL(p, dir).href)));
const before = parts.map((m) => asText(m.default));
const model = (await import(new URL('index.js', dir).href)).default;
parts.forEach((m, i) => assert.equal(asText(m.default), before[i], imports[i] + ' changed while the lexicon was built'));
const built = {
  lexicon: model.one.lexicon, switches: model.two.switches, frozenLex: model.one.frozenLex,
  _multiCache: model.one._multiCache, uncountable: model.two.uncountable,
};
const json = JSON.stringify(built);
assert.deepStrictEqual(JSON.parse(json), built, 'the built lexicon is not plain JSON');
process.stdout.write(json);
`;

/**
 * The model module's source with its built parts read from JSON, or why not (`skipped`): this
 * compromise release's module reads differently, or building the lexicon failed its checks.
 * @param {string} path the module's file
 * @param {string} source its text
 * @returns {{ contents: string } | { skipped: string }}
 */
export function prebuiltModelModule(path, source) {
  if (!REPLACE.every(([from]) => source.includes(from))) return { skipped: 'the model module reads differently in this compromise release' };
  // The model's other parts, imported as default exports: checked unchanged by the build.
  const imports = [...source.matchAll(/^import (\w+) from '(\.\/[^']+)'$/gm)].map((m) => m[2]).filter((p) => !p.startsWith('./_expand/'));
  let json;
  try {
    json = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD, JSON.stringify([pathToFileURL(`${dirname(path)}/`).href, ...imports])], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    return { skipped: `building the lexicon failed: ${String(e instanceof Error && 'stderr' in e ? e.stderr : e).split('\n').find((l) => l.includes('Error')) ?? e}` };
  }
  let contents = source;
  for (const [from, to] of REPLACE) contents = contents.replace(from, to);
  const declare = `const { ${BUILT.join(', ')} } = JSON.parse(${JSON.stringify(json)})\n`;
  return { contents: `${declare}${contents}` };
}
