import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from './api';

// This file's name sorts first, so these tests see the extension before anything used it.
suite('activation', () => {
  test('declares no eager activation event', () => {
    const manifest = extension().packageJSON as { activationEvents?: string[] };
    for (const event of manifest.activationEvents ?? []) {
      assert.ok(!['*', 'onStartupFinished'].includes(event), `activation event ${event}`);
    }
  });

  test('is not active before its view or a command is used', () => {
    assert.equal(extension().isActive, false);
  });

  test('activates on its command and returns its API', async () => {
    await vscode.commands.executeCommand('infraIndex.refresh');
    assert.equal(extension().isActive, true);
    const api = extension().exports;
    assert.ok(api, 'activate() returned an API');
    assert.equal(api.catalog()?.entries.length, 10);
  });

  test('every contributed command is registered', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 2);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is registered`);
  });
});
