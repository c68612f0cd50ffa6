import { Worker } from 'node:worker_threads';
import type { ArticleInput, CheckOptions, FileReport } from './report';

/** Below this many articles one thread is faster than starting workers (each loads the NLP engine). */
export const PARALLEL_MIN_FILES = 8;
/** Each worker should get at least this many articles to pay for its start-up. */
const MIN_FILES_PER_WORKER = 4;
/** Workers that die before saying they are ready, after which the rest is checked on the main thread. */
const MAX_STARTUP_FAILURES = 2;
/** Articles posted to a worker at once: the one it checks and the next, already waiting. */
const IN_FLIGHT = 2;

/** Messages a worker posts back: `ready` once loaded, then one report per article. */
export type WorkerMessage = { kind: 'ready' } | { kind: 'report'; report: FileReport };

/** What the worker is started with (`workerData`). */
export interface WorkerSetup {
  options: CheckOptions;
}

export interface PoolOptions {
  /** Most worker threads to use. */
  jobs: number;
  /** The bundled worker entry (`server/dist/cliWorker.js`); `null` to check everything on this thread. */
  workerScript: string | null;
  /** Called once per article, in input order, as soon as it and all before it are done. */
  onReport?: (report: FileReport) => void;
  /** Called whenever an article is done (in any order), with the count done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** How many workers to start for `files` articles: 0 means the main thread does the work. */
export function workerCount(files: number, jobs: number, workerScript: string | null): number {
  if (workerScript === null || jobs <= 1 || files < PARALLEL_MIN_FILES) return 0;
  return Math.max(1, Math.min(jobs, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * Checks every article, in parallel worker threads when there are enough of them, and returns
 * the reports in input order. A worker that crashes fails only the article it was on; the rest
 * go to a fresh worker (or to the main thread if workers cannot start at all). Never rejects.
 */
export async function checkAll(inputs: readonly ArticleInput[], options: CheckOptions, pool: PoolOptions): Promise<FileReport[]> {
  const total = inputs.length;
  const results: (FileReport | undefined)[] = new Array<FileReport | undefined>(total);
  let emitted = 0;
  let done = 0;
  const finish = (index: number, report: FileReport): void => {
    results[index] = report;
    done++;
    pool.onProgress?.(done, total);
    while (emitted < total) {
      const next = results[emitted];
      if (next === undefined) break;
      pool.onReport?.(next);
      emitted++;
    }
  };

  const queue = inputs.map((_, i) => i);
  const inProcess = async (): Promise<void> => {
    // Loaded on demand: with worker threads the main thread never loads the NLP engine.
    const { checkArticle } = await import('./check');
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const input = inputs[i];
      if (input) finish(i, await checkArticle(input, options));
    }
  };

  const count = workerCount(total, pool.jobs, pool.workerScript);
  if (count === 0 || pool.workerScript === null) {
    await inProcess();
  } else {
    const script = pool.workerScript;
    const fallback = await new Promise<boolean>((resolveAll) => {
      let running = 0;
      let startupFailures = 0;
      const start = (): void => {
        running++;
        const setup: WorkerSetup = { options };
        const worker = new Worker(script, { workerData: setup });
        let ready = false;
        // Articles posted to this worker and not reported yet, oldest first: it checks them in order.
        const inFlight: number[] = [];
        let lastError = '';
        const feed = (): void => {
          // A second article waits in the worker's port, so it never idles while the main thread
          // answers; only while enough remain for the other workers to stay busy too.
          while (inFlight.length < IN_FLIGHT && queue.length > (inFlight.length === 0 ? 0 : count)) {
            const index = queue.shift() as number;
            inFlight.push(index);
            worker.postMessage(inputs[index]);
          }
          if (inFlight.length === 0) void worker.terminate();
        };
        worker.on('message', (message: WorkerMessage) => {
          if (message.kind === 'ready') {
            ready = true;
          } else {
            const index = message.report.input.index;
            inFlight.splice(inFlight.indexOf(index), 1);
            finish(index, message.report);
          }
          feed();
        });
        worker.on('error', (e) => {
          lastError = e instanceof Error ? e.message : String(e);
        });
        worker.on('exit', (code) => {
          running--;
          const crashed = inFlight.length > 0;
          // The oldest article is the one the worker was on; those behind it were never started.
          const current = ready ? inFlight.shift() : undefined;
          queue.unshift(...inFlight.splice(0));
          const input = current === undefined ? undefined : inputs[current];
          if (current !== undefined && input) finish(current, crashReport(input, lastError || `worker thread exited with code ${code}`));
          if (!ready) startupFailures++;
          if (queue.length > 0 && (crashed || !ready)) {
            if (startupFailures >= MAX_STARTUP_FAILURES) {
              if (running === 0) resolveAll(true);
              return;
            }
            start();
          } else if (running === 0) {
            resolveAll(queue.length > 0);
          }
        });
      };
      for (let i = 0; i < count; i++) start();
    });
    if (fallback) await inProcess();
  }
  return results.map((r, i) => r ?? crashReport(inputs[i] as ArticleInput, 'not checked (internal error)'));
}

function crashReport(input: ArticleInput, why: string): FileReport {
  return {
    input: { index: input.index, path: input.path, absPath: input.absPath, format: input.format },
    bytes: 0,
    attributions: [],
    findings: [],
    error: `internal error while checking: ${why}`,
  };
}
