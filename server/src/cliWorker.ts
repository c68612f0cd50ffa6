// Worker-thread entry of the factcheck CLI (bundled to server/dist/cliWorker.js): checks the
// articles the main thread posts, one at a time, and posts each report back.
import { parentPort, workerData } from 'node:worker_threads';
import { checkArticle } from './cli/check';
import type { WorkerMessage, WorkerSetup } from './cli/pool';
import type { ArticleInput } from './cli/report';

const port = parentPort;
if (!port) throw new Error('cliWorker.js runs only as a worker thread of the factcheck CLI');
const { options } = workerData as WorkerSetup;

port.on('message', (input: ArticleInput) => {
  void checkArticle(input, options).then((report) => {
    const message: WorkerMessage = { kind: 'report', report };
    port.postMessage(message);
  });
});
const ready: WorkerMessage = { kind: 'ready' };
port.postMessage(ready);
