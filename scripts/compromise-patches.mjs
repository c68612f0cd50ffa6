// An esbuild plugin for the product's bundles (and the bench's, which measure them): exact text
// replacements in compromise's sources that make it faster and change nothing it computes, and
// its tagger lexicon built at build time instead of at every start (compromise-lexicon.mjs).
// The tests that run the sources (tsx) use compromise as published, and test/unit/bundle.test.ts
// checks that a bundle built with this plugin has the same world (lexicon, tags, rules) and tags
// the same words the same way.
import { readFile } from 'node:fs/promises';
import { MODEL_MODULE, prebuiltModelModule } from './compromise-lexicon.mjs';

/**
 * @typedef {object} Patch
 * @property {string} name
 * @property {[string, string][]} replace every occurrence of each text, by its replacement
 * @property {string} [prelude] put before a file that was patched
 */

/**
 * The regular expressions of compromise's tagger, on a word's text (6) then on its normal form
 * (14), as [source, flags], in the release the 'plain words skip the tagger regexes' patch was
 * proven for. A word whose text is ASCII letters and whose normal form is lower-case ASCII letters
 * can match only four of them, all on the normal form: a surname (mcd...), "lols", "woooah" and
 * "hehe". Every other one needs a character such a word lacks: '#', '@', '.', ':', '/', a
 * backslash, an apostrophe, an upper-case letter in the normal form, or an emoji.
 */
const PROVEN_REGEX_LISTS = [
  ["^#[\\p{Number}_]*\\p{Letter}", "u"],
  ["^@\\w{2,}$", ""],
  ["^([A-Z]\\.){2}[A-Z]?", "i"],
  [".{3}[lkmnp]in['‘’‛‵′`´]$", ""],
  [".{4}s['‘’‛‵′`´]$", ""],
  ["^[\\p{Emoji_Presentation}\\p{Extended_Pictographic}]", "u"],
  ["^[\\w.+]+@[\\w.]+\\.[a-z]{2,3}$", ""],
  ["^(https?:\\/\\/|www\\.)+\\w+\\.[a-z]{2,3}", ""],
  ["^[a-z0-9./].+\\.(com|net|gov|org|ly|edu|info|biz|dev|ru|jp|de|in|uk|br|io|ai)", ""],
  ["^[PMCE]ST$", ""],
  ["^ma?c'[a-z]{3}", ""],
  ["^o'[a-z]{3}", ""],
  ["^ma?cd[aeiou][a-z]{3}", ""],
  ["^(lol)+[sz]$", ""],
  ["^wo{2,}a*h?$", ""],
  ["^(hee?){2,}h?$", ""],
  ["^(un|de|re)\\\\-[a-z\\u00C0-\\u00FF]{2}", ""],
  ["^(m|k|cm|km)\\/(s|h|hr)$", ""],
  ["^(ug|ng|mg)\\/(l|m3|ft3)$", ""],
  ["[^:/]\\/\\p{Letter}", "u"],
];
/** Where those four are in the normal-form list. */
const PLAIN_WORD_REGEXES = [6, 7, 8, 9];

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
  {
    // The machine form drops an apostrophe-s, a trailing apostrophe, the dash of "re-enact" and
    // a leading # or @. Each of its five regular expressions needs one of those characters, so a
    // word without any of them keeps its form without running them.
    name: 'machine form of plain words',
    replace: [
      [
        "  let str = term.implicit || term.normal || term.text\n  // remove apostrophes\n",
        "  let str = term.implicit || term.normal || term.text\n  if (!/['’#@-]/.test(str)) {\n    if (str !== term.normal) term.machine = str\n    return\n  }\n  // remove apostrophes\n",
      ],
    ],
  },
  {
    // Tagging a word first removes the tags the new one excludes, by deleting each of them (for
    // some tags over fifty) from the word's few tags. Walking the word's tags and asking a set of
    // the excluded ones removes the same tags (a Set keeps the order of the rest), and with
    // `isSafe` refuses on the same condition (any excluded tag present, nothing changed).
    name: 'excluded tags by the word',
    replace: [
      [
        "    if (known.not && known.not.length > 0) {\n      for (let o = 0; o < known.not.length; o += 1) {\n        // if we're in tagSafe, skip this term.\n        if (isSafe === true && term.tags.has(known.not[o])) {\n          return null\n        }\n        term.tags.delete(known.not[o])\n      }\n    }\n",
        "    if (known.not && known.not.length > 0 && term.tags.size > 0) {\n      const not = excludedSet(known.not)\n      for (const had of term.tags) {\n        if (!not.has(had)) continue\n        if (isSafe === true) return null\n        term.tags.delete(had)\n      }\n    }\n",
      ],
    ],
    // Keyed by the array, and made again if its length changed (a plugin adding tags).
    prelude:
      'const excludedSets = new WeakMap()\nconst excludedSet = (not) => {\n  let entry = excludedSets.get(not)\n  if (entry === undefined || entry.length !== not.length) {\n    entry = { length: not.length, set: new Set(not) }\n    excludedSets.set(not, entry)\n  }\n  return entry.set\n}',
  },
  {
    // Splitting punctuation off a word copies it into an array of characters and walks both
    // ends. A word of ASCII letters and digits followed by spaces has no punctuation: its text is
    // the word and the spaces are what follows it (no space is kept punctuation in the model,
    // which is checked; an emoticon still goes the old way).
    name: 'plain words keep their text',
    replace: [
      [
        "  let pre = ''\n  let post = ''\n  const chars = Array.from(str)\n",
        "  let pre = ''\n  let post = ''\n  if (/^[a-zA-Z0-9]+ *$/.test(str) && postPunctuation[' '] !== true) {\n    const word = str.trimEnd()\n    if (!emoticons.hasOwnProperty(word)) return { str: word, pre, post: str.slice(word.length) }\n  }\n  const chars = Array.from(str)\n",
      ],
    ],
  },
  {
    // Each word is compared with every entry of the contractions list. A word without an
    // apostrophe can only match an entry by its whole word ("cannot", "gonna"): the first such
    // entry is looked up in a map of the list instead.
    name: 'contractions by word',
    replace: [
      [
        'const knownOnes = function (list, term, before, after) {\n',
        'const knownOnes = function (list, term, before, after) {\n  if (before === null && after === null) {\n    const entry = entriesByWord(list).get(term.normal)\n    return entry === undefined ? null : entry.out\n  }\n',
      ],
    ],
    // The first entry of each word, keyed by the list and made again if its length changed.
    prelude:
      'const wordMaps = new WeakMap()\nconst entriesByWord = (list) => {\n  let memo = wordMaps.get(list)\n  if (memo === undefined || memo.length !== list.length) {\n    const byWord = new Map()\n    for (const o of list) if (!byWord.has(o.word)) byWord.set(o.word, o)\n    memo = { length: list.length, byWord }\n    wordMaps.set(list, memo)\n  }\n  return memo.byWord\n}',
  },
  {
    // A word starts as { text, pre, post, tags }, and the tokenizer and tagger add up to a dozen
    // properties to it later, each only to some words and in varying order: over PolNeAR the
    // words came in 50 hidden classes, so V8 read them through megamorphic lookups and threw
    // away optimised code that had seen too few of them. Every word now starts with all of them,
    // undefined until set: compromise's tagging only reads them (never `in`, hasOwnProperty or
    // their keys), and an undefined property reads as a missing one; every PolNeAR word then has
    // one class. Only json() could tell: it copies a word with Object.assign, so its term objects
    // carry the undefined keys too (JSON.stringify drops them). The product never calls json().
    name: 'words of one shape',
    replace: [
      [
        '  const parsed = {\n    text: str,\n    pre: pre,\n    post: post,\n    tags: new Set(),\n  }\n',
        '  const parsed = {\n    text: str,\n    pre: pre,\n    post: post,\n    tags: new Set(),\n    normal: undefined,\n    index: undefined,\n    chunk: undefined,\n    dirty: undefined,\n    confidence: undefined,\n    switch: undefined,\n    machine: undefined,\n    implicit: undefined,\n    id: undefined,\n    frozen: undefined,\n    alias: undefined,\n    offset: undefined,\n  }\n',
      ],
    ],
  },
  {
    // ... and unfreezing sets `frozen` back to undefined instead of deleting it, which would turn
    // the word into a slow dictionary object now that `frozen` is not its last property.
    name: 'unfreeze keeps the shape',
    replace: [['      delete term.frozen\n', '      term.frozen = undefined\n']],
  },
  {
    // The tagger tests every word (but frozen ones) against 20 regular expressions: 12% of the
    // tagging. For a word whose text is ASCII letters and whose normal form is lower-case ASCII
    // letters, only four of them can match (see PROVEN_REGEX_LISTS), so only those are tried, in
    // the same order. The shortcut is taken only while the model's two lists are exactly the
    // proven ones: another compromise release, or a regex a plugin adds, makes it step aside.
    name: 'plain words skip the tagger regexes',
    replace: [
      [
        '  let arr = doRegs(text, regexText) || doRegs(normal, regexNormal)\n',
        '  const plainRegs = regexesForPlainWord(regexText, regexNormal, text, normal)\n  let arr = plainRegs !== null ? doRegs(normal, plainRegs) : doRegs(text, regexText) || doRegs(normal, regexNormal)\n',
      ],
    ],
    prelude: [
      `const PROVEN_REGEX_LISTS = ${JSON.stringify(JSON.stringify(PROVEN_REGEX_LISTS))}`,
      `const PLAIN_WORD_REGEXES = ${JSON.stringify(PLAIN_WORD_REGEXES)}`,
      'let provenFor = { text: null, normal: null, lengths: -1, regs: null }',
      'const regexesForPlainWord = (regexText, regexNormal, text, normal) => {',
      '  if (!/^[a-z]+$/.test(normal) || !/^[A-Za-z]+$/.test(text)) return null',
      '  const lengths = regexText.length * 1000 + regexNormal.length',
      '  if (provenFor.text !== regexText || provenFor.normal !== regexNormal || provenFor.lengths !== lengths) {',
      '    const lists = JSON.stringify([...regexText, ...regexNormal].map((r) => [r[0].source, r[0].flags]))',
      '    const regs = lists === PROVEN_REGEX_LISTS ? PLAIN_WORD_REGEXES.map((k) => regexNormal[k]) : null',
      '    provenFor = { text: regexText, normal: regexNormal, lengths, regs }',
      '  }',
      '  return provenFor.regs',
      '}',
    ].join('\n'),
  },
  {
    // Each word's normal form is tested against four acronym patterns ("N.D.A", "c.e.o", "F.",
    // "NDA"). Each needs an upper-case ASCII letter or a full stop, so a word with neither is
    // returned at once.
    name: 'acronyms need a capital or a full stop',
    replace: [['const doAcronym = function (str) {\n', 'const doAcronym = function (str) {\n  if (!/[A-Z.]/.test(str)) return str\n']],
  },
  {
    // Splitting every word and space on dashes makes an array for each; one without a dash
    // splits into itself alone, which is the first thing tested.
    name: 'words without a dash are not split on dashes',
    replace: [['const hasHyphen = function (str, model) {\n', 'const hasHyphen = function (str, model) {\n  if (!/[-\u2013\u2014]/.test(str)) return false\n']],
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

const PREBUILT_LEXICON = 'prebuilt lexicon';
/** Built once per build process: the four bundles and the test share it (compromise-lexicon.mjs). */
const prebuiltModels = new Map();
/** @param {string} path @param {string} source */
function prebuiltModel(path, source) {
  const key = `${path}\0${source}`;
  if (!prebuiltModels.has(key)) prebuiltModels.set(key, prebuiltModelModule(path, source));
  return prebuiltModels.get(key);
}

/** @type {import('esbuild').Plugin} */
export const compromisePatches = {
  name: 'compromise-patches',
  setup(build) {
    let loaded = 0;
    let skippedLexicon = 'its model module was not bundled';
    const applied = new Set();
    build.onStart(() => {
      loaded = 0;
      applied.clear();
    });
    build.onLoad({ filter: /[\\/]node_modules[\\/]compromise[\\/]src[\\/].*\.js$/ }, async (args) => {
      loaded++;
      const original = await readFile(args.path, 'utf8');
      const model = MODEL_MODULE.test(args.path) ? prebuiltModel(args.path, original) : null;
      if (model && 'contents' in model) applied.add(PREBUILT_LEXICON);
      else if (model) skippedLexicon = model.skipped;
      const source = model && 'contents' in model ? model.contents : original;
      const patched = patchSource(source);
      for (const name of patched.applied) applied.add(name);
      return source === original && patched.applied.length === 0 ? undefined : { contents: patched.contents, loader: 'js' };
    });
    // A compromise release that words these lines differently would silently lose the saving.
    build.onEnd(() => {
      if (loaded === 0) return;
      for (const patch of PATCHES) {
        if (!applied.has(patch.name)) console.warn(`compromise-patches: '${patch.name}' found nothing to replace in this compromise release`);
      }
      if (!applied.has(PREBUILT_LEXICON)) console.warn(`compromise-patches: the lexicon is built at load, not at build time (${skippedLexicon})`);
    });
  },
};
