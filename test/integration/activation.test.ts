import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND } from '../../src/commandIds';
import { extension, waitFor } from './api';
import { startState } from './startState';

suite('activation', () => {
  test('declares no eager activation event', () => {
    const manifest = extension().packageJSON as { activationEvents?: string[] };
    for (const event of manifest.activationEvents ?? []) {
      assert.ok(!['*', 'onStartupFinished'].includes(event), `activation event ${event}`);
    }
  });

  test('is not active before its view or a command is used', () => {
    // As index.ts found it before any test ran (whatever order the files run in).
    assert.equal(startState.extensionActive, false);
  });

  test('activates on its command and returns its public API', async () => {
    await vscode.commands.executeCommand('infraIndex.refresh');
    assert.equal(extension().isActive, true);
    const api = extension().exports;
    assert.equal(api.apiVersion, 1);
    const entries = api.entries();
    assert.equal(entries.length, 12);
    const flashmla = entries.find((e) => e.id === 'flashmla');
    assert.equal(flashmla?.repository, 'https://github.com/deepseek-ai/FlashMLA');
    const newer = flashmla?.figures.find((f) => f.value === 660 && f.unit === 'TFLOPS');
    assert.match(newer?.source?.url ?? '', /^https:\/\/github\.com\/deepseek-ai\/FlashMLA\/blob\/[0-9a-f]{7,}\//);
    assert.equal(flashmla?.figures.find((f) => f.value === 580)?.status, 'superseded');
  });

  test('the public API opens entries and refuses unknown ones', async () => {
    const api = extension().exports;
    assert.equal(await api.openEntry('no-such-entry'), false);
    assert.equal(await api.openEntry('3fs', { figure: 1 }), true);
    await waitFor('the 3FS tab', () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === '3FS');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the public API hands out copies: changing one does not change the index', async () => {
    const api = extension().exports;
    const first = api.entries()[0] as { name: string };
    first.name = 'changed';
    assert.notEqual(api.entries()[0].name, 'changed');
  });

  test('every contributed command is registered, and each has its constant', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepEqual([...contributed].sort(), Object.values(COMMAND).sort());
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is registered`);
  });
});
