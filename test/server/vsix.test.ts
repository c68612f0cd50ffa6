// Packaging: the VSIX holds exactly the allowlisted files (.vscodeignore) and stays small. Built
// from the bundles `npm test` has just built, into a temporary folder; nothing in the tree changes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO } from './lspClient';

/** The names in a zip file, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names.sort();
}

describe('the VSIX', () => {
  const out = mkdtempSync(join(tmpdir(), 'factcheck-vsix-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it('ships only the bundles, manifest, docs, grammars and icon, under 2 MB', () => {
    const vsix = join(out, 'factcheck.vsix');
    const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(run.status, 0, `vsce package failed:\n${run.stdout}\n${run.stderr}`);
    assert.ok(statSync(vsix).size < 2 * 1024 * 1024, `VSIX is ${statSync(vsix).size} bytes`);
    assert.deepEqual(zipEntries(readFileSync(vsix)), [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/client/dist/extension.js',
      'extension/images/icon.png',
      'extension/language-configuration.json',
      'extension/package.json',
      'extension/readme.md',
      'extension/server/dist/server.js',
      'extension/syntaxes/article.tmLanguage.json',
      'extension/syntaxes/notes.injection.tmLanguage.json',
    ]);
  });
});
