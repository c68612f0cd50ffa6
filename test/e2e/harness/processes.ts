// Child processes the e2e run starts. Each one leads its own process group (spawn's `detached`
// calls setsid), so stopping it also stops what it forked: the VS Code server leaves a file
// watcher and extension hosts behind when only its own pid is killed.
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

const groups = new Set<number>();

/** Starts `command` as the leader of a new process group that {@link stopAll} will stop. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) groups.add(child.pid);
  return child;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** SIGTERM to the group, then SIGKILL to whatever is left after `graceMs`. */
export async function stopGroup(pgid: number | undefined, graceMs = 3000): Promise<void> {
  if (pgid === undefined) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await delay(50);
  if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  groups.delete(pgid);
}

/** Stops every group still running (used on the way out, also after a failure). */
export async function stopAll(): Promise<void> {
  await Promise.all([...groups].map((pgid) => stopGroup(pgid)));
}

/** Last resort when the runner itself is exiting: no time to wait, so SIGKILL. */
export function killAllNow(): void {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
  groups.clear();
}

/** Runs a command to completion, capturing its output; rejects with the output on a non-zero exit. */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          void stopGroup(child.pid, 500);
          stderr += `\n(killed after ${options.timeoutMs} ms)`;
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) groups.delete(child.pid);
      if (code === 0) resolve({ stdout, stderr });
      else {
        const tail = (stderr || stdout).trim().split('\n').slice(-30).join('\n');
        reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${tail}`));
      }
    });
  });
}
