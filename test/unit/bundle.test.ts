// What the build does to the bundles beyond bundling (esbuild.mjs). Reads the built files:
// `npm test` builds first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const bundle = (name: string): string => readFileSync(new URL(`../../server/dist/${name}`, import.meta.url), 'utf8');
const ENV_READ = "!process.env ? self.env || {} : process.env";

describe('the bundles', () => {
  for (const name of ['server.js', 'cli.js', 'cliWorker.js']) {
    it(`${name}: compromise's debug switches read a plain object, not process.env on every tag`, () => {
      const code = bundle(name);
      assert.ok(code.includes('node_modules/compromise/src/1-one/tag/methods/setTag.js'), 'compromise is bundled');
      assert.equal(code.split(ENV_READ).length - 1, 0, 'no read of process.env left in compromise');
      assert.match(code, /compromiseDebugSwitches\d* = \{\}/);
    });
  }

  it('cli.js sets its V8 flags before anything else runs and before it starts a worker', () => {
    const code = bundle('cli.js');
    const flags = code.indexOf('.setFlagsFromString)(flag)');
    assert.ok(flags > 0, 'the flags are set');
    for (const flag of ['--no-turbo-inlining', '--interrupt-budget=']) assert.ok(code.includes(`"${flag}`), `${flag} is among them`);
    const firstInit = code.search(/^init_\w+\(\);$/m);
    assert.ok(firstInit > 0 && flags < firstInit, 'set before the first module is initialised');
    assert.ok(flags < code.indexOf('new import_node_worker_threads.Worker('), 'set before a worker starts');
  });
});
