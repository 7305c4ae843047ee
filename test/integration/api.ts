import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Actions } from '../../src/actions';
import type { Catalog } from '../../src/core/catalog';
import type { ActivationResult, TestHandle } from '../../src/extension';
import type { EntriesTreeProvider, TreeNode } from '../../src/tree/entriesTreeProvider';

export const EXTENSION_ID = 'open-infra-index.open-infra-index';

export function extension(): vscode.Extension<ActivationResult> {
  const ext = vscode.extensions.getExtension<ActivationResult>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext;
}

/** The extension's parts, with shortcuts the tests use often. */
export interface TestApi extends TestHandle {
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  catalog(): Catalog | undefined;
}

/**
 * Activates the extension (if a test before has not) and returns its test
 * handle, which activate() adds to the public API only in VS Code's test mode.
 */
export async function api(): Promise<TestApi> {
  const handle = (await extension().activate()).testHandle;
  assert.ok(handle, 'activate() returns a test handle when VS Code runs the tests');
  return { ...handle, tree: handle.view.provider, treeView: handle.view.treeView, catalog: () => handle.store.catalog };
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

export interface Recorder {
  /** What the extension asked for since the test began: "open <url>", "copy <text>", "clone <url>", "error <message>"… */
  readonly calls: string[];
  /** What canClone() answers (true unless a test says otherwise). */
  canClone: boolean;
  /** Which choice a notification's user clicks (none unless a test says otherwise). */
  answer: (message: string, choices: readonly string[]) => string | undefined;
}

/**
 * For the suite it is called in: swaps the extension's actions (browser,
 * clipboard, Git, notifications) for a recorder, emptied before each test.
 */
export function recordActions(): Recorder {
  const recorder: Recorder = { calls: [], canClone: true, answer: () => undefined };
  const record = (line: string) => void recorder.calls.push(line);
  const actions: Actions = {
    openExternal: async (url) => record(`open ${url}`),
    copy: async (text) => {
      record(`copy ${text}`);
      await vscode.env.clipboard.writeText(text);
    },
    clone: async (url) => record(`clone ${url}`),
    canClone: () => recorder.canClone,
    notify: async (severity, message, choices) => (record(`${severity} ${message}`), recorder.answer(message, choices)),
  };
  let saved: Actions;
  suiteSetup(async () => {
    const ref = (await api()).actions;
    saved = ref.current;
    ref.current = actions;
  });
  suiteTeardown(async () => {
    (await api()).actions.current = saved;
  });
  setup(() => {
    recorder.calls.length = 0;
    recorder.canClone = true;
    recorder.answer = () => undefined;
  });
  return recorder;
}

/**
 * Markdown as VS Code shows it, read back as plain text: MarkdownString.appendText
 * escapes markdown's punctuation with backslashes and writes spaces as &nbsp;.
 */
export function markdownText(markdown: string | vscode.MarkdownString): string {
  return (typeof markdown === 'string' ? markdown : markdown.value).replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}
