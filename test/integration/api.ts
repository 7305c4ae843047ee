import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InfraIndexApi } from '../../src/extension';

export const EXTENSION_ID = 'open-infra-index.open-infra-index';

export function extension(): vscode.Extension<InfraIndexApi> {
  const ext = vscode.extensions.getExtension<InfraIndexApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext;
}

/** Activates the extension (if a test before has not) and returns its API. */
export async function api(): Promise<InfraIndexApi> {
  return extension().activate();
}

/** Polls until the condition holds: the tab model and views update asynchronously. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function activeWebviewTab(): vscode.TabInputWebview | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputWebview ? input : undefined;
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
