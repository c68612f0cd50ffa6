// An esbuild plugin for the product's bundles (and the bench's, which measure them): exact text
// replacements in compromise's sources that make it faster and change nothing it computes.
// The tests that run the sources (tsx) use compromise as published, and test/unit/bundle.test.ts
// checks that a bundle built with this plugin has the same world (lexicon, tags, rules) and tags
// the same words the same way.
import { readFile } from 'node:fs/promises';

/**
 * @typedef {object} Patch
 * @property {string} name
 * @property {[string, string][]} replace every occurrence of each text, by its replacement
 * @property {string} [prelude] put before a file that was patched
 */

/** @type {Patch[]} */
const PATCHES = [
  {
    // compromise reads `process.env` every time it sets a tag, to print the tagging when
    // DEBUG_TAGS is set. Node answers each read of `process.env.X` through a native interceptor
    // (~180 ns here): 5-7% of a cold analysis. The debug switches read a plain empty object
    // instead; compromise's debug printing (DEBUG_TAGS, nlp.verbose()) is off in the bundles.
    name: 'debug switches',
    replace: [["typeof process === 'undefined' || !process.env ? self.env || {} : process.env", 'compromiseDebugSwitches']],
    prelude: 'const compromiseDebugSwitches = {};',
  },
  {
    // Loading compromise merges each plugin's model into its world, the lexicon among them,
    // through an object literal and Object.assign per key: 40-70 ms of every process's and CLI
    // worker's start. A plain assignment is the same [[Set]] of the same key and value (keys
    // come from for...in, so they are strings, and __proto__ is skipped above it).
    name: 'plugin merge',
    replace: [
      ['if (!model[key]) Object.assign(model, { [key]: {} })', 'if (!model[key]) model[key] = {}'],
      ['Object.assign(model, { [key]: plugin[key] })', 'model[key] = plugin[key]'],
    ],
  },
  {
    // The tokenizer passes every word through killUnicode ('Björk' -> 'Bjork'), which splits it
    // into characters, maps each and joins them again. Most words have no character the map
    // changes (its only ASCII entries, `i` and `"`, map to themselves): those are returned as
    // they are. A word with one goes the old way.
    name: 'unchanged words skip killUnicode',
    replace: [
      [
        "  str = str || ''\n  const chars = str.split('')\n",
        "  str = str || ''\n  let mapped = false\n  for (let i = 0; i < str.length && !mapped; i++) mapped = unicode[str[i]] !== undefined && unicode[str[i]] !== str[i]\n  if (!mapped) return str\n  const chars = str.split('')\n",
      ],
    ],
  },
  {
    // clean() then runs ten replacements on each lower-cased word, for punctuation, ellipses,
    // dashes, zero-width characters and commas in numbers: none can match a word of only ASCII
    // letters and digits, which is returned at once.
    name: 'plain words skip clean',
    replace: [['  str = str.trim()\n  const original = str\n', '  str = str.trim()\n  if (/^[a-z0-9]+$/.test(str)) return str\n  const original = str\n']],
  },
];

/** The source with every patch that applies to it, and the names of those that did. */
function patchSource(source) {
  let contents = source;
  const applied = [];
  for (const patch of PATCHES) {
    if (!patch.replace.every(([from]) => contents.includes(from))) continue;
    for (const [from, to] of patch.replace) contents = contents.replaceAll(from, to);
    if (patch.prelude) contents = `${patch.prelude}\n${contents}`;
    applied.push(patch.name);
  }
  return { contents, applied };
}

/** @type {import('esbuild').Plugin} */
export const compromisePatches = {
  name: 'compromise-patches',
  setup(build) {
    let loaded = 0;
    const applied = new Set();
    build.onStart(() => {
      loaded = 0;
      applied.clear();
    });
    build.onLoad({ filter: /[\\/]node_modules[\\/]compromise[\\/]src[\\/].*\.js$/ }, async (args) => {
      loaded++;
      const patched = patchSource(await readFile(args.path, 'utf8'));
      if (patched.applied.length === 0) return undefined;
      for (const name of patched.applied) applied.add(name);
      return { contents: patched.contents, loader: 'js' };
    });
    // A compromise release that words these lines differently would silently lose the saving.
    build.onEnd(() => {
      if (loaded === 0) return;
      for (const patch of PATCHES) {
        if (!applied.has(patch.name)) console.warn(`compromise-patches: '${patch.name}' found nothing to replace in this compromise release`);
      }
    });
  },
};
