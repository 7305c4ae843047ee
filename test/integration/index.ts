// Entry point of the integration tests, loaded by VS Code's extension host
// (extensionTestsPath): runs every compiled *.test.js under this folder with
// mocha inside the real `vscode` API.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './api';
import { startState } from './startState';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.test.js'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

export async function run(): Promise<void> {
  const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop';
  console.log(`Running in VS Code ${vscode.version} (${vscode.env.appName}, uiKind ${uiKind})`);
  startState.extensionActive = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;

  // mocha 12 is an ES module: a real import() loads it in every extension host,
  // also in desktop VS Code builds whose Node cannot require() ES modules.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'tdd', timeout: 20_000, color: false });
  // `node scripts/run-integration.mjs --grep <pattern>` runs only matching tests.
  const grep = process.env.INTEGRATION_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = testFiles(__dirname);
  if (files.length === 0) {
    throw new Error(`no *.test.js files under ${__dirname}; build them with: node scripts/build.mjs --tests`);
  }
  for (const file of files) mocha.addFile(file);

  let passed = 0;
  let failed = 0;
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++); // failed hooks count too: they skip tests
    } catch (err) {
      // A test file that throws while loading.
      failed++;
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  }).finally(() => {
    // The plain summary line CI reads.
    console.log(`${passed} passed, ${failed} failed`);
  });
  if (failed > 0) throw new Error(`${failed} integration test${failed === 1 ? '' : 's'} failed`);
  if (passed === 0) throw new Error(grep ? `no integration test matches ${grep}` : 'no integration tests ran');
}
