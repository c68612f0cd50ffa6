import { parseArgs } from 'node:util';
// ruleInfo and types, not the analysis index: the main thread must not load the NLP engine
// when worker threads do the analysis (or for --help).
import { RULE_IDS } from '../analysis/ruleInfo';
import type { RuleId, SeveritySetting } from '../analysis/types';

/** Output formats of the report. */
export type OutputFormat = 'text' | 'json' | 'sarif';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * What the command line asked for. Example: `factcheck -f json -r claim.unsourced=off news/`
 * gives `{ format: 'json', severities: { 'claim.unsourced': 'off' }, paths: ['news/'], ... }`.
 */
export interface CliOptions {
  format: OutputFormat;
  /** Per-rule severity overrides from `--rule ID=SEVERITY` (the last one for an id wins). */
  severities: Partial<Record<RuleId, SeveritySetting>>;
  /** Where the report goes; `null` for standard output. */
  output: string | null;
  /** Upper bound on worker threads; `null` for the number of cores. */
  jobs: number | null;
  /** Name shown for text read from `-`; its extension picks the format. */
  stdinFilename: string | null;
  /** `false` with `--no-progress`: never draw the progress bar. */
  progress: boolean;
  /** Files, folders or `-`, in the order given. */
  paths: string[];
}

export type ParsedArgs =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export const HELP = `Usage: factcheck [options] PATH...

Checks news articles for attributed quotes, unsourced claims and vague or anonymous sources.
PATH is a file, a folder (searched for .md, .markdown, .txt and .article files, skipping
node_modules and dot-folders) or - for standard input. Markdown (.md, .markdown) is parsed
as Markdown; everything else as plain text. The checked files are never modified.

Options:
  -f, --format FORMAT        text (default), json or sarif
  -r, --rule ID=SEVERITY     set a rule's severity: error, warning, information, hint or off;
                             repeat for several rules. Rules:
                             ${RULE_IDS.join(', ')}
  -o, --output FILE          write the report to FILE instead of standard output
  -j, --jobs N               analyse with at most N worker threads (default: number of cores)
      --stdin-filename NAME  name, and by its extension format, of the text read from -
      --no-progress          never draw the progress bar (drawn on a terminal for many files)
  -h, --help                 print this help
  -v, --version              print the version

Exit status:
  0  no finding at warning or error severity
  1  findings at warning or error severity
  2  usage or read errors (one line each on standard error; the other files are still
     checked and the report is complete)
`;

/** Parses `argv` (without `node` and the script). Never throws. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        rule: { type: 'string', short: 'r', multiple: true },
        output: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        'stdin-filename': { type: 'string' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (e) {
    return { kind: 'usage-error', message: parseArgsMessage(e) };
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const format = (values.format as string | undefined) ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    return { kind: 'usage-error', message: `unknown format "${format}" (use ${OUTPUT_FORMATS.join(', ')})` };
  }

  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const spec of (values.rule as string[] | undefined) ?? []) {
    const parsed = parseRuleSpec(spec);
    if (typeof parsed === 'string') return { kind: 'usage-error', message: parsed };
    severities[parsed.id] = parsed.severity;
  }

  let jobs: number | null = null;
  if (values.jobs !== undefined) {
    const text = values.jobs as string;
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
      return { kind: 'usage-error', message: `--jobs wants a whole number of at least 1, not "${text}"` };
    }
    jobs = n;
  }

  const output = (values.output as string | undefined) ?? null;
  if (output === '') return { kind: 'usage-error', message: '--output wants a file name' };

  if (positionals.length === 0) {
    return { kind: 'usage-error', message: 'no PATH given (a file, a folder, or - for standard input)' };
  }
  if (positionals.filter((p) => p === '-').length > 1) {
    return { kind: 'usage-error', message: 'standard input (-) can be read only once' };
  }
  const empty = positionals.find((p) => p === '');
  if (empty !== undefined) return { kind: 'usage-error', message: 'an empty PATH was given' };

  return {
    kind: 'run',
    options: {
      format: format as OutputFormat,
      severities,
      output,
      jobs,
      stdinFilename: (values['stdin-filename'] as string | undefined) ?? null,
      progress: !values['no-progress'],
      paths: positionals,
    },
  };
}

/** `claim.unsourced=off` -> `{ id, severity }`, or a message saying what is wrong. */
export function parseRuleSpec(spec: string): { id: RuleId; severity: SeveritySetting } | string {
  const eq = spec.indexOf('=');
  if (eq < 0) return `--rule wants ID=SEVERITY, e.g. claim.unsourced=off, not "${spec}"`;
  const id = spec.slice(0, eq).trim();
  const severity = spec.slice(eq + 1).trim().toLowerCase();
  if (!(RULE_IDS as readonly string[]).includes(id)) {
    return `unknown rule "${id}" in --rule ${spec} (rules: ${RULE_IDS.join(', ')})`;
  }
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
    return `unknown severity "${spec.slice(eq + 1)}" in --rule ${spec} (use ${SEVERITY_SETTINGS.join(', ')})`;
  }
  return { id: id as RuleId, severity: severity as SeveritySetting };
}

/** Node's parseArgs messages are long and mention JavaScript; keep the part a user needs. */
function parseArgsMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    return `unknown option ${option}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (missing) return `${missing[1]} wants a value`;
    return message.replace(/'/g, '');
  }
  return message.split('. ')[0] ?? message;
}
