#!/usr/bin/env node
// Runs the integration tests (out/test/integration/index.js, built by
// `node scripts/build.mjs --tests`) inside a real VS Code through
// @vscode/test-electron's runTests().
//
// Which VS Code:
//  - VSCODE_TEST_EXECUTABLE=<path of a desktop VS Code executable>, or
//  - a desktop `code` on PATH whose executable can be found, or else
//  - VS Code 1.100.3's server and web workbench (code-server, installed into
//    .vscode-test/ on first use) in headless Chromium, through
//    scripts/code-server-launcher.mjs. This is what runs on CI and on
//    machines without a desktop VS Code or internet access.
// VSCODE_TEST_CODE_SERVER=1 forces the last one.
// `--grep <pattern>` runs only the tests whose full title matches.
import { runTests } from '@vscode/test-electron';
import { accessSync, chmodSync, constants, existsSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './code-server.mjs';
import { ensureTestVSCode } from './install-test-vscode.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const launcher = join(repoRoot, 'scripts', 'code-server-launcher.mjs');

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The Electron executable behind a desktop `code` CLI on PATH, if there is one. */
function desktopVSCodeExecutable() {
  const cli = onPath('code');
  if (!cli) return undefined;
  let real;
  try {
    real = realpathSync(cli);
  } catch {
    return undefined;
  }
  // Linux: <install>/bin/code next to <install>/code.
  // macOS: <App>.app/Contents/Resources/app/bin/code, executable in Contents/MacOS.
  // (A remote or code-server `code` CLI has neither and is skipped.)
  const install = dirname(dirname(real));
  const candidates = [join(install, 'code'), join(install, 'code-insiders')];
  if (install.endsWith(join('Contents', 'Resources', 'app'))) {
    const macos = join(install, '..', '..', 'MacOS');
    candidates.push(join(macos, 'Electron'), join(macos, 'Code'), join(macos, 'Code - Insiders'));
  }
  return candidates.find((p) => existsSync(p) && isExecutable(p) && p !== real);
}

async function main() {
  const extensionTestsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: build first with node scripts/build.mjs --tests`);
    return 1;
  }
  let vscodeExecutablePath;
  if (process.env.VSCODE_TEST_CODE_SERVER !== '1') {
    vscodeExecutablePath = process.env.VSCODE_TEST_EXECUTABLE || desktopVSCodeExecutable();
  }
  if (vscodeExecutablePath) {
    console.log(`Integration tests in desktop VS Code: ${vscodeExecutablePath}`);
  } else {
    await ensureTestVSCode();
    // runTests() spawns it directly (shebang): make sure a checkout kept its mode.
    if (!isExecutable(launcher)) chmodSync(launcher, 0o755);
    vscodeExecutablePath = launcher;
    console.log('Integration tests in VS Code 1.100.3 (code-server + headless Chromium)');
  }

  const grepAt = process.argv.indexOf('--grep');
  const grep = grepAt > 0 ? process.argv[grepAt + 1] : undefined;

  const workspace = makeTempDir('oii-integration-workspace-').dir;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: grep ? { INTEGRATION_TEST_GREP: grep } : undefined,
    });
    return 0;
  } catch (err) {
    console.error(`Integration tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main();
