#!/usr/bin/env node
// `npm start`: try the extension in an editor. With a desktop VS Code (`code`
// on PATH) it opens this folder there with the extension under development.
// Otherwise it serves VS Code 1.100.3 (code-server, installed into
// .vscode-test/ on first use) on 127.0.0.1 with the extension loaded, prints
// the URL to open in a browser and runs until Ctrl-C. Settings made in that
// VS Code persist in .vscode-test/start-user-data/.
// Environment: PORT (default 8080, or a free port if 8080 is taken),
// START_CODE_SERVER=1 to use code-server even with a desktop `code`.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, HOST, setSignalExitCode, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ensureTestVSCode, VSCODE_VERSION } from './install-test-vscode.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

async function main() {
  const code = process.env.START_CODE_SERVER === '1' ? undefined : onPath('code');
  if (code) {
    console.log(`Opening ${repoRoot} in VS Code with the extension under development (${code})`);
    const result = spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, repoRoot], { stdio: 'inherit' });
    return result.status ?? 1;
  }

  const bin = await ensureTestVSCode();
  let port;
  if (process.env.PORT) {
    port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
    if ((await freePort(port)) !== port) throw new Error(`port ${port} on ${HOST} is in use (set PORT to another one)`);
  } else {
    port = await freePort(8080);
  }

  setSignalExitCode(0); // Ctrl-C is the normal way to stop
  const dataDir = join(repoRoot, '.vscode-test', 'start-user-data');
  const server = await startCodeServer({ bin, port, dataDir });
  const url = workbenchUrl({ port: server.port, folder: repoRoot, extensionDevelopmentPath: repoRoot });
  console.log('');
  console.log(`Open Infra Index is running in VS Code ${VSCODE_VERSION}: ${url}`);
  console.log('');
  console.log(`Open that URL in a browser (rebuild with npm run build and reload the page to see changes).`);
  console.log(`Server log: ${server.logFile}. Press Ctrl-C to stop.`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (!stopping) console.log('\nStopping VS Code…');
      stopping = true; // code-server.mjs stops the server and exits
    });
  }

  const status = await server.exited;
  if (stopping) return new Promise(() => {});
  console.error(`code-server stopped unexpectedly (${status}); last lines of its log:\n${server.logTail(30)}`);
  await server.stop();
  return 1;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
