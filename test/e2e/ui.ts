// What a user sees, driven through the workbench's DOM and keyboard: the installed VSIX is
// loaded, the seed article gets squiggles, the Problems panel lists the findings by rule, and
// Ctrl+. / Enter / Ctrl+S put a source note into the file on disk. A screenshot per step goes to
// .test-output/e2e/ (CI keeps it).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ArticleCase, ExpectedAttribution, ExpectedFinding } from './host/context';
import { openSession } from './harness/browser';
import { record, trimStack } from './harness/results';
import type { Tools } from './harness/tools';
import type { ServerDirs, VsCodeServer } from './harness/vscodeServer';

const EDITOR = '.editor-instance .monaco-editor';
const SQUIGGLE_CLASS: Record<ExpectedFinding['severity'], string> = {
  error: 'squiggly-error',
  warning: 'squiggly-warning',
  information: 'squiggly-info',
  hint: 'squiggly-hint',
};

/** 1-based line and column of a UTF-16 offset, as Quick Open's `:line:column` wants them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

async function quickOpen(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(query);
  // Wait for the row of what we typed: until the list catches up it shows recently opened files.
  if (!query.startsWith(':')) await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: query }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function openFile(page: Page, file: string): Promise<void> {
  await quickOpen(page, file);
  await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).first().waitFor();
}

/** Puts the cursor at a UTF-16 offset of the active editor's text. */
async function goToOffset(page: Page, text: string, offset: number): Promise<void> {
  const { line, column } = lineColumn(text, offset);
  await quickOpen(page, `:${line}:${column}`);
}

/**
 * Ctrl+. until the code-action menu opens. Right after a file opens or the cursor moves, VS Code
 * may still be asking the server for the actions at the cursor (or the quick-open box may still
 * hold the focus), and the key then shows nothing; a person presses it again.
 */
async function openCodeActions(page: Page): Promise<void> {
  const menu = page.locator('.action-widget .monaco-list-row.action').first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** The row of the open code-action menu whose text contains `title`, focused with the arrow keys. */
async function focusAction(page: Page, title: string): Promise<Locator> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await rows.first().waitFor();
  const n = await rows.count();
  for (let i = 0; i <= n; i++) {
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    if ((await focused.count()) > 0 && (await focused.innerText()).includes(title)) return focused;
    await page.keyboard.press('ArrowDown');
  }
  const all = await rows.allInnerTexts();
  throw new Error(`no "${title}" in the code-action menu; it offers: ${JSON.stringify(all)}`);
}

async function waitForDisk(file: string, predicate: (text: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = readFileSync(file, 'utf8');
    if (predicate(text)) return text;
    if (Date.now() > deadline) throw new Error(`${file} did not change as expected within ${timeoutMs} ms; it holds:\n${text.slice(-400)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

export async function runUiTests(o: {
  tools: Tools;
  dirs: ServerDirs;
  server: VsCodeServer;
  workspace: string;
  seed: ArticleCase;
  /** The project's own example article, for the README picture (absent until it exists). */
  example: { workspace: string; article: ArticleCase } | undefined;
  outDir: string;
  /** Where to copy the README picture too (docs/screenshot.png with --update-screenshot). */
  readmeScreenshot: string | undefined;
}): Promise<void> {
  const session = await openSession(o.tools, o.dirs, 'ui');
  const { page } = session;
  let shot = 0;
  const screenshot = async (name: string): Promise<string> => {
    const path = join(o.outDir, `ui-${String(++shot).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    return path;
  };
  // Steps depend on each other; after the first failure the rest are not run.
  let failed = false;
  const step = async (name: string, body: () => Promise<void>): Promise<void> => {
    if (failed) return;
    const t0 = Date.now();
    try {
      await body();
      record({ layer: 'ui', name, ok: true, ms: Date.now() - t0 });
    } catch (e) {
      failed = true;
      const path = await screenshot('failure').catch(() => '(no screenshot)');
      const error = e instanceof Error ? trimStack(e.stack ?? e.message) : String(e);
      record({ layer: 'ui', name, ok: false, ms: Date.now() - t0, error: `${error}\nscreenshot: ${path}` });
    }
  };

  const seedPath = join(o.workspace, o.seed.file);
  const seedText = readFileSync(seedPath, 'utf8');
  const claim = o.seed.findings.find((f) => f.rule === 'claim.unsourced');

  try {
    await step('the workbench loads with the installed Factcheck VSIX', async () => {
      await page.goto(`${o.server.origin}/?folder=${encodeURIComponent(o.workspace)}`);
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      // The Extensions view lists what is installed (no extensionDevelopmentPath here).
      await page.keyboard.press('Control+Shift+X');
      // The search box is a small editor that has the focus once the view opens.
      await page.locator('.extensions-viewlet .suggest-input-container .monaco-editor.focused').waitFor();
      await page.keyboard.type('@installed factcheck');
      await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Factcheck' }).first().waitFor();
      await screenshot('installed');
      await page.keyboard.press('Control+Shift+E');
    });

    await step(`${o.seed.file} shows squiggles`, async () => {
      await openFile(page, o.seed.file);
      const severities = new Set(o.seed.findings.map((f) => f.severity));
      for (const want of ['warning', 'information'] as const) {
        if (!severities.has(want)) throw new Error(`the CLI reports no ${want} in ${o.seed.file}; expected some`);
        await page.locator(`${EDITOR} .${SQUIGGLE_CLASS[want]}`).first().waitFor({ state: 'attached' });
      }
      await screenshot('squiggles');
    });

    await step('the Problems panel lists the findings with their rule codes', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.nth(1).waitFor();
      const expected = countBy(o.seed.findings, (f) => f.rule);
      // The status bar counts every finding the panel holds (the list itself is virtual).
      const status = (await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
      const wantWarnings = o.seed.findings.filter((f) => f.severity === 'warning').length;
      if (!status.includes(`Warnings: ${wantWarnings}`)) throw new Error(`status bar says "${status}"; the CLI counts ${wantWarnings} warnings`);
      const codes = (await page.locator('.markers-panel .marker-code').allInnerTexts()).map((c) => c.trim()).filter(Boolean);
      if (codes.length === 0) throw new Error('the Problems panel shows no rule codes');
      const unknown = codes.filter((c) => !expected.has(c.replace(/[()]/g, '')));
      if (unknown.length > 0) throw new Error(`codes the CLI does not report: ${unknown.join(', ')} (CLI: ${[...expected.keys()].join(', ')})`);
      await screenshot('problems');
    });

    await step('Ctrl+. on a claim offers "Add source note"', async () => {
      if (!claim) throw new Error(`the CLI reports no claim.unsourced in ${o.seed.file}`);
      await page.locator(`${EDITOR} .view-lines`).first().click({ position: { x: 5, y: 5 } });
      await goToOffset(page, seedText, claim.start + 1);
      await openCodeActions(page);
      await focusAction(page, 'Add source note');
      await screenshot('quick-fix-menu');
    });

    await step('Enter applies the quick fix and Ctrl+S saves the note to disk', async () => {
      if (!claim) throw new Error('no claim');
      // The menu, not the editor, must take the Enter (else it types a line break).
      await page.locator('.action-widget .monaco-list:focus-within').first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.action-widget .monaco-list-row.action').first().waitFor({ state: 'hidden' });
      await page.locator('.tabs-container .tab.active.dirty').waitFor();
      await page.keyboard.press('Control+S');
      const saved = await waitForDisk(seedPath, (t) => t !== seedText, 10_000);
      // The reference goes at the end of the claim's sentence; everything else is the old text
      // followed by the note's definition.
      const ref = /\[\^([\w-]+)\]/.exec(saved.slice(claim.start));
      if (!ref) throw new Error(`no [^id] reference after the claim in the saved file; it starts ${JSON.stringify(saved.slice(0, claim.end + 40))}`);
      const at = claim.start + ref.index;
      if (at < claim.end - 2 || at > claim.end + 2) throw new Error(`reference [^${ref[1]}] at offset ${at}, not at the claim's end (${claim.end})`);
      const without = saved.slice(0, at) + saved.slice(at + ref[0].length);
      if (!without.startsWith(seedText.trimEnd())) throw new Error('the saved file changed more than the reference and the definition');
      const definition = without.slice(seedText.trimEnd().length);
      if (!definition.includes(`[^${ref[1]}]:`)) throw new Error(`no definition [^${ref[1]}]: at the end; the end reads ${JSON.stringify(definition)}`);
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
      await screenshot('saved');
    });

    if (o.example) {
      const { workspace, article: example } = o.example;
      await step(`README picture: ${example.file} with squiggles and the quick-fix menu`, async () => {
        // A window of its own on a folder that holds only the example, sized for the README.
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.goto(`${o.server.origin}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
        await openFile(page, example.file);
        const text = readFileSync(join(workspace, example.file), 'utf8');
        // Best shown: a quote by a speaker who already has a note (the menu then also offers
        // "Cite existing note"); else any attributed quote; else the first finding.
        const noted = new Set(example.attributions.filter((a) => a.noteId !== null).map((a) => a.name));
        const quoteBy = (start: number): ExpectedAttribution | undefined => example.attributions.find((a) => a.quote.start === start);
        const target =
          example.findings.find((f) => f.rule === 'quote.attributed' && noted.has(quoteBy(f.start)?.name ?? null)) ??
          example.findings.find((f) => f.rule === 'quote.attributed') ??
          example.findings[0];
        if (!target) throw new Error(`the CLI reports no findings in ${example.file}`);
        await page.locator(`${EDITOR} .squiggly-warning`).first().waitFor({ state: 'attached' });
        await page.locator(`${EDITOR} .view-lines`).first().click({ position: { x: 5, y: 5 } });
        await goToOffset(page, text, target.start + 1);
        await openCodeActions(page);
        await focusAction(page, 'Add source note');
        const path = await screenshot('readme');
        if (o.readmeScreenshot) {
          mkdirSync(dirname(o.readmeScreenshot), { recursive: true });
          copyFileSync(path, o.readmeScreenshot);
        }
        await page.keyboard.press('Escape');
      });
    }
  } finally {
    await session.close();
  }
}
