// The VS Code server that ships inside code-server (VS Code 1.139), started directly rather than
// through code-server's wrapper: only server-main.js accepts --enable-smoke-test-driver, which
// makes the built workbench honour the `payload` URL parameter (extensionTestsPath) and report
// the tests' exit code through window.codeAutomationExit.
import { copyFileSync, createWriteStream, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, spawnGroup, stopGroup } from './processes';
import type { Tools } from './tools';

/** Folders of one run, all under the run's temporary folder. */
export interface ServerDirs {
  userData: string;
  serverData: string;
  extensions: string;
  /** Private TMPDIR and XDG folders: VS Code, Node and Chromium leave sockets and caches there. */
  tmp: string;
  xdg: string;
  log: string;
}

export function serverDirs(runDir: string): ServerDirs {
  const dirs: ServerDirs = {
    userData: join(runDir, 'user-data'),
    serverData: join(runDir, 'server-data'),
    extensions: join(runDir, 'extensions'),
    tmp: join(runDir, 'tmp'),
    xdg: join(runDir, 'xdg'),
    log: join(runDir, 'server.log'),
  };
  for (const d of [join(dirs.userData, 'User'), dirs.serverData, dirs.extensions, dirs.tmp, dirs.xdg]) mkdirSync(d, { recursive: true });
  // Settings that remove the trust prompt, the welcome page, chat, tips and update checks.
  copyFileSync(join(__dirname, '..', 'settings.json'), join(dirs.userData, 'User', 'settings.json'));
  return dirs;
}

/** An environment that keeps everything the editor and browser write inside the run folder. */
export function isolatedEnv(dirs: ServerDirs, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_STATE_HOME: join(dirs.xdg, 'state'),
    ...extra,
  };
}

const commonArgs = (dirs: ServerDirs): string[] => [
  '--accept-server-license-terms',
  '--user-data-dir',
  dirs.userData,
  '--server-data-dir',
  dirs.serverData,
  '--extensions-dir',
  dirs.extensions,
];

/** Installs a .vsix into the run's extensions folder; returns the installed extension's folder. */
export async function installVsix(tools: Tools, dirs: ServerDirs, vsix: string, extensionId: string): Promise<string> {
  const serverMain = join(tools.vscodeServer, 'out', 'server-main.js');
  const { stdout } = await run(tools.node24, [serverMain, ...commonArgs(dirs), '--install-extension', vsix], {
    env: isolatedEnv(dirs),
    timeoutMs: 60_000,
  });
  if (!/successfully installed/.test(stdout)) throw new Error(`installing ${vsix} printed no success:\n${stdout}`);
  const folder = readdirSync(dirs.extensions).find((f) => f.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (!folder) throw new Error(`${extensionId} is not in ${dirs.extensions} after installing ${vsix}`);
  return join(dirs.extensions, folder);
}

/** A running VS Code server. */
export interface VsCodeServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1 with a port the system picks, and resolves once `/version`
 * answers. `env` reaches the extension host: it inherits the server's environment, so anything
 * the in-host tests read must be set here, not in the browser.
 */
export async function startServer(tools: Tools, dirs: ServerDirs, env: Record<string, string>): Promise<VsCodeServer> {
  const serverMain = join(tools.vscodeServer, 'out', 'server-main.js');
  const args = [
    serverMain,
    ...commonArgs(dirs),
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--without-connection-token',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
  ];
  const child = spawnGroup(tools.node24, args, { env: isolatedEnv(dirs, env), stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(dirs.log);
  child.stderr?.pipe(log);
  const stop = (): Promise<void> => stopGroup(child.pid);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`VS Code server printed no port within 30 s:\n${seen}`)), 30_000);
      child.on('exit', (code) => reject(new Error(`VS Code server exited with ${code} before listening:\n${seen}`)));
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        log.write(chunk);
        seen += chunk;
        const m = /Extension host agent listening on (\d+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    const origin = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ok = await fetch(`${origin}/version`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`${origin}/version did not answer within 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { origin, port, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
