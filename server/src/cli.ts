// The factcheck command: the same analyse() as the editor, over files, folders or standard input.
//   factcheck [--format text|json|sarif] [--rule ID=SEVERITY ...] [--output FILE] PATH...
// Exit status 0: nothing at warning or above; 1: findings at warning or error; 2: usage or read errors.
// First, before any other module runs: the V8 flags for a short batch job (see cli/jit.ts).
import './cli/jit';
import { existsSync } from 'node:fs';
import { realpath, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { HELP, parseCliArgs } from './cli/args';
import type { CliOptions } from './cli/args';
import { jsonReport } from './cli/format/json';
import { sarifReport } from './cli/format/sarif';
import { textFindings, textSummary } from './cli/format/text';
import { collectInputs } from './cli/inputs';
import { VERSION } from './cli/meta';
import { checkAll } from './cli/pool';
import { Progress } from './cli/progress';
import { exitCodeOf, ruleErrorLines } from './cli/report';
import type { CheckOptions, FileReport, RunResult } from './cli/report';

/** Runs the command and resolves to its exit status. Writes only to stdout, stderr and `--output`. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'usage-error':
      return usageError(parsed.message);
    case 'run':
      return run(parsed.options);
  }
}

function usageError(message: string): number {
  process.stderr.write(`factcheck: ${message}\nRun 'factcheck --help' for usage.\n`);
  return 2;
}

async function run(options: CliOptions): Promise<number> {
  const cwd = process.cwd();
  const collected = await collectInputs(options.paths, cwd, options.stdinFilename);
  for (const p of collected.problems) process.stderr.write(`factcheck: ${p.path}: ${p.message}\n`);

  let outputPath: string | null = null;
  if (options.output !== null) {
    outputPath = resolve(cwd, options.output);
    const real = await realpath(outputPath).catch(() => outputPath);
    if (real !== null && collected.realPaths.has(real)) {
      return usageError(`--output ${options.output} is one of the checked files; it is never overwritten`);
    }
  }

  const stdinInput = collected.inputs.find((i) => i.absPath === null);
  if (stdinInput) stdinInput.stdin = await readStdin();

  const checkOptions: CheckOptions = { severities: options.severities };
  const streamText = options.format === 'text' && outputPath === null;
  const progress = Progress.create(process.stderr, collected.inputs.length, options.progress);
  const say = (print: () => void): void => (progress ? progress.interrupt(print) : print());
  const onReport = (report: FileReport): void => {
    if (report.error !== undefined) say(() => process.stderr.write(`factcheck: ${report.input.path}: ${report.error}\n`));
    for (const line of ruleErrorLines(report)) say(() => process.stderr.write(`factcheck: ${report.input.path}: ${line}\n`));
    if (report.note !== undefined) say(() => process.stderr.write(`factcheck: ${report.input.path}: note: ${report.note}\n`));
    if (streamText && report.findings.length > 0) say(() => process.stdout.write(textFindings(report)));
  };
  const workerScript = join(__dirname, 'cliWorker.js');
  const reports = await checkAll(collected.inputs, checkOptions, {
    jobs: options.jobs ?? availableParallelism(),
    workerScript: existsSync(workerScript) ? workerScript : null,
    onReport,
    onProgress: (done) => progress?.update(done),
  });
  progress?.clear();

  let exitCode = exitCodeOf(reports, collected.problems);
  const result: RunResult = { reports, problems: collected.problems, options: checkOptions, exitCode };
  let output: string;
  if (options.format === 'json') output = jsonReport(result);
  else if (options.format === 'sarif') output = sarifReport(result, cwd);
  else output = (streamText ? '' : reports.map(textFindings).join('')) + textSummary(reports, collected.problems);

  if (outputPath === null) {
    process.stdout.write(output);
  } else {
    try {
      await writeFile(outputPath, output);
    } catch (e) {
      const code = (e as { code?: string }).code;
      process.stderr.write(`factcheck: ${options.output}: cannot write the report (${code ?? String(e)})\n`);
      exitCode = 2;
    }
  }
  return exitCode;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

// A closed pipe (`factcheck ... | head`) is not an error worth a stack trace: stop at once with
// the status a tool killed by SIGPIPE has (128 + 13), as grep or cat would.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(141);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`factcheck: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
