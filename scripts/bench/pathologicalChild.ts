// Child process of the benchmark: one pathological case, analysed cold, figures as one JSON line.
//   node scripts/bench/pathologicalChild.bundle.mjs CASE_ID   (bundled by `npm run bench`)
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AnalyseOptions } from '../../server/src/analysis';
import { CASES, check, type PathologicalResult } from './pathological';

async function main(): Promise<void> {
  const c = CASES.find((k) => k.id === process.argv[2]);
  if (!c) throw new Error(`unknown case ${process.argv[2]}; cases: ${CASES.map((k) => k.id).join(', ')}`);
  const { analyse, analyseAsync, clearCaches } = await import('../../server/src/analysis');
  const options: AnalyseOptions = { format: c.format };
  analyse('Peskov told journalists that the talks ended.', options); // loads compromise's lexicon
  const text = c.make();
  clearCaches();
  const t = performance.now();
  const analysis = analyse(text, options);
  const result: PathologicalResult = { id: c.id, chars: text.length, ms: performance.now() - t, findings: analysis.findings.length, problem: check(text, analysis.findings) };
  if (c.async) {
    clearCaches();
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const a = performance.now();
    await analyseAsync(text, options);
    result.asyncMs = performance.now() - a;
    h.disable();
    result.longestBlockMs = h.max / 1e6;
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
