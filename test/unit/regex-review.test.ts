// Every regular expression in the product's sources is listed in the review in
// docs/robustness.md, with why it cannot backtrack catastrophically: a new pattern fails this test
// until it has been reviewed (time it with `node --import tsx scripts/regex-audit.ts`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { regexSites } from '../../scripts/regex-audit';

describe('the regular expression review', () => {
  it('lists every regular expression in client/src and server/src', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'robustness.md'), 'utf8').replace(/\\\|/g, '|');
    const review = doc.slice(doc.indexOf('## Regular expressions'));
    const missing = regexSites()
      .filter((site) => !review.includes(site.source))
      .map((site) => `${site.file}:${site.line} ${site.source}`);
    assert.deepEqual(missing, [], 'add these to the review in docs/robustness.md, with why each cannot backtrack catastrophically');
  });
});
