#!/usr/bin/env node
// Installs the VS Codes that the tests and `npm start` use: VS Code's server and web workbench as packaged
// on npm by code-server, into the ignored folder .vscode-test/. Two of them:
//   oldest  VS Code 1.100.3 (code-server 4.100.3), the oldest that engines.vscode allows; runs on this Node.
//   newest  VS Code 1.139.1 (code-server 4.139.1), the newest code-server on npm; it needs Node 24, which
//           comes from the registry too (the node-<platform>-<arch> package ships the binary and headers),
//           so the Node the project builds with stays as it is.
// Everything comes from the npm registry: no GitHub download, no update.code.visualstudio.com and no
// system package. ripgrep comes from @vscode/ripgrep's own per-platform package, native modules that
// have no prebuilt binary are built with the compilers a Node machine has, and the Kerberos module
// (proxy authentication, which the tests never use) is not built at all, so its headers are not needed.
// Idempotent: a marker file is written when every step has succeeded, and an install without it is wiped
// and redone.
// Usage: node scripts/install-test-vscode.mjs [oldest|newest|all]   (prints each code-server's path)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onExit, onPath, repoRoot } from './code-server.mjs';

/**
 * The test VS Codes, oldest first. `node`: the Node version code-server needs where this one will not do.
 * `ripgrep`: the version of @vscode/ripgrep's per-platform package, where VS Code does not ship ripgrep.
 * `smokeTestPayload`: the built workbench reads the extension-development `payload` of the URL (the extension
 * under development, and the tests module) only with the server's smoke-test driver on, as VS Code 1.139
 * does (1.100 reads it always). That driver also keeps notifications from showing as toasts, so it is on
 * only where the integration tests need it: see startCodeServer() in code-server.mjs.
 */
export const TEST_VSCODES = [
  { name: 'oldest', codeServer: '4.100.3', vscode: '1.100.3', ripgrep: '1.18.0', smokeTestPayload: false },
  { name: 'newest', codeServer: '4.139.1', vscode: '1.139.1', node: '24.22.3', smokeTestPayload: true },
];

/**
 * The test VS Code named by `name` (oldest, newest, or a VS Code or code-server version), by default the one
 * VSCODE_TEST_VERSION names, else the oldest. Throws with the names it knows for any other.
 */
export function testVSCode(name = process.env.VSCODE_TEST_VERSION || 'oldest') {
  const target = TEST_VSCODES.find((t) => [t.name, t.vscode, t.codeServer].includes(name));
  if (!target) throw new Error(`unknown test VS Code "${name}"; use one of: ${TEST_VSCODES.map((t) => `${t.name} (${t.vscode})`).join(', ')}`);
  return target;
}

/** The test VS Codes a comma-separated list names ("oldest,newest", "all"); by default VSCODE_TEST_VERSION's, else all. */
export function testVSCodes(list = process.env.VSCODE_TEST_VERSION || 'all') {
  return list === 'all' ? TEST_VSCODES : list.split(',').map((name) => testVSCode(name.trim()));
}

// Native modules of VS Code's server that have no prebuilt binary for every version. Without them some
// features (terminals, file watching, logging to disk, the chat sessions' store) degrade, but the extension host and the tests run,
// so a failed build is only a warning. kerberos is left out on purpose: it needs libkrb5-dev, and serves
// only proxy authentication with Kerberos.
const OPTIONAL_NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', 'native-watchdog', '@vscode/native-watchdog', '@vscode/deviceid', '@parcel/watcher', '@vscode/sqlite3'];

// Written to the marker file with the version: a change to how the install is done (RECIPE) redoes it.
const RECIPE = 3;
const marker = (target) => `${target.codeServer} recipe ${RECIPE}`;

const log = (line) => console.log(`[test-vscode] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const platformArch = `${process.platform}-${process.arch}`;

/** Where a test VS Code lives, and what it runs with. */
function layout(target) {
  const installDir = join(repoRoot, '.vscode-test', `code-server-${target.codeServer}`);
  const modules = join(installDir, 'node_modules');
  return {
    installDir,
    markerFile: join(installDir, '.install-complete'),
    lockDir: `${installDir}.lock`,
    logFile: `${installDir}.install.log`,
    vscodeDir: join(modules, 'code-server', 'lib', 'vscode'),
    // code-server's executable is this script, run by the Node it needs.
    entry: join(modules, 'code-server', 'out', 'node', 'entry.js'),
    nodeDir: target.node ? join(modules, `node-${platformArch}`) : undefined,
    node: target.node ? join(modules, `node-${platformArch}`, 'bin', 'node') : process.execPath,
  };
}

function isInstalled(target) {
  const { markerFile, entry, node } = layout(target);
  try {
    return readFileSync(markerFile, 'utf8').trim() === marker(target) && existsSync(entry) && existsSync(node);
  } catch {
    return false;
  }
}

/**
 * Runs a command with its output appended to the install log; resolves to its exit code. With `node`, npm
 * runs under that Node, finds it first on PATH for the scripts it starts, and builds native modules against
 * its headers.
 */
function run(logFile, cmd, args, cwd, nodeDir) {
  const out = openSync(logFile, 'a');
  writeFileSync(out, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
  // npm_config_yes: node-pty's install script runs `npx node-gyp`, which would otherwise ask.
  // JOBS: node-gyp compiles on every core (sqlite3 alone is a minute on one).
  const env = { JOBS: 'max', ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  if (nodeDir && cmd === 'npm') {
    Object.assign(env, { PATH: `${join(nodeDir, 'bin')}:${env.PATH}`, npm_config_nodedir: nodeDir });
    args = [npmCli(), ...args];
    cmd = join(nodeDir, 'bin', 'node');
  }
  // In a process group of its own, so that stopping midway also ends npm's build scripts.
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', out, out], detached: true, env });
  closeSync(out);
  const stop = onExit(() => process.kill(-child.pid, 'SIGTERM'));
  return new Promise((resolve, reject) => child.once('error', reject).once('close', (code) => resolve(code ?? 1))).finally(stop);
}

/** npm's own script, to run under another Node: npm_execpath when npm started this, else the one beside `npm` on PATH. */
function npmCli() {
  if (process.env.npm_execpath?.endsWith('.js')) return process.env.npm_execpath;
  const npm = onPath('npm');
  const cli = npm && [join(dirname(npm), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'), join(dirname(npm), 'node_modules', 'npm', 'bin', 'npm-cli.js')].find(existsSync);
  if (!cli) throw new Error('cannot find npm-cli.js to run npm under another Node; run this through npm');
  return cli;
}

async function step(logFile, title, cmd, args, cwd, nodeDir) {
  const started = Date.now();
  log(`${title} …`);
  const code = await run(logFile, cmd, args, cwd, nodeDir);
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${title} failed (exit ${code}): ${cmd} ${args.join(' ')} in ${cwd}\n--- last lines of ${logFile} ---\n${tail}`);
  }
  log(`${title}: done in ${seconds(started)}`);
}

function forceSymlink(target, path) {
  rmSync(path, { force: true });
  symlinkSync(target, path);
}

async function install(target) {
  const { installDir, markerFile, logFile, vscodeDir, entry, nodeDir, node } = layout(target);
  const started = Date.now();
  log(`Installing VS Code ${target.vscode} (code-server ${target.codeServer}${target.node ? `, with Node ${target.node}` : ''}) for the tests and npm start into ${installDir}`);
  log(`(from the npm registry only; a minute or two the first time; details in ${logFile})`);
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(logFile, `install of code-server ${target.codeServer} started ${new Date().toISOString()}\n`);
  // Its own package.json, so that npm installs here and not into the repository.
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({ name: 'test-vscode', private: true, description: 'VS Code for the tests (generated by scripts/install-test-vscode.mjs)' }, null, 2) + '\n',
  );

  // --ignore-scripts: code-server's postinstall insists on --unsafe-perm as root and on its own Node
  // version, and @vscode/ripgrep's postinstall (VS Code 1.100) downloads from GitHub. The per-platform
  // ripgrep package ships the binary instead; node-<platform>-<arch> ships Node itself.
  const packages = [`code-server@${target.codeServer}`];
  if (target.ripgrep) packages.push(`@vscode/ripgrep-${platformArch}@${target.ripgrep}`);
  if (target.node) packages.push(`node-${platformArch}@${target.node}`);
  await step(logFile, `npm install ${packages.join(' ')}`, 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...packages], installDir);
  // argon2 (password logins, unused with --auth none, but loaded at start) has no prebuilt binary in
  // code-server 4.100's version; this builds it from source where that is so, and is quick where not.
  await step(logFile, 'build argon2', 'npm', ['rebuild', '--foreground-scripts', 'argon2'], installDir, nodeDir);
  await step(logFile, 'npm install VS Code server dependencies', 'npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], vscodeDir);

  const vscodeModules = join(vscodeDir, 'node_modules');
  for (const mod of OPTIONAL_NATIVE_MODULES.filter((m) => existsSync(join(vscodeModules, m)))) {
    const t = Date.now();
    const code = await run(logFile, 'npm', ['rebuild', '--foreground-scripts', mod], vscodeDir, nodeDir);
    if (code === 0) log(`build ${mod}: done in ${seconds(t)}`);
    else log(`warning: building the optional native module ${mod} failed (exit ${code}); continuing (see ${logFile})`);
  }

  log('link ripgrep, node_modules.asar(.unpacked), remote-cli and helpers');
  if (target.ripgrep) {
    const rgBin = join(vscodeModules, '@vscode', 'ripgrep', 'bin');
    mkdirSync(rgBin, { recursive: true });
    forceSymlink(join(installDir, 'node_modules', '@vscode', `ripgrep-${platformArch}`, 'bin', 'rg'), join(rgBin, 'rg'));
  }
  // VS Code loads its modules from node_modules.asar, and looks for ripgrep in node_modules.asar.unpacked
  // (VS Code 1.139 reads rg's path from @vscode/ripgrep-universal as loaded, then swaps the folder's name).
  forceSymlink('node_modules', join(vscodeDir, 'node_modules.asar'));
  forceSymlink('node_modules', join(vscodeDir, 'node_modules.asar.unpacked'));
  forceSymlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  forceSymlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

  await step(logFile, 'npm install built-in extensions dependencies', 'npm', ['install', '--no-audit', '--no-fund', '--omit=dev'], join(vscodeDir, 'extensions'));

  for (const path of [entry, node]) if (!existsSync(path)) throw new Error(`install finished but ${path} is missing`);
  writeFileSync(markerFile, `${marker(target)}\n`);
  log(`Installed VS Code ${target.vscode} in ${seconds(started)}`);
}

/** Takes the lock directory (so that two runs do not install over each other) while `fn` runs. */
async function withLock(lockDir, fn) {
  mkdirSync(join(repoRoot, '.vscode-test'), { recursive: true });
  for (const until = Date.now() + 15 * 60_000; ; await new Promise((resolve) => setTimeout(resolve, 1000))) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    // A lock whose owner is gone is stale (its pid file is written right after the directory).
    const owner = existsSync(join(lockDir, 'pid')) ? Number(readFileSync(join(lockDir, 'pid'), 'utf8')) : 0;
    if (owner > 0 && !isRunning(owner)) rmSync(lockDir, { recursive: true, force: true });
    else if (Date.now() > until) throw new Error(`timed out waiting for another install of the test VS Code (lock ${lockDir})`);
  }
  writeFileSync(join(lockDir, 'pid'), String(process.pid));
  const release = onExit(() => rmSync(lockDir, { recursive: true, force: true }));
  try {
    return await fn();
  } finally {
    release();
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Makes sure the test VS Code `target` (default: testVSCode()) is installed, installing it if needed.
 * Returns how to run its code-server (`node entry`), and the target's fields.
 */
export async function ensureTestVSCode(target = testVSCode()) {
  const { lockDir, entry, node } = layout(target);
  if (!isInstalled(target)) {
    // Building the native modules needs a C++ compiler, make and Python (node-gyp), as every Node machine has.
    const missing = ['make', 'g++', 'python3'].filter((cmd) => !onPath(cmd));
    if (missing.length) throw new Error(`cannot build VS Code ${target.vscode}'s native modules: ${missing.join(', ')} not found; install them with: apt-get install build-essential python3`);
    // Another run may have finished the install while this one waited for the lock.
    await withLock(lockDir, async () => isInstalled(target) || install(target));
  }
  return { ...target, node, entry };
}

if (process.argv[1] === import.meta.filename) {
  try {
    for (const target of testVSCodes(process.argv[2])) {
      const { node, entry } = await ensureTestVSCode(target);
      console.log(`${target.vscode}: ${node} ${entry}`);
    }
  } catch (err) {
    log(err.message);
    process.exitCode = 1;
  }
}
