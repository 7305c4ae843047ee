#!/usr/bin/env node
// Runs the UI tests (out/test/ui/*.test.js, built by `node scripts/build.mjs --tests`; or those of the
// folder given as the argument, such as out/test/package) with Node's test runner, one file at a time:
// each file starts its own VS Code 1.100.3 (code-server) and headless Chromium through
// test/ui/workbench.ts. Screenshots go to test-results/screenshots/<folder>/; with --readme-screenshots,
// those the README shows are also written to docs/images/ (`npm run screenshots`).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot, setSignalHandler } from './code-server.mjs';
import { ensureTestVSCode } from './install-test-vscode.mjs';

const testsDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join('out', 'test', 'ui');
const screenshotsDir = join(repoRoot, 'test-results', 'screenshots', basename(testsDir));
for (const path of [testsDir, join('dist', 'extension.js')]) {
  if (!existsSync(join(repoRoot, path))) {
    console.error(`${path} is missing: build first with node scripts/build.mjs --tests`);
    process.exit(1);
  }
}
await ensureTestVSCode().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
// Screenshots of an earlier run would mislead (e.g. a stale failed-*.png).
rmSync(screenshotsDir, { recursive: true, force: true });

const env = { ...process.env, SCREENSHOTS_DIR: screenshotsDir };
if (process.argv.includes('--readme-screenshots')) env.README_SCREENSHOTS_DIR = join(repoRoot, 'docs', 'images');
const reporters = ['spec', './scripts/summary-reporter.mjs'].flatMap((reporter) => [`--test-reporter=${reporter}`, '--test-reporter-destination=stdout']);
// In a process group of its own, so that a signal can reach every test file, which then stops its VS Code and browser.
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...reporters, `${testsDir}/`], { cwd: repoRoot, stdio: 'inherit', env, detached: true });
const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
setSignalHandler(async (signal) => {
  process.kill(-child.pid, signal);
  await exited;
});
process.exitCode = await exited;
