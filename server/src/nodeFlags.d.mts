// Types of nodeFlags.mjs, for the TypeScript that imports it (client, tests, bench).

/** The Node command-line flags the language server is started with. */
export declare const SERVER_NODE_FLAGS: readonly string[];
