#!/usr/bin/env node
// Runs the UI tests (out/test/ui/*.test.js, built by `node scripts/build.mjs --tests`; or those of the
// folder given as the argument, such as out/test/package) with Node's test runner, one file at a time:
// each file starts its own VS Code (code-server) and headless Chromium through test/ui/workbench.ts.
// The whole run happens once in the oldest VS Code that engines.vscode allows and once in the newest
// (VSCODE_TEST_VERSION=oldest or newest runs one), and ends with a line per VS Code with its counts.
// Screenshots go to test-results/screenshots/<VS Code version>/<folder>/; with --readme-screenshots
// (`npm run screenshots`, in the oldest VS Code unless VSCODE_TEST_VERSION says otherwise), those the
// README shows are also written to docs/images/.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensureChromium } from './chromium.mjs';
import { repoRoot, setSignalHandler } from './code-server.mjs';
import { ensureTestVSCode, testVSCodes } from './install-test-vscode.mjs';

const testsDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join('out', 'test', 'ui');
const readmeScreenshots = process.argv.includes('--readme-screenshots');
for (const path of [testsDir, join('dist', 'extension.js')]) {
  if (!existsSync(join(repoRoot, path))) {
    console.error(`${path} is missing: build first with node scripts/build.mjs --tests`);
    process.exit(1);
  }
}

let child;
setSignalHandler(async (signal) => {
  if (!child) return;
  process.kill(-child.pid, signal);
  await new Promise((resolve) => child.once('exit', resolve));
});

/** Runs every test file of `testsDir` in one VS Code; resolves to its exit code and the counts of its closing line (undefined if it printed none). */
async function runIn(target) {
  const screenshotsDir = join(repoRoot, 'test-results', 'screenshots', target.vscode, basename(testsDir));
  // Screenshots of an earlier run would mislead (e.g. a stale failed-*.png).
  rmSync(screenshotsDir, { recursive: true, force: true });
  const env = { ...process.env, SCREENSHOTS_DIR: screenshotsDir, VSCODE_TEST_VERSION: target.name };
  if (readmeScreenshots) env.README_SCREENSHOTS_DIR = join(repoRoot, 'docs', 'images');
  const reporters = ['spec', './scripts/summary-reporter.mjs'].flatMap((reporter) => [`--test-reporter=${reporter}`, '--test-reporter-destination=stdout']);
  // In a process group of its own, so that a signal can reach every test file, which then stops its VS Code and browser.
  child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...reporters, `${testsDir}/`], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env, detached: true });
  let tail = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk).slice(-2000);
  });
  const code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
  child = undefined;
  const closing = [...tail.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  return { code, passed: closing && Number(closing[1]), failed: closing && Number(closing[2]) };
}

try {
  await ensureChromium();
  const targets = testVSCodes(process.env.VSCODE_TEST_VERSION || (readmeScreenshots ? 'oldest' : 'all'));
  for (const target of targets) await ensureTestVSCode(target);
  const results = [];
  for (const target of targets) {
    console.log(`\n${basename(testsDir)} tests in VS Code ${target.vscode}, the ${target.name} (code-server ${target.codeServer} + headless Chromium)`);
    results.push({ target, ...(await runIn(target)) });
  }
  console.log('');
  for (const { target, code, passed, failed } of results) {
    const counts = passed === undefined ? 'no counts (the run stopped before its tests ended)' : `${passed} passed, ${failed} failed`;
    console.log(`${basename(testsDir)} tests, VS Code ${target.vscode} (${target.name}): ${counts}${code ? ` (exit ${code})` : ''}`);
  }
  // The plain closing line, over every VS Code.
  const sum = (count) => results.reduce((total, r) => total + (count(r) ?? 0), 0);
  console.log(`${sum((r) => r.passed)} passed, ${sum((r) => r.failed)} failed`);
  process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
}
