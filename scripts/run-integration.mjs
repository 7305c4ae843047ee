#!/usr/bin/env node
// Runs the integration tests (out/test/integration/index.js, built by `node scripts/build.mjs --tests`)
// inside a real VS Code through @vscode/test-electron's runTests(): a desktop VS Code named by
// VSCODE_TEST_EXECUTABLE or found behind `code` on PATH, or else VS Code 1.100.3's server and web
// workbench (code-server) in headless Chromium through scripts/code-server-launcher.mjs, as on CI.
// VSCODE_TEST_CODE_SERVER=1 forces the last. `--grep <pattern>` runs only the tests whose title matches.
import { runTests } from '@vscode/test-electron';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onPath, repoRoot, tempDir } from './code-server.mjs';

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
console.log(desktop ? `Integration tests in desktop VS Code: ${desktop}` : 'Integration tests in VS Code 1.100.3 (code-server + headless Chromium)');
const grep = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : undefined;
try {
  await runTests({
    // The launcher runs with this Node: runTests() puts launchArgs first.
    vscodeExecutablePath: desktop ?? process.execPath,
    launchArgs: [...(desktop ? [] : [join(repoRoot, 'scripts', 'code-server-launcher.mjs')]), tempDir('oii-integration-workspace-').dir, '--disable-extensions'],
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { ...(grep ? { INTEGRATION_TEST_GREP: grep } : {}), ...(process.env.BENCH_OUT ? { BENCH_OUT: process.env.BENCH_OUT } : {}) },
  });
} catch (err) {
  console.error(`Integration tests failed: ${err.message}`);
  process.exitCode = 1;
}
