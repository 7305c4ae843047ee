#!/usr/bin/env node
// Stands in for the VS Code executable of @vscode/test-electron's runTests() when there is no desktop
// VS Code: starts code-server, opens the workbench in headless Chromium with the extension and its tests
// module (the `payload` of VS Code's own browser tests), forwards the extension host's log to stdout and
// exits with the tests' result. Takes runTests()'s --extensionDevelopmentPath=, --extensionTestsPath= and
// an optional folder; other flags are ignored (code-server gets a fresh profile every run).
// Environment: VSCODE_TEST_VERSION (oldest, the default, or newest: see install-test-vscode.mjs),
// VSCODE_TEST_SUMMARY_FILE (where to write the suite's counts, as JSON, for run-integration.mjs),
// VSCODE_TEST_TIMEOUT_MS (default 600000), VSCODE_TEST_HEADED=1 (needs a display),
// VSCODE_TEST_VERBOSE=1 (also the workbench's own log lines).
// It also counts, in the browser, CSP violations and console lines with "OII-PWNED" (what the hostile
// corpus's payloads log if they ever run: test/fixtures/hostile), prints "webview security: …" at the
// end, and fails the run if either count is not zero.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';

const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 10 * 60 * 1000;
const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
// The workbench's start-up chatter, and the failed look-up of the extension marketplace
// (open-vsx.org) that every offline run logs.
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\] registered|ChatSessionStore: Migrating)|ENOTFOUND open-vsx\.org/;
const say = (line) => console.log(`[code-server-launcher] ${line}`);

const { values, positionals } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: { extensionDevelopmentPath: { type: 'string' }, extensionTestsPath: { type: 'string' } },
});
if (!values.extensionDevelopmentPath || !values.extensionTestsPath) {
  say('usage: code-server-launcher.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [<folder>]');
  process.exit(1);
}
// runTests() keeps a pipe to our stdin open: when it ends, the runner is gone and no one would stop us.
if (!process.stdin.isTTY) process.stdin.on('end', () => process.exit(1)).resume();

try {
  const develop = resolve(values.extensionDevelopmentPath);
  const server = await startCodeServer({ develop, tests: true });
  const { page, close } = await launchChromium({ headless: process.env.VSCODE_TEST_HEADED !== '1' });
  // A failure of the harness rather than of the tests: the server's log may tell why.
  const fail = (message) => {
    say(`${message}\n--- last lines of the code-server log ---\n${server.logTail(30)}\n---`);
    process.exit(1);
  };
  setTimeout(() => fail(`timed out after ${TIMEOUT_MS / 1000} s waiting for the tests to finish in VS Code ${server.vscode}`), TIMEOUT_MS).unref();
  page.on('crash', () => fail('the workbench page crashed'));
  // The webviews' security, counted in the browser: the console of the page and of every frame in it
  // (the webviews' too) reaches page.on('console'), Chromium's own log entries such as CSP reports included.
  // In this code-server only some webviews receive their pages (see test/integration/hostile.test.ts).
  const security = { csp: 0, payloads: 0, samples: [] };
  page.on('console', (message) => {
    const text = message.text();
    // "Refused to load … because it violates …", or for inline script "Executing inline script violates …".
    const csp = /violates the following Content Security Policy directive/.test(text);
    const payload = text.includes('OII-PWNED');
    if (!csp && !payload) return;
    if (csp) security.csp++;
    if (payload) security.payloads++;
    if (security.samples.length < 10) security.samples.push(`${csp ? 'CSP violation' : 'payload ran'} in ${message.location().url || '(no url)'}: ${text.slice(0, 300)}`);
  });
  if (verbose) page.on('pageerror', (err) => say(`page error: ${err.message}`));
  // The workbench calls these when it runs an extensionTestsPath: the first with each console call of
  // the extension host (mocha's reporter passes a format string), the second with run()'s result.
  // The suite's own closing line (test/integration/index.ts), kept for the summary file.
  const counts = {};
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    const closing = /^(\d+) passed, (\d+) failed\s*$/.exec(text);
    if (closing) Object.assign(counts, { passed: Number(closing[1]), failed: Number(closing[2]) });
    if (verbose || !(type === 'info' || type === 'error') || !WORKBENCH_NOISE.test(text)) console.log(text.replace(/\n$/, ''));
  });
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => finish(typeof code === 'number' ? code : 1));

  const folder = positionals[0] && resolve(positionals[0]);
  const url = workbenchUrl({ port: server.port, folder, extensionDevelopmentPath: server.extensionDevelopmentPath, extensionTestsPath: resolve(values.extensionTestsPath) });
  say(`VS Code ${server.vscode} (code-server) at ${server.origin}, workspace ${folder ?? '(none)'}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const code = await finished;
  // Messages of the last pages may still be on their way.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await close();
  await server.stop();
  for (const sample of security.samples) say(sample);
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  console.log(`webview security: ${plural(security.csp, 'CSP violation')}, ${plural(security.payloads, 'payload')} ran`);
  if (process.env.VSCODE_TEST_SUMMARY_FILE) writeFileSync(process.env.VSCODE_TEST_SUMMARY_FILE, JSON.stringify({ vscode: server.vscode, ...counts, exit: code }));
  process.exit(code !== 0 ? code : security.csp + security.payloads > 0 ? 1 : 0);
} catch (err) {
  say(`error: ${err.message}`);
  process.exit(1); // the exit hooks stop the server and the browser
}
