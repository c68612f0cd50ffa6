// Test-only hooks, switched on by environment variables of the server process (never by a
// document, a setting or a client message, so nothing a user types can reach them):
//
//   FACTCHECK_DEBUG=1                  answers `factcheck/debugState`: heap after a full GC (when
//                                      node runs with --expose-gc) and the sizes of every
//                                      per-document table, for the memory and load tests.
//   FACTCHECK_TEST_FAIL_RULE=<rule id> makes that rule throw on every document, for the fault test.
import type { Connection } from 'vscode-languageserver';
import { RULE_CHECKS } from './analysis/rules';

/** What `factcheck/debugState` answers. */
export interface DebugState {
  /** `process.memoryUsage()` after `gc()`, in bytes; `gc` is false when node was started without --expose-gc. */
  heapUsed: number;
  rss: number;
  gc: boolean;
  /** Sizes of the per-document tables (open documents, cached analyses, running jobs, timers ...). */
  tables: Record<string, number>;
}

export const DEBUG_STATE_METHOD = 'factcheck/debugState';

/**
 * Installs the hooks the environment asks for. `tables` reports the current tables (they are
 * replaced on initialize, so it is called on every request).
 */
export function installDebugHooks(connection: Connection, tables: () => Record<string, number>, env: NodeJS.ProcessEnv = process.env): void {
  const failing = env.FACTCHECK_TEST_FAIL_RULE;
  const rule = failing ? RULE_CHECKS.find((r) => r.id === failing) : undefined;
  if (rule) {
    rule.check = () => {
      throw new Error(`injected failure in ${rule.id} (FACTCHECK_TEST_FAIL_RULE)`);
    };
  }
  if (env.FACTCHECK_DEBUG !== '1') return;
  connection.onRequest(DEBUG_STATE_METHOD, (): DebugState => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const memory = process.memoryUsage();
    return { heapUsed: memory.heapUsed, rss: memory.rss, gc: gc !== undefined, tables: tables() };
  });
}
