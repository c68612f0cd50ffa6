// The command line is a batch job of a few seconds, and V8's optimising compiler is tuned for
// programs that run for longer. Checking the 150 PolNeAR articles on one thread, its background
// compile jobs took about 2 s of CPU, as much as the analysis itself, and every worker thread
// compiles its own copy of the same code: two workers were barely faster than one. Without
// inlining, and with functions optimised after more calls (V8's default budget is 67,584), two
// workers checked those articles ~23% faster, and four times as many words ~16% faster.
// These flags steer only when and how V8 compiles; the findings are the same byte for byte.
// This module is imported first by cli.ts, so the flags are set before the analyser is loaded;
// worker threads share the process's V8 flags. The language server (long-running) keeps V8's defaults.
import { setFlagsFromString } from 'node:v8';

export const CLI_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=300000'] as const;

for (const flag of CLI_V8_FLAGS) setFlagsFromString(flag);
