// Headless Debian Chromium driven by playwright-core (no browser download: we pass the binary).
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import type { ServerDirs } from './vscodeServer';
import { isolatedEnv } from './vscodeServer';
import type { Tools } from './tools';

/** A fresh browser profile with one page. `close()` ends the browser. */
export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(tools: Tools, dirs: ServerDirs, name: string): Promise<Session> {
  const profile = mkdtempSync(join(dirs.tmp, `chromium-${name}-`));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(isolatedEnv(dirs))) if (v !== undefined) env[k] = v;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return { context, page, close: () => context.close() };
}

// Console lines of the workbench that say nothing about the extension: no gallery, no service
// worker, no vsda signing module, favicon and manifest 404s.
const NOISE = /Failed to load resource|open-vsx|Manifest|ServiceWorker|service worker|vsda|getaddrinfo|ERR_NAME_NOT_RESOLVED|marketplace|gallery/i;

/**
 * Calls `onLine` with each console message of the page, formatted the way Node would print it.
 * The extension host forwards `console.log(fmt, ...args)` unformatted, so we format here.
 */
export function onConsole(page: Page, onLine: (line: string) => void): void {
  page.on('console', (message: ConsoleMessage) => {
    void (async () => {
      let text: string;
      try {
        const args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => '?') as Promise<unknown>));
        text = format(...args);
      } catch {
        text = message.text();
      }
      // The workbench prefixes extension-host output with a styled "[Extension Host]" tag.
      text = text
        .replace(/%c\[Extension Host\] ?/g, '')
        .replace(/color: [^ ]+ ?/g, '')
        .replace(/^\s*(INFO|ERR|WARN)\s+/, '')
        .trim();
      if (text && !NOISE.test(text)) onLine(text);
    })();
  });
}
