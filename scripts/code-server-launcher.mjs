#!/usr/bin/env node
// Stands in for a VS Code executable when @vscode/test-electron's
// runTests({ vscodeExecutablePath }) has no desktop VS Code to spawn: starts
// code-server, opens the workbench in headless Chromium with the extension
// under development and its tests module (the `payload` mechanism of VS Code's
// browser tests), forwards the extension host's log to stdout and exits with
// the tests' result (0 when run() resolved, 1 when it rejected).
//
// Accepts the arguments test-electron passes:
//   --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [<folder>]
// Other flags (--no-sandbox, --disable-updates, --user-data-dir=…, …) are
// ignored: code-server gets its own temporary profile on every run.
// Environment: VSCODE_TEST_TIMEOUT_MS (default 600000), VSCODE_TEST_HEADED=1 (needs a
// display), VSCODE_TEST_VERBOSE=1 (also the workbench's own log lines).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { ensureTestVSCode, VSCODE_VERSION } from './install-test-vscode.mjs';
import { launchChromium, makeTempDir, startCodeServer, workbenchUrl } from './code-server.mjs';

const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
// The workbench's own start-up chatter, and the failed look-up of the
// extension marketplace (open-vsx.org) that every offline run logs.
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating)|ENOTFOUND open-vsx\.org/;

function parseArgs(argv) {
  const result = { extensionDevelopmentPath: undefined, extensionTestsPath: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(extensionDevelopmentPath|extensionTestsPath)(?:=(.*))?$/.exec(arg);
    if (m) {
      // Both `--flag=value` and `--flag value`.
      result[m[1]] = m[2] ?? argv[++i];
    } else if (!arg.startsWith('-')) {
      result.folder = arg;
    }
  }
  return result;
}

function say(line) {
  process.stdout.write(`[code-server-launcher] ${line}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionDevelopmentPath) throw new Error('missing --extensionDevelopmentPath=<dir>');
  const extensionDevelopmentPath = resolve(args.extensionDevelopmentPath);
  if (!args.extensionTestsPath) throw new Error('missing --extensionTestsPath=<file>: this launcher only runs test suites (use npm start to work in the editor)');
  const extensionTestsPath = resolve(args.extensionTestsPath);
  if (!existsSync(extensionTestsPath) && !existsSync(`${extensionTestsPath}.js`)) {
    throw new Error(`tests module not found: ${extensionTestsPath} (build it first: node scripts/build.mjs --tests)`);
  }
  let folder = args.folder ? resolve(args.folder) : undefined;
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
    folder = makeTempDir('oii-workspace-').dir;
  }

  const bin = await ensureTestVSCode();
  const server = await startCodeServer({ bin });
  let browser;
  let finishing = false;
  // `message` marks a failure of the harness rather than of the tests: then the
  // server's log helps.
  const finish = async (code, message) => {
    if (finishing) return;
    finishing = true;
    if (message) {
      say(message);
      const tail = server.logTail(30);
      if (tail) process.stdout.write(`--- last lines of the code-server log ---\n${tail}\n---\n`);
    }
    await browser?.close();
    await server.stop();
    process.exit(code);
  };

  const timer = setTimeout(() => {
    void finish(1, `timed out after ${TIMEOUT_MS / 1000} s waiting for the tests to finish in VS Code ${VSCODE_VERSION}`);
  }, TIMEOUT_MS);
  timer.unref();

  browser = await launchChromium({ headless: process.env.VSCODE_TEST_HEADED !== '1' });
  const { page } = browser;
  // The workbench calls these when it runs an extensionTestsPath: the first
  // with each line the extension host logs, the second with run()'s result.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // args are the console call's arguments (mocha's reporter passes a format string).
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (!verbose && (type === 'info' || type === 'error') && WORKBENCH_NOISE.test(text)) return;
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  });
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(typeof code === 'number' ? code : 1));
  page.on('pageerror', (err) => {
    if (verbose) say(`page error: ${err.message}`);
  });
  page.on('crash', () => void finish(1, 'the workbench page crashed'));

  const url = workbenchUrl({ port: server.port, folder, extensionDevelopmentPath, extensionTestsPath });
  say(`VS Code ${VSCODE_VERSION} (code-server) at ${server.origin}, workspace ${folder}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const exitCode = await exited;
  clearTimeout(timer);
  await finish(exitCode);
}

main().catch(async (err) => {
  say(`error: ${err instanceof Error ? err.message : String(err)}`);
  // The exit handlers of code-server.mjs stop the server and browser and remove temp dirs.
  process.exit(1);
});
