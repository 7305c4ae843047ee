// Finds the Chromium that the tests drive VS Code's web workbench in, and installs it where it can.
// `npm start` does not need it: only the integration, UI and package tests open a browser.
//
// Where no Chromium or Chrome is found and this runs as root on Debian or Ubuntu, it installs the
// distribution's package with apt-get, as `playwright install-deps` does, and says so. Anywhere else it
// stops with one line that gives the command to run. CHROMIUM_PATH names a browser to use instead.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onExit, onPath, repoRoot } from './code-server.mjs';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const say = (line) => console.log(`[chromium] ${line}`);

/** The Chromium or Chrome executable to use, if there is one: CHROMIUM_PATH, /usr/bin/chromium, or one on PATH. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of CANDIDATES) {
    const path = onPath(name);
    if (path) return path;
  }
  return process.platform === 'darwin' && existsSync(MAC_CHROME) ? MAC_CHROME : undefined;
}

/** The distribution's id and the ids it is like, from /etc/os-release (empty elsewhere). */
function distributionIds() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const field = (name) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(release)?.[1] ?? '';
    return `${field('ID')} ${field('ID_LIKE')}`.split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** The apt package that brings Chromium: Debian's `chromium`, Ubuntu's `chromium-browser`; undefined off apt. */
function aptPackage(ids) {
  if (ids.includes('ubuntu')) return 'chromium-browser';
  if (ids.includes('debian')) return 'chromium';
  return undefined;
}

/** Runs a command with its output appended to `logFile`; rejects with the log's last lines if it fails. */
function run(logFile, cmd, args) {
  const out = openSync(logFile, 'a');
  writeFileSync(out, `\n$ ${cmd} ${args.join(' ')}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const child = spawn(cmd, args, { stdio: ['ignore', out, out], env });
  closeSync(out);
  const stop = onExit(() => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => child.once('error', reject).once('close', (code) => resolve(code ?? 1)))
    .finally(stop)
    .then((code) => {
      if (code === 0) return;
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
      throw new Error(`${cmd} ${args.join(' ')} failed (exit ${code})\n--- last lines of ${logFile} ---\n${tail}`);
    });
}

let ensured;
/**
 * The path of a Chromium to drive the tests in, installed first if needed and possible. Throws an error
 * whose message is one line with the command to run where it cannot install one itself.
 */
export function ensureChromium() {
  ensured ??= (async () => {
    const found = findChromium();
    if (found) return found;
    if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH names ${process.env.CHROMIUM_PATH}, which does not exist; point it at a Chromium or Chrome executable, or unset it`);
    const pkg = process.platform === 'linux' ? aptPackage(distributionIds()) : undefined;
    const why = 'the tests drive VS Code\'s web workbench in it (npm start does not need it)';
    if (!pkg || !onPath('apt-get')) throw new Error(`Chromium not found: ${why}; install Chromium or Chrome, or set CHROMIUM_PATH to one`);
    if (process.getuid?.() !== 0) throw new Error(`Chromium not found: ${why}; install it with: sudo apt-get install ${pkg}`);

    const started = Date.now();
    mkdirSync(join(repoRoot, '.vscode-test'), { recursive: true });
    const logFile = join(repoRoot, '.vscode-test', 'apt-chromium.log');
    writeFileSync(logFile, `apt-get install ${pkg} started ${new Date().toISOString()}\n`);
    say(`Installing the system package ${pkg} with apt-get (running as root): ${why}.`);
    say(`(apt-get update, then apt-get install ${pkg}; a minute or two; details in ${logFile})`);
    await run(logFile, 'apt-get', ['update', '-q']);
    await run(logFile, 'apt-get', ['install', '-y', '-q', pkg]);
    const installed = findChromium();
    if (!installed) throw new Error(`apt-get installed ${pkg}, but no Chromium executable was found afterwards (see ${logFile})`);
    say(`Installed ${pkg} (${installed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return installed;
  })();
  return ensured;
}

if (process.argv[1] === import.meta.filename) {
  try {
    console.log(await ensureChromium());
  } catch (err) {
    say(err.message);
    process.exitCode = 1;
  }
}
