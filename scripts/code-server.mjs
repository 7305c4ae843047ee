// Runs the extension in VS Code's server and web workbench (code-server, installed by
// install-test-vscode.mjs: the oldest VS Code engines.vscode allows, or the newest, as
// VSCODE_TEST_VERSION says), driven by Chromium (found or installed by chromium.mjs) through
// playwright-core. Shared by `npm start`, the integration-test launcher and the UI tests
// (test/ui/workbench.ts).
//
// Cleanup lives here, in one place: what a helper starts or creates is undone by an exit
// hook, and SIGINT, SIGTERM and SIGHUP end the process (so the hooks run).
import { execFile, spawn } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

export const repoRoot = dirname(import.meta.dirname);
export const HOST = '127.0.0.1';
// Without the background-networking flags Chromium keeps trying hosts that an offline machine cannot reach.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const BASE_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  // VS Code 1.139 wraps the Output view's lines ([Log] is what it reads); the tests read it line by line.
  '[Log]': { 'editor.wordWrap': 'off' },
  // Tests never reach the internet: the extension's daily check for updates stays off, and
  // the tests that check for updates point it at a server on 127.0.0.1 themselves.
  'infraIndex.upstream.autoCheck': false,
};

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The path of the executable `name` on PATH, if there is one. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

const exitHooks = [];
/** Runs the synchronous `fn` when this process exits (last registered first). Returns a function that runs it now, once. */
export function onExit(fn) {
  const hook = () => {
    if (!exitHooks.includes(hook)) return;
    exitHooks.splice(exitHooks.indexOf(hook), 1);
    try {
      fn();
    } catch {
      // best effort
    }
  };
  exitHooks.push(hook);
  return hook;
}
process.on('exit', () => {
  while (exitHooks.length) exitHooks.at(-1)();
});

let beforeSignalExit = () => undefined;
/** Sets what a signal does before the process exits (at most 10 s); it may return the exit code (default 128 + the signal's number). */
export function setSignalHandler(fn) {
  beforeSignalExit = fn;
}
let signalled;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    signalled ??= Promise.race([Promise.resolve().then(() => beforeSignalExit(signal)), delay(10_000)])
      .catch(() => undefined)
      .then((code) => process.exit(code ?? 128 + os.constants.signals[signal]));
  });
}

/** A new temporary directory, removed on exit or by `remove()`. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(os.tmpdir(), prefix));
  return { dir, remove: onExit(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 })) };
}

/** A free TCP port on 127.0.0.1: `preferred` if it is free, otherwise any. */
export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = createServer().once('error', () => resolve(undefined));
      server.listen({ port, host: HOST, exclusive: true }, () => {
        const free = server.address().port;
        server.close(() => resolve(free));
      });
    });
  return (preferred && (await tryPort(preferred))) || tryPort(0);
}

/**
 * Starts code-server on 127.0.0.1 with its own HOME, user data and extensions directories
 * (a temporary directory unless `dataDir` is given) and waits until it answers.
 *
 * @param {object} [options]
 * @param {number} [options.port] default: a free one
 * @param {Record<string, unknown>} [options.settings] user settings, added to the defaults
 * @param {string} [options.dataDir] a persistent directory instead of a temporary one
 * @param {string[]} [options.install] .vsix files to install first, as a user would
 * @param {string} [options.version] which test VS Code: oldest, newest or a version (default: VSCODE_TEST_VERSION, else oldest)
 * @param {string} [options.develop] the folder of an extension under development, to load
 * @param {boolean} [options.tests] whether the workbench will run an extensionTestsPath (the integration tests)
 * @returns the port, origin, vscode (its version), extensionDevelopmentPath (for workbenchUrl: `develop` where
 *   the URL's payload loads it, else undefined), extensionsDir, logFile, logTail(lines), exited (a promise of the
 *   exit status) and stop()
 */
export async function startCodeServer({ port, settings = {}, dataDir, install = [], version, develop, tests = false } = {}) {
  const { ensureTestVSCode, testVSCode } = await import('./install-test-vscode.mjs');
  const { node, entry, vscode, smokeTestPayload } = await ensureTestVSCode(testVSCode(version));
  const temp = dataDir ? undefined : tempDir('oii-code-server-');
  const root = dataDir ?? temp.dir;
  const [home, userDir, extensionsDir] = ['home', 'user', 'extensions'].map((name) => join(root, name));
  for (const dir of [home, join(userDir, 'User'), extensionsDir]) mkdirSync(dir, { recursive: true });

  // The defaults, then what the user changed in a persistent dataDir, then the caller's settings.
  // A settings.json that is not plain JSON (it may have comments) is left as it is.
  const settingsFile = join(userDir, 'User', 'settings.json');
  let existing = {};
  if (existsSync(settingsFile)) {
    try {
      existing = JSON.parse(readFileSync(settingsFile, 'utf8'));
    } catch {
      existing = undefined;
    }
  }
  if (existing) writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...existing, ...settings }, null, 2) + '\n');

  // Without the VSCODE_* variables of a VS Code this may run inside, which would confuse the server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
  Object.assign(env, { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_CACHE_HOME: join(home, '.cache') });
  const dirs = ['--user-data-dir', userDir, '--extensions-dir', extensionsDir];
  for (const vsix of install) {
    const run = promisify(execFile)(node, [entry, '--install-extension', vsix, ...dirs], { env, timeout: 120_000 });
    await run.finally(onExit(() => run.child.kill())).catch((err) => {
      throw new Error(`code-server --install-extension ${vsix} failed: ${err.message}\n${err.stdout}${err.stderr}`, { cause: err });
    });
  }

  // An extension under development comes through the URL's payload where the workbench reads it as it is.
  // Where it reads it only with the smoke-test driver on, which hides notification toasts, the extension is
  // linked into the extensions folder instead, as if installed, unless a tests module needs the payload.
  const viaPayload = develop && (!smokeTestPayload || tests);
  if (develop && !viaPayload) linkExtension(develop, extensionsDir);
  const serverArgs = smokeTestPayload && tests ? ['--vscode-option', 'enable-smoke-test-driver'] : [];

  port ??= await freePort();
  const origin = `http://${HOST}:${port}`;
  const logFile = join(root, 'code-server.log');
  const out = openSync(logFile, 'w');
  // --disable-workspace-trust: otherwise a trust dialog blocks the UI.
  const args = ['--auth', 'none', '--bind-addr', `${HOST}:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...serverArgs, ...dirs];
  // In a process group of its own, so that all of the server's processes can be ended together.
  const server = spawn(node, [entry, ...args], { detached: true, stdio: ['ignore', out, out], env });
  closeSync(out);
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
  const signalGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  };
  const kill = onExit(() => signalGroup('SIGKILL'));
  /** Ends the server (SIGTERM, then SIGKILL for what is left after 5 s) and removes its temporary directory. */
  const stop = async () => {
    signalGroup('SIGTERM');
    await Promise.race([exited, delay(5000)]);
    kill();
    temp?.remove();
  };
  const logTail = (lines = 40) => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') : '');

  try {
    for (const until = Date.now() + 60_000; ; await delay(200)) {
      if (await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) }).then((res) => res.ok, () => false)) break;
      if (server.exitCode !== null || server.signalCode !== null) throw new Error(`code-server exited early (${server.exitCode ?? server.signalCode})`);
      if (Date.now() > until) throw new Error(`code-server did not answer ${origin}/healthz within 60 s`);
    }
  } catch (err) {
    const tail = logTail();
    await stop();
    throw new Error(`${err.message}\n--- code-server log ---\n${tail}`, { cause: err });
  }
  return { port, origin, vscode, extensionDevelopmentPath: viaPayload ? develop : undefined, extensionsDir, logFile, logTail, exited, stop };
}

/**
 * Links the extension folder `dir` into `extensionsDir` as `publisher.name-version`, as an installed
 * extension would be, and has VS Code list the folder's extensions again (it does so at start when the
 * list, extensions.json, is missing), so that the link is found in a persistent folder too.
 */
function linkExtension(dir, extensionsDir) {
  const { publisher, name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const link = join(extensionsDir, `${publisher}.${name}-${version}`.toLowerCase());
  rmSync(link, { recursive: true, force: true });
  symlinkSync(dir, link, 'dir');
  rmSync(join(extensionsDir, 'extensions.json'), { force: true });
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionDevelopmentPath` (and runs the
 * tests module at `extensionTestsPath`): the `payload` of VS Code's own browser tests, since code-server
 * rejects those command-line flags.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (path) => `vscode-remote://${HOST}:${port}${path}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = new URLSearchParams({ ...(folder && { folder }), payload: JSON.stringify(payload) });
  return `http://${HOST}:${port}/?${query.toString().replace(/%2F/g, '/')}`;
}

/** Launches Chromium (headless by default) with a fresh profile; returns the browser context, its page and `close()`. */
export async function launchChromium({ headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  const executablePath = await (await import('./chromium.mjs')).ensureChromium();
  const { chromium } = await import('playwright-core');
  // Signals are handled above; playwright's own exit hook then kills the browser and removes its profile.
  const browser = await chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage(), close: () => browser.close() };
}
