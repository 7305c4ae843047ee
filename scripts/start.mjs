#!/usr/bin/env node
// `npm start`: the extension in an editor. With a desktop VS Code (`code` on PATH) it opens this folder
// there with the extension under development. Otherwise it serves the newest VS Code the tests run
// (code-server, installed into .vscode-test/ on first use, from the npm registry only) on 127.0.0.1 with
// the extension loaded, prints the URL and runs until Ctrl-C. It needs no browser of its own: open the
// URL in yours. Settings made in that VS Code persist in .vscode-test/start-user-data-<version>/.
// Environment: PORT (default 8080, or a free port if 8080 is taken), START_CODE_SERVER=1 to use
// code-server even with a desktop `code`, VSCODE_TEST_VERSION=oldest for VS Code 1.100.3.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, HOST, onPath, repoRoot, setSignalHandler, startCodeServer, workbenchUrl } from './code-server.mjs';
import { testVSCode } from './install-test-vscode.mjs';

const code = process.env.START_CODE_SERVER === '1' ? undefined : onPath('code');
if (code) {
  console.log(`Opening ${repoRoot} in VS Code with the extension under development (${code})`);
  process.exit(spawnSync(code, [`--extensionDevelopmentPath=${repoRoot}`, repoRoot], { stdio: 'inherit' }).status ?? 1);
}
try {
  const port = await freePort(Number(process.env.PORT) || 8080);
  if (process.env.PORT && port !== Number(process.env.PORT)) throw new Error(`port ${process.env.PORT} on ${HOST} is in use or invalid (set PORT to another one)`);
  const target = testVSCode(process.env.VSCODE_TEST_VERSION || 'newest');
  const server = await startCodeServer({ port, version: target.name, develop: repoRoot, dataDir: join(repoRoot, '.vscode-test', `start-user-data-${target.vscode}`) });
  let stopping = false;
  // Ctrl-C is the normal way to stop.
  setSignalHandler(async () => {
    stopping = true;
    console.log('\nStopping VS Code…');
    await server.stop();
    return 0;
  });
  console.log(`\nOpen Infra Index is running in VS Code ${server.vscode}: ${workbenchUrl({ port, folder: repoRoot, extensionDevelopmentPath: server.extensionDevelopmentPath })}\n`);
  console.log('Open that URL in a browser. To see a change, rebuild (npm run build, or keep npm run watch running) and reload the page.');
  console.log(`Server log: ${server.logFile}. Press Ctrl-C to stop.`);
  const status = await server.exited;
  if (!stopping) {
    console.error(`code-server stopped unexpectedly (${status}); last lines of its log:\n${server.logTail(30)}`);
    process.exit(1);
  }
} catch (err) {
  console.error(err.message);
  process.exitCode = 1;
}
