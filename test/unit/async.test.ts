// analyseAsync yields to the event loop but must give exactly what analyse gives, or null when cancelled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyse, analyseAsync, clearCaches } from '../../server/src/analysis/index';

const paragraph = (i: number) => `Ana Lopez told reporters on Monday that bridge ${i} would reopen. The council spent $${i}.5 million on it in 2023. “It is late,” said Tom Reyes.`;
const text = Array.from({ length: 300 }, (_, i) => paragraph(i)).join('\n\n');

describe('analyseAsync', () => {
  it('equals the synchronous analysis', async () => {
    clearCaches();
    const sliced = await analyseAsync(text, {}, { sliceMs: 1 });
    clearCaches();
    assert.deepEqual(sliced, analyse(text));
  });
  it('resolves to null once cancelled', async () => {
    clearCaches();
    let checks = 0;
    const result = await analyseAsync(text, {}, { sliceMs: 0, isCancelled: () => ++checks > 2 });
    assert.equal(result, null);
    assert.ok(checks >= 3);
  });
});
