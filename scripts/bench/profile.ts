// CPU profiles of one phase (node:inspector, in this process), summarised by function: where
// the analyser's time goes. Used by `npm run bench -- --profile`.
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from './corpus';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionCost {
  name: string;
  /** Milliseconds spent in the function itself. */
  selfMs: number;
  /** Milliseconds with everything it called (each sample counted once per function). */
  totalMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: FunctionCost[];
}

function where(url: string): string {
  if (!url) return '';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  return relative(REPO, path).replace(/^node_modules\/([^/]+)\/.*/, '$1');
}

/** Profiles `fn` (sampling every 100 µs) and sums the samples by function. */
export async function profile(fn: () => unknown): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await fn();
  const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode): string => {
    const file = where(n.callFrame.url);
    // A dependency's functions carry the package name: `tokenize (compromise)`.
    if (file && !file.includes('/')) return `${n.callFrame.functionName || '(anonymous)'} (${file})`;
    return `${n.callFrame.functionName || '(anonymous)'}${file ? ` ${file}` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const functions = [...total.keys()].map((name) => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name) ?? 0 }));
  return { totalMs: all, functions };
}

/** The costliest functions, by self time, then by total time within `prefix`. */
export function report(title: string, s: ProfileSummary, prefix = 'server/src/', top = 12): string {
  const lines = [`${title}: ${s.totalMs.toFixed(0)} ms sampled`];
  const fmt = (f: FunctionCost): string => `  ${f.selfMs.toFixed(1).padStart(8)} self ${f.totalMs.toFixed(1).padStart(8)} total  ${f.name}`;
  lines.push(' by self time:');
  for (const f of [...s.functions].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) lines.push(fmt(f));
  lines.push(` by total time, ${prefix} only:`);
  for (const f of s.functions.filter((f) => f.name.includes(prefix)).sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) lines.push(fmt(f));
  return lines.join('\n');
}
