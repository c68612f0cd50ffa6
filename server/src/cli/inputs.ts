import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ArticleFormat } from '../analysis';
import { fsErrorMessage } from './read';
import type { ArticleInput, PathProblem } from './report';

/** Extensions searched for in folders (case-insensitive). A file named on the command line is checked whatever its name. */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.article'];

/** Folder names never entered while walking (dot-folders are skipped too). */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** Markdown for `.md` and `.markdown`, plain text for everything else. */
export function formatForPath(path: string): ArticleFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'plaintext';
}

export function isArticleName(name: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** What {@link collectInputs} found. */
export interface Collected {
  inputs: ArticleInput[];
  problems: PathProblem[];
  /** Real paths of every article found, to refuse `--output` over one of them. */
  realPaths: Set<string>;
}

/**
 * Expands command-line PATHs into articles, in order: a file as given, a folder walked in sorted
 * order (article extensions only; `node_modules` and dot-entries skipped), `-` as standard input.
 * Symbolic links are followed; a link back to a folder being walked is reported as a loop and not
 * entered, and a file or folder reached twice is checked once. Never throws.
 */
export async function collectInputs(paths: readonly string[], cwd: string, stdinFilename: string | null): Promise<Collected> {
  const collected: Collected = { inputs: [], problems: [], realPaths: new Set() };
  const visitedFolders = new Set<string>();
  /** Articles met, including those already added through another path (checked once, but there). */
  let articlesMet = 0;
  const add = (path: string, absPath: string | null, real: string | null): void => {
    articlesMet++;
    if (real !== null) {
      if (collected.realPaths.has(real)) return;
      collected.realPaths.add(real);
    }
    const format = formatForPath(absPath === null ? (stdinFilename ?? '') : path);
    collected.inputs.push({ index: collected.inputs.length, path, absPath, format });
  };
  const problem = (path: string, absPath: string | null, message: string): void => {
    collected.problems.push({ path, absPath, message });
  };

  for (const given of paths) {
    if (given === '-') {
      add(stdinFilename ?? '<stdin>', null, null);
      continue;
    }
    const abs = resolve(cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch (e) {
      problem(given, abs, await missingMessage(abs, e));
      continue;
    }
    if (info.isDirectory()) {
      // A folder already walked (given twice, or inside one given before: `news news/sport`) was checked then.
      const walkedBefore = visitedFolders.has(await realpath(abs).catch(() => abs));
      const before = articlesMet;
      const beforeProblems = collected.problems.length;
      await walk(abs, given, new Set(), visitedFolders, add, problem);
      if (!walkedBefore && articlesMet === before && collected.problems.length === beforeProblems) {
        problem(given, abs, `no articles (${ARTICLE_EXTENSIONS.join(', ')} files) in this folder`);
      }
    } else if (info.isFile()) {
      add(given, abs, await realpath(abs).catch(() => abs));
    } else {
      problem(given, abs, 'not a regular file or folder');
    }
  }
  return collected;
}

type Add = (path: string, absPath: string, real: string) => void;
type Problem = (path: string, absPath: string, message: string) => void;

async function walk(
  dirAbs: string,
  display: string,
  ancestors: Set<string>,
  visited: Set<string>,
  add: Add,
  problem: Problem,
): Promise<void> {
  let real: string;
  try {
    real = await realpath(dirAbs);
  } catch (e) {
    problem(display, dirAbs, fsErrorMessage(e));
    return;
  }
  if (ancestors.has(real)) {
    problem(display, dirAbs, 'symbolic link loop (links back to a folder that contains it); not entered');
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    problem(display, dirAbs, fsErrorMessage(e));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  ancestors.add(real);
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) continue;
    const abs = join(dirAbs, name);
    const shown = join(display, name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let entryReal = join(real, name);
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
        entryReal = await realpath(abs);
      } catch (e) {
        // A dangling or looping link is a problem only when it is named like an article.
        if (isArticleName(name)) problem(shown, abs, await missingMessage(abs, e));
        continue;
      }
    }
    if (isDir) await walk(abs, shown, ancestors, visited, add, problem);
    else if (isFile && isArticleName(name)) add(shown, abs, entryReal);
  }
  ancestors.delete(real);
}

/** `no such file or folder`, or `broken symbolic link` when the name exists as a dangling link. */
async function missingMessage(abs: string, e: unknown): Promise<string> {
  if ((e as { code?: unknown }).code === 'ENOENT') {
    const link = await lstat(abs).catch(() => null);
    if (link?.isSymbolicLink()) return 'broken symbolic link (its target does not exist)';
  }
  return fsErrorMessage(e);
}
