// The command line is a batch job of a few seconds, and V8's optimising compiler is tuned for
// programs that run for longer. Checking the 150 PolNeAR articles on one thread, its background
// compile jobs took about 2 s of CPU, as much as the analysis itself, and every worker thread
// compiles its own copy of the same code: two workers were barely faster than one. Without
// inlining, and with functions optimised after more calls, two workers checked those articles
// ~23% faster on Node 20, and four times as many words ~16% faster. Two costly TurboFan passes,
// loop peeling and escape analysis, are off too: on one thread over PolNeAR they cut its compile
// time by about a quarter (~440 -> ~340 ms by --trace-opt), and two workers ran ~4% faster (38
// interleaved runs each). These flags steer only when and how V8 compiles; the findings are the
// same byte for byte.
// This module is imported first by cli.ts, so the flags are set before the analyser is loaded;
// worker threads share the process's V8 flags. The language server (long-running) does not set
// these; its one flag is given on its command line (nodeFlags.mjs).
import { setFlagsFromString } from 'node:v8';

// `--interrupt-budget` (V8's default 67,584) is V8 11's name, Node 20's: later V8s tier up in
// other steps, and print an error for a flag they do not know, so it is set on V8 11 only.
const onV8Eleven = process.versions.v8.split('.')[0] === '11';
const FLAGS = ['--no-turbo-inlining', '--no-turbo-loop-peeling', '--no-turbo-escape', ...(onV8Eleven ? ['--interrupt-budget=300000'] : [])];

for (const flag of FLAGS) setFlagsFromString(flag);
