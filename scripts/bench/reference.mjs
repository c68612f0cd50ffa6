// Child process of the benchmark: compromise's own full parse, as published (the bench bundle
// carries the product's build of compromise, which is not what notes/compromise.md timed), and
// in its own process so its model does not weigh on the bench's heap figures.
//   node scripts/bench/reference.mjs TEXT_FILE RUNS   -> JSON array of ms
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';

const text = readFileSync(process.argv[2], 'utf8');
const times = [];
nlp('Warm up the tagger once before timing.');
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
  const t = performance.now();
  nlp(text);
  times.push(performance.now() - t);
}
console.log(JSON.stringify(times));
