// How the language server's Node is started: by the VS Code client, by the tests and the bench,
// and in the README's commands for Neovim and other editors. An ES module of plain data, so the bench's
// launcher (a .mjs script) reads the same list as the TypeScript client.

/**
 * A 32 MB semi-space (V8's default on 64-bit is 16 MB): typing in a long document allocates about
 * 8 MB per keystroke (the new findings and diagnostics), and the larger young generation halves
 * the collections that copy what is still alive. At 100,000 words the median keystroke went from
 * 10-11 to 8.3-9.3 ms and the mean down 10-25%, on Node 20 and 24 alike, with the same peak RSS
 * after opening. Node reads the flag on its command line only: set at run time it does nothing.
 * Where a runtime ignores it (old Electrons did, run as Node), the server runs as before.
 */
export const SERVER_NODE_FLAGS = Object.freeze(['--max-semi-space-size=32']);
