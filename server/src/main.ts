// Entry point of server/dist/server.js. The transport comes from the command line: `--stdio`
// (Neovim, Helix, Emacs, the tests) or `--node-ipc` (the VS Code client).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { describe } from './guard';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);

// Nothing may write to stdout but the protocol: send console output to the client's log instead.
/* eslint-disable no-console -- replacing console is the point here */
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
/* eslint-enable no-console */

// Log and keep serving: one bad document must not take the editor's checker down.
process.on('uncaughtException', (error) => connection.console.error(`factcheck: uncaught: ${describe(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`factcheck: unhandled rejection: ${describe(reason)}`));

startServer(connection);
