// Child process: runs one peer prose linter (write-good, alex or harper.js) over the benchmark
// documents and prints its figures as JSON. One process per tool, so each one's start-up and
// peak memory are its own. Usage: node --import tsx peers.ts TOOL DOCS.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './corpus';

export type Peer = 'write-good' | 'alex' | 'harper.js';
const PEERS: readonly string[] = ['write-good', 'alex', 'harper.js'];

/** What the parent writes for the child: the documents and how many runs each gets. */
export interface PeerInput {
  docs: { words: number; text: string; runs: number }[];
}

export interface PeerResult {
  tool: Peer;
  version: string;
  /** Importing the package and any set-up before the first lint (harper.js loads its wasm). */
  startupMs: number;
  sizes: { words: number; times: number[]; findings: number }[];
  /** Peak resident set of the child process. */
  peakRssBytes: number;
}

type Lint = (text: string) => Promise<number>;

async function load(tool: Peer): Promise<Lint> {
  switch (tool) {
    case 'write-good': {
      const { default: writeGood } = (await import('write-good')) as { default: (text: string) => unknown[] };
      return (text) => Promise.resolve(writeGood(text).length);
    }
    case 'alex': {
      const alex = await import('alex');
      return (text) => Promise.resolve(alex.text(text).messages.length);
    }
    case 'harper.js': {
      const { LocalLinter } = await import('harper.js');
      const { binary } = await import('harper.js/binary');
      const linter = new LocalLinter({ binary });
      await linter.setup();
      return async (text) => (await linter.lint(text, { language: 'plaintext' })).length;
    }
  }
}

function version(tool: Peer): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', tool, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

async function main(): Promise<void> {
  const [tool, input] = process.argv.slice(2) as [Peer, string];
  if (!PEERS.includes(tool) || !input) throw new Error('usage: peers.ts TOOL DOCS.json');
  const { docs } = JSON.parse(readFileSync(input, 'utf8')) as PeerInput;
  const t0 = performance.now();
  const lint = await load(tool);
  const startupMs = performance.now() - t0;
  // One untimed run warms the JIT, as the analyser's own figures are taken after a warm-up.
  await lint(docs[0]!.text);
  const sizes: PeerResult['sizes'] = [];
  for (const d of docs) {
    const times: number[] = [];
    let findings = 0;
    for (let r = 0; r < d.runs; r++) {
      const t = performance.now();
      findings = await lint(d.text);
      times.push(performance.now() - t);
    }
    sizes.push({ words: d.words, times, findings });
  }
  const result: PeerResult = { tool, version: version(tool), startupMs, sizes, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(result));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
