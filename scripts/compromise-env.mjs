// An esbuild plugin for the product's bundles (and the bench's, which measure them): compromise
// reads `process.env` every time it sets a tag, to print the tagging when DEBUG_TAGS is set.
// Node answers each read of `process.env.X` through a native interceptor (~180 ns here), which
// came to 5-7% of a cold analysis. In the bundles compromise's debug switches read a plain empty
// object instead; its debug printing (DEBUG_TAGS, nlp.verbose()) is off there, nothing else
// changes. The tests that run the sources (tsx) use compromise as published.
import { readFile } from 'node:fs/promises';

const ENV_EXPRESSION = "typeof process === 'undefined' || !process.env ? self.env || {} : process.env";

/** @type {import('esbuild').Plugin} */
export const compromiseEnv = {
  name: 'compromise-env',
  setup(build) {
    let loaded = 0;
    let replaced = 0;
    build.onStart(() => {
      loaded = replaced = 0;
    });
    build.onLoad({ filter: /[\\/]node_modules[\\/]compromise[\\/]src[\\/].*\.js$/ }, async (args) => {
      loaded++;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(ENV_EXPRESSION)) return undefined;
      replaced++;
      return { contents: `const compromiseDebugSwitches = {};\n${source.replaceAll(ENV_EXPRESSION, 'compromiseDebugSwitches')}`, loader: 'js' };
    });
    // A compromise release that words the expression differently would silently lose the saving.
    build.onEnd(() => {
      if (loaded > 0 && replaced === 0) console.warn('compromise-env: compromise no longer reads process.env the way this plugin expects; nothing was replaced');
    });
  },
};
