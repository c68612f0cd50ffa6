// Results of every layer, printed as they come and summed up in one closing line.

/** One test's outcome. `layer` is `host` (inside the extension host), `ui` (Playwright) or `nvim`. */
export interface TestResult {
  layer: string;
  name: string;
  ok: boolean;
  ms: number;
  /** For a failure: what was expected and what happened, readable as is. */
  error?: string;
}

const results: TestResult[] = [];

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Records a result and prints it. `quiet` skips the print when the line was already shown live. */
export function record(result: TestResult, quiet = false): void {
  results.push(result);
  if (quiet) return;
  const line = `${result.ok ? 'ok' : 'not ok'} - ${result.layer} › ${result.name} (${result.ms} ms)`;
  console.log(result.error ? `${line}\n${indent(result.error)}` : line);
}

export function allResults(): readonly TestResult[] {
  return results;
}

/** The closing line CI reads: `N passed, N failed`. */
export function summaryLine(): string {
  const failed = results.filter((r) => !r.ok).length;
  return `${results.length - failed} passed, ${failed} failed`;
}

/**
 * Runs a named step, recording it as passed or failed. Returns false on failure so a caller can
 * skip steps that depend on it (those are recorded as failed too, with the reason).
 */
export async function step(layer: string, name: string, body: () => Promise<void>): Promise<boolean> {
  const t0 = Date.now();
  try {
    await body();
    record({ layer, name, ok: true, ms: Date.now() - t0 });
    return true;
  } catch (e) {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    record({ layer, name, ok: false, ms: Date.now() - t0, error: trimStack(error) });
    return false;
  }
}

/** Keeps the message and the stack frames in our own test files; drops node_modules frames. */
export function trimStack(stack: string): string {
  return stack
    .split('\n')
    .filter((l) => !/^\s+at /.test(l) || (/test\/e2e\//.test(l) && !/node_modules/.test(l)))
    .join('\n');
}
