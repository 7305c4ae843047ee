#!/usr/bin/env node
// Runs the UI tests (out/test/ui/*.test.js, built by `node scripts/build.mjs
// --tests`; or those of another folder given as the argument, such as
// out/test/package) with Node's test runner, one file at a time: each file
// starts its own VS Code 1.100.3 (code-server) and headless Chromium through
// test/ui/workbench.ts. Screenshots go to test-results/screenshots/<folder>/;
// with --readme-screenshots, those the README shows are also written to
// docs/images/ (`npm run screenshots`).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestVSCode } from './install-test-vscode.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readmeScreenshots = process.argv.includes('--readme-screenshots');
const testsDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join('out', 'test', 'ui');
const screenshotsDir = join(repoRoot, 'test-results', 'screenshots', basename(testsDir));

if (!existsSync(join(repoRoot, testsDir))) {
  console.error(`${testsDir}/ is missing: build first with node scripts/build.mjs --tests`);
  process.exit(1);
}
if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: build first with node scripts/build.mjs --tests');
  process.exit(1);
}
try {
  await ensureTestVSCode();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

// Screenshots of an earlier run would mislead (e.g. a stale failed-*.png).
rmSync(screenshotsDir, { recursive: true, force: true });

const args = [
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/summary-reporter.mjs',
  '--test-reporter-destination=stdout',
  `${testsDir}/`,
];
const env = { ...process.env, SCREENSHOTS_DIR: screenshotsDir };
if (readmeScreenshots) env.README_SCREENSHOTS_DIR = join(repoRoot, 'docs', 'images');
const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', env });
// Ctrl-C reaches the test runner and its children directly (same process
// group); just wait for them to finish cleaning up.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
