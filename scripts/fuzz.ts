// `npm run fuzz`: the property tests of test/unit/properties.test.ts, long. 100,000 generated
// documents (analysis shape and stability, Markdown pieces = whole parse, sliced = synchronous,
// every quick fix of every finding, fix-all) and 10,000 edit sequences (warm caches = cold
// analysis), split over worker threads.
//
//   FUZZ_SEED=<n>    base seed (default: random, printed); worker w runs seed n + w
//   FUZZ_DOCS=<n>    documents (default 100000)     FUZZ_EDITS=<n>  edit sequences (default 10000)
//   FUZZ_WORKERS=<n> threads (default: the number of cores)
//   FUZZ_PATH=<p>    replay one counterexample (with the worker's seed and FUZZ_WORKERS=1)
//
// On failure it prints the property, the worker's seed, fast-check's path and the shrunk input,
// and the command that replays it; the exit code is 1.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { article, edit, format, options } from '../test/unit/articles';
import { checkAnalysis, checkAsync, checkEdits, checkFixAll, checkMarkdownPieces, checkQuickFixes } from '../test/unit/propertyChecks';

interface Job {
  seed: number;
  docs: number;
  edits: number;
  path?: string;
}

interface Report {
  property: string;
  seed: number;
  runs: number;
  ms: number;
  failure?: string;
  path?: string;
}

const steps = fc.array(fc.record({ edit, options: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: options }) }), { minLength: 1, maxLength: 12 });

/** Cases run in this thread, posted to the main thread every 1,000 so a long run shows progress. */
let ran = 0;
const tick = (): void => {
  if (++ran % 1000 === 0) parentPort?.postMessage({ progress: 1000 });
};

const document = fc.asyncProperty(article, format, options, async (text, fmt, opts) => {
  tick();
  const withFormat = { ...opts, format: fmt };
  checkAnalysis(text, withFormat);
  if (fmt === 'markdown') checkMarkdownPieces(text);
  await checkAsync(text, withFormat);
  checkQuickFixes(text, fmt, opts);
  checkFixAll(text, fmt, opts);
});
const edits = fc.property(article, format, steps, (text, fmt, s) => {
  tick();
  checkEdits(text, s, { format: fmt });
});

function report<Ts>(property: string, seed: number, started: number, details: fc.RunDetails<Ts>): Report {
  const r: Report = { property, seed, runs: details.numRuns, ms: Date.now() - started };
  if (details.failed) {
    // Stack frames of code loaded through tsx in a worker are unreadable data: URLs; the message is what helps.
    r.failure = (fc.defaultReportMessage(details) ?? 'failed').split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
    r.path = details.counterexamplePath ?? undefined;
  }
  return r;
}

async function run(job: Job): Promise<Report[]> {
  const base = { seed: job.seed, includeErrorInReport: true, ...(job.path ? { path: job.path, endOnFailure: true } : {}) };
  const reports: Report[] = [];
  if (job.docs > 0) {
    const started = Date.now();
    reports.push(report('documents', job.seed, started, await fc.check(document, { ...base, numRuns: job.docs })));
  }
  if (job.edits > 0 && !reports.some((r) => r.failure)) {
    const started = Date.now();
    reports.push(report('edit sequences', job.seed, started, fc.check(edits, { ...base, numRuns: job.edits })));
  }
  return reports;
}

const count = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : Number(raw);
};

async function main(): Promise<void> {
  const seed = count('FUZZ_SEED', Math.floor(Math.random() * 2 ** 31));
  const docs = count('FUZZ_DOCS', 100_000);
  const editRuns = count('FUZZ_EDITS', 10_000);
  const workers = Math.max(1, count('FUZZ_WORKERS', availableParallelism()));
  const path = process.env.FUZZ_PATH || undefined;
  console.log(`fuzz: seed ${seed}, ${docs} documents, ${editRuns} edit sequences, ${workers} worker${workers === 1 ? '' : 's'}`);
  const share = (total: number, w: number) => Math.floor(total / workers) + (w < total % workers ? 1 : 0);
  const started = Date.now();
  const total = docs + editRuns;
  let done = 0;
  let shown = 0;
  // Progress (including shrinking runs after a failure) every tenth of the cases.
  const progress = (n: number): void => {
    done += n;
    if (done - shown < total / 10) return;
    shown = done;
    console.log(`fuzz: ${done} of ${total} cases in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };
  const results = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const job: Job = { seed: seed + w, docs: share(docs, w), edits: share(editRuns, w), path };
      return new Promise<Report[]>((resolve, reject) => {
        // Loader hooks do not reach worker threads on Node 20: the worker loads this file through tsx's API.
        const worker = new Worker(`import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(import.meta.url)}, { parentURL: ${JSON.stringify(import.meta.url)} }))`, { eval: true, workerData: job });
        worker.on('message', (m: Report[] | { progress: number }) => {
          if (Array.isArray(m)) resolve(m);
          else progress(m.progress);
        });
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker ${w} exited with ${code}`))));
      });
    }),
  );
  let failed = false;
  const totals = new Map<string, number>();
  for (const r of results.flat()) {
    totals.set(r.property, (totals.get(r.property) ?? 0) + r.runs);
    if (!r.failure) continue;
    failed = true;
    console.error(`\nFAILED: ${r.property}, seed ${r.seed}, path ${r.path ?? '?'}\n${r.failure}`);
    const only = r.property === 'documents' ? 'FUZZ_EDITS=0' : 'FUZZ_DOCS=0';
    console.error(`replay: FUZZ_SEED=${r.seed} FUZZ_WORKERS=1 ${only} FUZZ_PATH=${r.path ?? ''} npm run fuzz`);
  }
  const summary = [...totals].map(([p, n]) => `${n} ${p}`).join(', ');
  console.log(`fuzz: ${failed ? 'FAILED' : 'passed'} after ${summary} in ${((Date.now() - started) / 1000).toFixed(0)} s (seed ${seed})`);
  process.exitCode = failed ? 1 : 0;
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
} else {
  run(workerData as Job).then(
    (reports) => parentPort?.postMessage(reports),
    (error: unknown) => {
      throw error;
    },
  );
}
