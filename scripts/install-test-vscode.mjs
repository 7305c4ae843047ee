#!/usr/bin/env node
// Installs the VS Code that the integration and UI tests run in: VS Code's own
// server and web workbench as packaged on npm by code-server, into the ignored
// folder .vscode-test/. Works with only the npm registry reachable (no GitHub,
// no update.code.visualstudio.com). Idempotent: a marker file is written when
// every step has succeeded, and an install without it is wiped and redone.
// Usage: node scripts/install-test-vscode.mjs   (prints the code-server path)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync, unlinkSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const installDir = join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const markerFile = join(installDir, '.install-complete');
const lockDir = `${installDir}.lock`;
const logFile = `${installDir}.install.log`;
const codeServerDir = join(installDir, 'node_modules', 'code-server');
const vscodeDir = join(codeServerDir, 'lib', 'vscode');

/** Path of the code-server executable (whether or not it is installed yet). */
export function codeServerBinary() {
  return join(installDir, 'node_modules', '.bin', 'code-server');
}

export function isTestVSCodeInstalled() {
  try {
    return readFileSync(markerFile, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerBinary());
  } catch {
    return false;
  }
}

// Native modules of VS Code's server. Without them some features (terminals,
// file watching, Kerberos proxy auth, logging to disk) degrade, but the
// extension host and the tests still run, so a failed build is only a warning.
const OPTIONAL_NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', 'native-watchdog', '@vscode/deviceid', 'kerberos', '@parcel/watcher'];

function log(line) {
  console.log(`[test-vscode] ${line}`);
}

let currentChild;

/** Runs a command with its output appended to the install log; resolves to its exit code. */
function run(cmd, args, cwd) {
  const fd = openSync(logFile, 'a');
  writeFileSync(fd, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', fd, fd],
      // Its own process group, so that a stop ends npm's build scripts too.
      detached: true,
      // node-pty's install script runs `npx node-gyp`, which would otherwise ask.
      env: { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
    });
    currentChild = child;
    child.on('error', (err) => {
      closeSync(fd);
      reject(err);
    });
    child.on('close', (code, signal) => {
      currentChild = undefined;
      closeSync(fd);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

async function step(title, cmd, args, cwd) {
  const started = Date.now();
  log(`${title} …`);
  const code = await run(cmd, args, cwd);
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${title} failed (exit ${code}): ${cmd} ${args.join(' ')} in ${cwd}\n--- last lines of ${logFile} ---\n${tail}`);
  }
  log(`${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function forceSymlink(target, path) {
  try {
    lstatSync(path);
    unlinkSync(path);
  } catch {
    // absent
  }
  symlinkSync(target, path);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** A lock directory, so that two test runs started together do not install over each other. */
async function withLock(fn) {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        // being created or removed right now
      }
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for another install of the test VS Code (lock ${lockDir})`, { cause: err });
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function install() {
  const started = Date.now();
  log(`Installing VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) for tests into ${installDir}`);
  log(`(takes a minute or two the first time; details in ${logFile})`);
  rmSync(installDir, { recursive: true, force: true });
  mkdirSync(installDir, { recursive: true });
  writeFileSync(logFile, `install of code-server ${CODE_SERVER_VERSION} started ${new Date().toISOString()}\n`);
  // Its own package.json, so that npm installs here and not into the repository.
  writeFileSync(
    join(installDir, 'package.json'),
    JSON.stringify({ name: 'test-vscode', private: true, description: 'VS Code for the tests (generated by scripts/install-test-vscode.mjs)' }, null, 2) + '\n',
  );

  // --ignore-scripts: code-server's postinstall insists on --unsafe-perm as root,
  // and @vscode/ripgrep's postinstall downloads from GitHub.
  await step(`npm install code-server@${CODE_SERVER_VERSION}`, 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], installDir);
  // argon2's prebuilt binary is on GitHub; this builds it from source.
  await step('build argon2', 'npm', ['rebuild', '--foreground-scripts', 'argon2'], installDir);
  await step('npm install VS Code server dependencies', 'npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts'], vscodeDir);

  for (const mod of OPTIONAL_NATIVE_MODULES) {
    const t = Date.now();
    const code = await run('npm', ['rebuild', '--foreground-scripts', mod], vscodeDir);
    if (code === 0) log(`build ${mod}: done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    else log(`warning: building the optional native module ${mod} failed (exit ${code}); continuing (see ${logFile})`);
  }

  log('link ripgrep, node_modules.asar, remote-cli and helpers');
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  forceSymlink('/usr/bin/rg', join(rgBin, 'rg'));
  forceSymlink('node_modules', join(vscodeDir, 'node_modules.asar'));
  forceSymlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  forceSymlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

  await step('npm install built-in extensions dependencies', 'npm', ['install', '--no-audit', '--no-fund', '--omit=dev'], join(vscodeDir, 'extensions'));

  if (!existsSync(codeServerBinary())) throw new Error(`install finished but ${codeServerBinary()} is missing`);
  writeFileSync(markerFile, `${CODE_SERVER_VERSION}\n`);
  log(`Installed VS Code ${VSCODE_VERSION} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function onPath(name) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, name)));
}

/** The Debian packages the install needs (node-gyp builds; ripgrep replaces a GitHub download). */
function checkSystem() {
  const missing = [];
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep (/usr/bin/rg)');
  for (const [cmd, pkg] of [['make', 'build-essential'], ['g++', 'build-essential'], ['python3', 'python3'], ['pkg-config', 'pkg-config']]) {
    if (!onPath(cmd)) missing.push(`${pkg} (${cmd})`);
  }
  if (missing.length) {
    throw new Error(`missing system packages: ${missing.join(', ')}; install with: apt-get install chromium build-essential python3 pkg-config libkrb5-dev ripgrep`);
  }
}

/**
 * Makes sure the test VS Code is installed (installing it if needed) and
 * returns the path of its code-server executable.
 */
export async function ensureTestVSCode() {
  if (isTestVSCodeInstalled()) return codeServerBinary();
  checkSystem();
  // Stopped half-way, do not leave npm or a compiler running in the background.
  const killChild = (signal) => {
    try {
      if (currentChild?.pid) process.kill(-currentChild.pid, signal);
    } catch {
      // already gone
    }
  };
  const stopChild = () => {
    killChild('SIGTERM');
    try {
      if (readFileSync(join(lockDir, 'pid'), 'utf8') === String(process.pid)) rmSync(lockDir, { recursive: true, force: true });
    } catch {
      // no lock of ours
    }
  };
  const onSignal = (signal) => {
    killChild(signal);
    process.exit(128 + osConstants.signals[signal]);
  };
  process.on('exit', stopChild);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);
  try {
    await withLock(async () => {
      // Another process may have finished the install while we waited for the lock.
      if (!isTestVSCodeInstalled()) await install();
    });
  } finally {
    process.off('exit', stopChild);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, onSignal);
  }
  return codeServerBinary();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const bin = await ensureTestVSCode();
    log(`VS Code ${VSCODE_VERSION} for tests is ready`);
    console.log(bin);
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
