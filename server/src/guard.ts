// Robust glue: a request handler that throws is logged to the client's output channel and
// answered with an empty result; a cancelled request is answered as cancelled. Never a crash.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Connection } from 'vscode-languageserver';

/** Describes an error with its stack for the log. */
export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wraps a request handler. Example:
 * `connection.onHover(guard(connection, 'hover', null, async (params) => ...))`.
 */
export function guard<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params, token) => {
    try {
      const result = await handler(params, token);
      if (token.isCancellationRequested) return new ResponseError<never>(LSPErrorCodes.RequestCancelled, `${name} cancelled`);
      return result;
    } catch (error) {
      connection.console.error(`factcheck: ${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}
