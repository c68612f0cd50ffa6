/// <reference types="mocha" />
// Entry point the extension host loads through the `extensionTestsPath` payload (as
// @vscode/test-electron would). It runs every compiled *.test.js next to it with mocha and
// settles the promise: the workbench turns that into codeAutomationExit(0 or 1).
//
// console.* in the extension host cannot be replaced and reaches the browser console without
// printf formatting, so the reporter logs single, pre-formatted lines (prefixed, so the runner
// can tell them from the workbench's own output) and writes the results as JSON.
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { HostResult } from './context';
import { LINE_PREFIX, readContext } from './context';

/** The error's message and the stack frames in our test files (not VS Code's or mocha's). */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const lines = (err.stack ?? err.message).split('\n');
  const ours = lines.filter((l) => !/^\s+at /.test(l) || l.includes(__dirname));
  // An error thrown inside VS Code (e.g. a rejected command) has no frame of ours: keep its top.
  return ours.some((l) => /^\s+at /.test(l)) ? ours.join('\n') : lines.slice(0, 6).join('\n');
}

function lineReporter(Base: typeof Mocha.reporters.Base, resultsFile: string): Mocha.ReporterConstructor {
  return class LineReporter extends Base {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
      super(runner, options);
      const results: HostResult[] = [];
      runner.on('pass', (t) => {
        results.push({ name: t.fullTitle(), ok: true, ms: t.duration ?? 0 });
        console.log(`${LINE_PREFIX} ok - ${t.fullTitle()} (${t.duration ?? 0} ms)`);
      });
      runner.on('fail', (t, err: unknown) => {
        // A failing hook fails every test under it; report it under the hook's title.
        results.push({ name: t.fullTitle(), ok: false, ms: t.duration ?? 0, error: errorText(err) });
        console.log(`${LINE_PREFIX} not ok - ${t.fullTitle()}\n${errorText(err)}`);
      });
      runner.on('end', () => writeFileSync(resultsFile, JSON.stringify(results, null, 1)));
    }
  };
}

export async function run(): Promise<void> {
  const context = readContext();
  // The compiled tests live in the run's temporary folder; mocha comes from the checkout.
  const requireFromRepo = createRequire(join(context.repoRoot, 'package.json'));
  const loaded = requireFromRepo('mocha') as { default?: typeof Mocha } & typeof Mocha;
  const MochaClass = loaded.default ?? loaded;
  const mocha = new MochaClass({ ui: 'tdd', color: false, timeout: 30_000, reporter: lineReporter(MochaClass.reporters.Base, context.resultsFile) });
  for (const file of readdirSync(__dirname).sort()) if (file.endsWith('.test.js')) mocha.addFile(join(__dirname, file));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test${failures === 1 ? '' : 's'} failed`);
}
