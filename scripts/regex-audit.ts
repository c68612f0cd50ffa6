// `node --import tsx scripts/regex-audit.ts`: every regular expression literal (and `new RegExp`)
// in client/src and server/src, timed on pumped adversarial strings (a prefix, one unit repeated
// 1,000 to 8,000 times, a suffix that makes the match fail), flagging any whose time grows faster
// than linearly. A check for the review in docs/robustness.md, not a proof: it tries the shapes
// that make backtracking engines blow up (overlapping repeats before a failing tail).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexSite {
  file: string;
  line: number;
  source: string;
  /** The compiled expression; `null` for a `new RegExp(...)` whose pattern is not a literal. */
  regex: RegExp | null;
}

const ROOT = join(__dirname, '..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every regular expression written in the product's sources, with where it is. */
export function regexSites(): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const file of [...tsFiles(join(ROOT, 'client', 'src')), ...tsFiles(join(ROOT, 'server', 'src'))]) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const m = /^\/(.*)\/([a-z]*)$/s.exec(text)!;
        sites.push({ file: relative(ROOT, file), line, source: text, regex: new RegExp(m[1]!, m[2]) });
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        sites.push({ file: relative(ROOT, file), line, source: node.getText(), regex: null });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return sites;
}

const PREFIXES = ['', ' ', '?', 'a', 'A', '1', '#', '## Sources', 'but', '<', '<a', '<!--', '<!-- factcheck-ignore', '[^', '^', '```', "Option '--", 'Mr', '“', '"'];
const PUMPS = [' ', '\t', '\u00a0', 'a', 'A', '1', '-', '.', ',', '?', "'", '’', '#', 'A ', 'a-', '1.', ', ', 'ab ', '-->', '[^a', 'x\u0301'];
const SUFFIXES = ['x', '!', '\n', ''];

/** The literal text an anchored pattern starts with (`^## Sources` -> `## Sources`), to get past its anchor. */
function literalPrefix(source: string): string {
  const m = /^\/\^((?:[^\\[\](){}*+?|.^$/]|\\[^dDwWsSbBpPu0-9])*)/.exec(source);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : '';
}

function timeIt(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const start = process.hrtime.bigint();
  if (re.global) for (const _ of text.matchAll(re));
  else re.exec(text);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Sites whose time on some pumped input grows superlinearly, with the input that shows it. */
export function superlinear(sites: readonly RegexSite[]): { site: RegexSite; input: string; ms: number }[] {
  const flagged: { site: RegexSite; input: string; ms: number }[] = [];
  for (const site of sites) {
    const re = site.regex;
    if (!re) continue;
    let worst: { input: string; ms: number } | undefined;
    for (const prefix of [...PREFIXES, literalPrefix(site.source)]) {
      for (const unit of PUMPS) {
        for (const suffix of SUFFIXES) {
          const at = (n: number) => timeIt(re, prefix + unit.repeat(n) + suffix);
          const small = at(1000);
          const big = at(4000);
          // Linear: 4x the input, about 4x the time. Re-measure before flagging (timers are noisy).
          if (big < 2 || big / Math.max(small, 0.05) < 8) continue;
          const bigger = at(8000);
          if (bigger > 20 && bigger / Math.max(at(4000), 0.05) > 3 && (!worst || bigger > worst.ms)) worst = { input: `${JSON.stringify(prefix)} + ${JSON.stringify(unit)} x n + ${JSON.stringify(suffix)}`, ms: bigger };
        }
      }
    }
    if (worst) flagged.push({ site, ...worst });
  }
  return flagged;
}

/**
 * Patterns that are superlinear on some input but never see one: the review in docs/robustness.md
 * says why for each. Anything else flagged fails the audit.
 */
export const BOUNDED: Record<string, string> = {
  '/[.,;:]+$/u': 'resolve.ts: one word of a speaker mention (a dozen tokens at most, punctuation tokens are one character)',
  '/[,;:]+$/u': 'resolve.ts: a speaker mention (a dozen tokens at most)',
  "/^Option '(?:-\\w, )?(--[\\w-]+)[^']*' argument missing/": "cli/args.ts: node's parseArgs message about one of the CLI's own options",
  '/#.*$/': 'cli/meta.ts: the repository URL from package.json',
  '/^-+|-+$/g': 'noteEdits.ts: a slug in which /[^a-z0-9]+/g has already collapsed every run of dashes to one',
  '/^(\\s*<!--\\s*factcheck-ignore\\b)(.*?)\\s*-->\\s*$/': 'noteEdits.ts: only run on lines of at most 1,000 characters',
};

if (require.main === module) {
  const sites = regexSites();
  const all = superlinear(sites);
  const flagged = all.filter((f) => !(f.site.source in BOUNDED));
  for (const f of all) console.log(`${f.site.file}:${f.site.line} ${f.site.source}\n  superlinear on ${f.input} (${f.ms.toFixed(0)} ms at n = 8,000)${f.site.source in BOUNDED ? `; bounded input: ${BOUNDED[f.site.source]}` : ''}`);
  for (const s of sites.filter((x) => !x.regex)) console.log(`${s.file}:${s.line} ${s.source}: built at run time, review by hand`);
  console.log(`${sites.length} regular expressions; ${all.length} superlinear on the inputs tried, ${flagged.length} of them on input they can meet`);
  process.exitCode = flagged.length > 0 ? 1 : 0;
}
