#!/usr/bin/env node
// Runs the integration tests (out/test/integration/index.js, built by `node scripts/build.mjs --tests`)
// inside a real VS Code through @vscode/test-electron's runTests(): a desktop VS Code named by
// VSCODE_TEST_EXECUTABLE or found behind `code` on PATH; or else, as on CI, VS Code's server and web
// workbench (code-server) in headless Chromium through scripts/code-server-launcher.mjs, once in the
// oldest VS Code that engines.vscode allows and once in the newest (VSCODE_TEST_VERSION=oldest or newest
// runs one). VSCODE_TEST_CODE_SERVER=1 forces code-server. `--grep <pattern>` runs only the tests whose
// title matches. It ends with a line per VS Code with its counts.
import { runTests } from '@vscode/test-electron';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onPath, repoRoot, tempDir } from './code-server.mjs';
import { ensureChromium } from './chromium.mjs';
import { testVSCodes } from './install-test-vscode.mjs';

/** The executable behind a desktop `code` CLI: <install>/bin/code on Linux, <App>/Contents/Resources/app/bin/code on macOS. */
function desktopVSCode() {
  const cli = onPath('code') && realpathSync(onPath('code'));
  const install = cli && dirname(dirname(cli));
  // A remote or code-server `code` CLI has none of these.
  return install && [join(install, 'code'), join(install, '../../MacOS/Electron'), join(install, '../../MacOS/Code')].find((p) => p !== cli && existsSync(p));
}

// `--tests <file>` runs another module in its place (npm run bench measures hover latency so).
const testsArg = process.argv.includes('--tests') ? process.argv[process.argv.indexOf('--tests') + 1] : undefined;
const extensionTestsPath = testsArg ? join(repoRoot, testsArg) : join(repoRoot, 'out', 'test', 'integration', 'index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} is missing: build first with node scripts/build.mjs --tests`);
  process.exit(1);
}
const desktop = process.env.VSCODE_TEST_CODE_SERVER === '1' ? undefined : process.env.VSCODE_TEST_EXECUTABLE || desktopVSCode();
const grep = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : undefined;

/** Runs the suite once; `version` picks the code-server VS Code. Resolves to its counts as the launcher wrote them, if it did. */
async function runOnce(version) {
  const summaryFile = join(tempDir('oii-integration-summary-').dir, 'summary.json');
  let error;
  try {
    await runTests({
      // The launcher runs with this Node: runTests() puts launchArgs first.
      vscodeExecutablePath: desktop ?? process.execPath,
      launchArgs: [...(desktop ? [] : [join(repoRoot, 'scripts', 'code-server-launcher.mjs')]), tempDir('oii-integration-workspace-').dir, '--disable-extensions'],
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: {
        ...(grep ? { INTEGRATION_TEST_GREP: grep } : {}),
        ...(process.env.BENCH_OUT ? { BENCH_OUT: process.env.BENCH_OUT } : {}),
        ...(version ? { VSCODE_TEST_VERSION: version, VSCODE_TEST_SUMMARY_FILE: summaryFile } : {}),
      },
    });
  } catch (err) {
    error = err;
  }
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  return { error, summary };
}

if (desktop) {
  console.log(`Integration tests in desktop VS Code: ${desktop}`);
  const { error } = await runOnce(undefined);
  if (error) {
    console.error(`Integration tests failed: ${error.message}`);
    process.exitCode = 1;
  }
} else {
  const targets = testVSCodes();
  // Before the first run, so that an install says what it does outside the tests' time limits.
  await ensureChromium().catch((err) => {
    console.error(err.message);
    process.exit(1);
  });
  const results = [];
  for (const target of targets) {
    console.log(`\nIntegration tests in VS Code ${target.vscode}, the ${target.name} (code-server ${target.codeServer} + headless Chromium)`);
    results.push({ target, ...(await runOnce(target.name)) });
  }
  console.log('');
  for (const { target, error, summary } of results) {
    const counts = summary?.passed !== undefined ? `${summary.passed} passed, ${summary.failed} failed` : 'no counts (the run stopped before the tests ended)';
    console.log(`integration tests, VS Code ${target.vscode} (${target.name}): ${counts}${error ? `; FAILED: ${error.message}` : ''}`);
    if (error) process.exitCode = 1;
  }
  // The plain closing line, over every VS Code; a run that ended without counts counts as one failure.
  const sum = (count) => results.reduce((total, r) => total + count(r), 0);
  console.log(`${sum((r) => r.summary?.passed ?? 0)} passed, ${sum((r) => r.summary?.failed ?? (r.error ? 1 : 0))} failed`);
}
