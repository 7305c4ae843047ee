// Shared helpers for running the extension inside VS Code's own server and web
// workbench (code-server, installed by install-test-vscode.mjs) driven by
// Debian's Chromium through playwright-core. Used by the integration-test
// launcher, the UI tests (test/ui/workbench.ts) and `npm start`.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOST = '127.0.0.1';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying hosts that an
// offline machine cannot reach.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const BASE_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
};

// ---------------------------------------------------------------------------
// Cleanup: every helper registers what it must undo. On normal exit or an
// uncaught error the synchronous part runs (kill, remove); on SIGINT, SIGTERM
// or SIGHUP the graceful part runs first (close the browser, stop the server),
// at most 10 s, then the process exits.

/** Resolves after `ms` without keeping the process alive (for races against a time limit). */
function deadline(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

const cleanups = new Set();
let handlersInstalled = false;
let signalExitCode;
let stopping = false;

function runSyncCleanups() {
  for (const entry of [...cleanups].reverse()) entry.sync();
}

async function onSignal(signal, number) {
  if (stopping) return; // a second Ctrl-C while stopping: keep going, the exit handler kills the rest
  stopping = true;
  const graceful = async () => {
    // In reverse order of registration: browser, then server, then their directories.
    for (const entry of [...cleanups].reverse()) await entry.graceful();
  };
  await Promise.race([graceful(), deadline(10_000)]);
  process.exit(signalExitCode ?? 128 + number);
}

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', runSyncCleanups);
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(signal, () => void onSignal(signal, number));
  }
}

/** The exit code after a stop by signal (default 128 + its number). */
export function setSignalExitCode(code) {
  signalExitCode = code;
}

/**
 * Registers a cleanup: `sync` must work inside an 'exit' handler; `graceful`
 * (optional) is preferred when there is time. Returns a function that runs
 * the sync one now (once).
 */
export function onCleanup(sync, graceful) {
  installExitHandlers();
  let done = false;
  const entry = {
    sync: () => {
      if (done) return;
      done = true;
      cleanups.delete(entry);
      try {
        sync();
      } catch {
        // best effort
      }
    },
    graceful: async () => {
      if (done) return;
      if (graceful) await graceful().catch(() => {});
      entry.sync();
    },
  };
  cleanups.add(entry);
  return entry.sync;
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

let swept = false;
/** Removes temp dirs left by runs that were killed (SIGKILL runs no cleanup): their pid is in the name. */
function sweepStaleTempDirs() {
  if (swept) return;
  swept = true;
  try {
    for (const name of readdirSync(tmpdir())) {
      const m = /^oii-[a-z-]+?-(\d+)-[A-Za-z0-9]{6}$/.exec(name);
      if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) {
        rmSync(join(tmpdir(), name), { recursive: true, force: true });
      }
    }
  } catch {
    // best effort
  }
}

/** A fresh temporary directory (its name carries this process's pid), removed on exit. */
export function makeTempDir(prefix = 'oii-') {
  sweepStaleTempDirs();
  const dir = mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
  const remove = onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, remove };
}

// ---------------------------------------------------------------------------

function tryListen(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const { port: actual } = server.address();
      server.close(() => resolve(actual));
    });
  });
}

/** A free TCP port on 127.0.0.1: `preferred` if it is free, otherwise any. */
export async function freePort(preferred) {
  if (preferred) {
    const port = await tryListen(preferred);
    if (port) return port;
  }
  const port = await tryListen(0);
  if (!port) throw new Error(`could not find a free port on ${HOST}`);
  return port;
}

async function waitForHealth(port, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`code-server exited early (${server.exitCode ?? server.signalCode})`);
    }
    try {
      const res = await fetch(`http://${HOST}:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer http://${HOST}:${port}/healthz within ${timeoutMs / 1000} s`);
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // group already gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The server runs under a small shell in its own process group (session). When
// code-server exits, or the Node process that started it disappears (even by
// SIGKILL, which runs no exit handler), the shell ends the whole group. When
// stop() signals the group, the shell just exits with it.
const WATCHDOG = `parent=$1; shift
"$@" &
child=$!
trap 'exit 0' TERM INT HUP
while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait $!; done
trap '' TERM
kill -TERM 0
sleep 3
kill -KILL 0`;

/**
 * Starts code-server on 127.0.0.1 with its own HOME, user data and extensions
 * directories, in its own process group, and waits until it is healthy.
 *
 * @param {object} options
 * @param {string} options.bin code-server executable (from ensureTestVSCode())
 * @param {number} [options.port] port to use (default: a free one)
 * @param {Record<string, unknown>} [options.settings] user settings added to the defaults
 * @param {string} [options.dataDir] persistent directory for home/user/extensions (default: a temp dir removed on stop)
 * @param {boolean} [options.inheritOutput] send the server's output to this process's stderr instead of a log file
 * @param {string[]} [options.install] .vsix files to install first, as a user would (`code-server --install-extension`)
 * @returns {Promise<{port: number, origin: string, dataDir: string, extensionsDir: string, logFile: string | undefined, pid: number, logTail: (lines?: number) => string, exited: Promise<number | string | null>, stop: () => Promise<void>}>}
 */
export async function startCodeServer({ bin, port, settings = {}, dataDir, inheritOutput = false, install = [] } = {}) {
  if (!bin || !existsSync(bin)) throw new Error(`code-server not found at ${bin}; run node scripts/install-test-vscode.mjs`);
  const temp = dataDir ? undefined : makeTempDir('oii-code-server-');
  const root = dataDir ?? temp.dir;
  const home = join(root, 'home');
  const userDir = join(root, 'user');
  const extensionsDir = join(root, 'extensions');
  for (const dir of [home, join(userDir, 'User'), extensionsDir]) mkdirSync(dir, { recursive: true });

  // Defaults, then (in a persistent data dir) what the user changed since, then
  // what the caller asks for. A settings.json that is not plain JSON (comments)
  // is left as it is.
  const settingsFile = join(userDir, 'User', 'settings.json');
  let existing = {};
  let writeSettings = true;
  if (existsSync(settingsFile)) {
    try {
      existing = JSON.parse(readFileSync(settingsFile, 'utf8'));
    } catch {
      writeSettings = false;
    }
  }
  if (writeSettings) {
    writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...existing, ...settings }, null, 2) + '\n');
  }

  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_CACHE_HOME: join(home, '.cache') };
  // Variables that would make the server think it runs inside another VS Code.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  for (const vsix of install) {
    await new Promise((resolve, reject) => {
      const dirs = ['--user-data-dir', userDir, '--extensions-dir', extensionsDir];
      execFile(bin, ['--install-extension', vsix, ...dirs], { env, timeout: 120_000 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`code-server --install-extension ${vsix} failed: ${err.message}\n${stdout}${stderr}`, { cause: err }));
        else resolve();
      });
    });
  }

  const serverPort = port ?? (await freePort());
  const logFile = inheritOutput ? undefined : join(root, 'code-server.log');
  const out = logFile ? openSync(logFile, 'w') : 'inherit';
  const args = [
    '--auth', 'none',
    '--bind-addr', `${HOST}:${serverPort}`,
    '--disable-telemetry',
    '--disable-update-check',
    // Without it a trust dialog blocks the UI.
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDir,
    '--extensions-dir', extensionsDir,
  ];
  const server = spawn('/bin/sh', ['-c', WATCHDOG, 'code-server-watchdog', String(process.pid), bin, ...args], {
    detached: true,
    stdio: ['ignore', out, out],
    env,
  });
  if (typeof out === 'number') closeSync(out);
  const pid = server.pid;
  if (!pid) throw new Error(`could not start ${bin}`);
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));

  let stopping;
  const terminate = async () => {
    if (killGroup(pid, 'SIGTERM')) {
      const until = Date.now() + 5000;
      while (groupAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    }
  };
  const killNow = onCleanup(() => killGroup(pid, 'SIGKILL'), () => (stopping ??= terminate()));
  /** Ends the server's process group (SIGTERM, then SIGKILL after 5 s) and removes its temp dir. */
  const stop = async () => {
    await (stopping ??= terminate());
    killNow(); // SIGKILL whatever is left
    await Promise.race([exited, deadline(1000)]);
    temp?.remove();
  };
  const logTail = (lines = 40) => {
    if (!logFile) return '';
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  try {
    await waitForHealth(serverPort, server, 60_000);
  } catch (err) {
    const tail = logTail();
    await stop();
    throw new Error(`${err.message}${tail ? `\n--- code-server log ---\n${tail}` : ''}`, { cause: err });
  }
  return { port: serverPort, origin: `http://${HOST}:${serverPort}`, dataDir: root, extensionsDir, logFile, pid, logTail, exited, stop };
}

/**
 * The workbench URL that opens `folder`, with the extension at
 * `extensionDevelopmentPath` loaded if one is given (and, if given, runs the
 * tests module at `extensionTestsPath`): the `payload` mechanism VS Code's
 * browser tests use, since code-server rejects those command-line flags.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://${HOST}:${port}${path}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  query.set('payload', JSON.stringify(payload));
  return `http://${HOST}:${port}/?${query.toString().replace(/%2F/g, '/')}`;
}

/**
 * Launches Debian's Chromium (headless by default) with a fresh profile.
 * Returns the playwright BrowserContext, its first page and `close()`.
 *
 * @param {object} [options]
 * @param {boolean} [options.headless]
 * @param {{width: number, height: number}} [options.viewport]
 */
export async function launchChromium({ headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it with: apt-get install chromium`);
  const { chromium } = await import('playwright-core');
  const profile = makeTempDir('oii-chromium-');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: CHROMIUM_PATH,
      headless,
      args: CHROMIUM_ARGS,
      viewport,
      // This module ends the browser itself, in order, before the server.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (err) {
    profile.remove();
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closing;
  const closeContext = () => (closing ??= Promise.race([context.close().catch(() => {}), deadline(10_000)]));
  // Registered after the profile dir, so on a signal it runs before that is removed.
  // (On a plain exit, playwright's own exit handler kills the browser.)
  const done = onCleanup(() => {}, closeContext);
  const close = async () => {
    await closeContext();
    done();
    profile.remove();
  };
  return { context, page, close };
}

/** Waits until the workbench has rendered in `page`. */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
}
