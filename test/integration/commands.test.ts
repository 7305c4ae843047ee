import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/entriesTreeProvider';
import { api, closeAllEditors, extension, recordActions, waitFor } from './api';

const entryIds = (nodes: TreeNode[], tree: { getChildren(n?: TreeNode): TreeNode[] }): string[] =>
  nodes.flatMap((n) => (n.type === 'entry' ? [n.item.entry.id] : entryIds(tree.getChildren(n), tree)));

suite('palette commands with id arguments', () => {
  const { calls } = recordActions();
  teardown(closeAllEditors);

  test('Open Repository takes an entry id', async () => {
    const url = await vscode.commands.executeCommand('infraIndex.openRepository', 'deepgemm');
    assert.equal(url, 'https://github.com/deepseek-ai/DeepGEMM');
    assert.deepEqual(calls, ['open https://github.com/deepseek-ai/DeepGEMM']);
  });

  test('the tree item commands take a node or an id', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('infraIndex.item.copyLink', tree.nodeFor('smallpond'));
    await vscode.commands.executeCommand('infraIndex.item.copyLink', 'fire-flyer-ai-hpc');
    await vscode.commands.executeCommand('infraIndex.item.openRepository', tree.nodeFor('eplb'));
    assert.deepEqual(calls, [
      'copy https://github.com/deepseek-ai/smallpond',
      'copy https://dl.acm.org/doi/10.1109/SC41406.2024.00089',
      'open https://github.com/deepseek-ai/eplb',
    ]);
  });

  test('openEntry takes an id and a figure to highlight', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', '3fs', { highlightFigure: 1 });
    assert.match(panel!.webview.html, /<article class="card highlight" id="figure-1"/);
  });

  test('on a visible entry, a figure is highlighted by a message to the page, not a new render', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', '3fs');
    assert.ok(panel);
    const html = panel.webview.html;
    const sent: unknown[] = [];
    const post = panel.webview.postMessage.bind(panel.webview);
    // A spy on this one webview: records what the extension sends the page.
    Object.assign(panel.webview, { postMessage: (message: unknown) => (sent.push(message), post(message)) });
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', '3fs', { highlightFigure: 2 });
    assert.equal(again, panel);
    assert.deepEqual(sent, [{ type: 'highlightFigure', figure: 2 }]);
    assert.equal(panel.webview.html, html, 'the page was not rendered again');
  });

  test('on an entry hidden behind another tab, a figure is highlighted by a new render', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', '3fs');
    await vscode.commands.executeCommand('infraIndex.openEntry', 'eplb');
    assert.ok(panel);
    // The view state follows the tab model, asynchronously.
    await waitFor('3FS behind EPLB', () => !panel.visible);
    await vscode.commands.executeCommand('infraIndex.openEntry', '3fs', { highlightFigure: 1 });
    assert.match(panel.webview.html, /<article class="card highlight" id="figure-1"/);
  });

  test('an unknown id is reported, not thrown', async () => {
    assert.equal(await vscode.commands.executeCommand('infraIndex.openRepository', 'no-such-entry'), undefined);
    assert.deepEqual(calls, ['error There is no entry "no-such-entry" in the index.']);
  });

  test('item-only commands are hidden from the command palette', () => {
    const hidden = (extension().packageJSON.contributes.menus.commandPalette as { command: string; when: string }[])
      .filter((m) => m.when === 'false')
      .map((m) => m.command);
    assert.deepEqual(hidden.sort(), ['infraIndex.item.copyLink', 'infraIndex.item.openRepository']);
  });

  test('contributes no keybinding, so none can shadow one of VS Code\'s own', () => {
    // The README promises this; users bind the commands (which take entry ids) themselves.
    assert.equal(extension().packageJSON.contributes.keybindings, undefined);
  });
});

suite('tree filter, grouping and sorting', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('infraIndex.clearFilter');
    const config = vscode.workspace.getConfiguration('infraIndex');
    await config.update('tree.groupBy', undefined, vscode.ConfigurationTarget.Global);
    await config.update('tree.sortBy', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a filter narrows the tree, keeps groups, and says so', async () => {
    const { tree, treeView } = await api();
    await vscode.commands.executeCommand('infraIndex.filterTree', 'GraySort');
    const roots = tree.getChildren();
    assert.deepEqual(roots.map((r) => (r.type === 'group' ? r.group.label : r.item.entry.id)), ['Open-Source Week']);
    assert.deepEqual(entryIds(roots, tree), ['3fs', 'smallpond']);
    assert.equal(treeView.message, 'Filtered by "GraySort": 2 of 12 entries.');
    assert.equal(treeView.description, 'Filter: GraySort · bundled · upstream of 2025-05-15');
  });

  test('the filter is kept in workspace state, so it survives a reload', async () => {
    const { view } = await api();
    await vscode.commands.executeCommand('infraIndex.filterTree', 'FP8');
    // What a reloaded window reads back from the extension's workspaceState.
    assert.equal(view.persistedFilter(), 'FP8');
    await vscode.commands.executeCommand('infraIndex.clearFilter');
    assert.equal(view.persistedFilter(), undefined);
  });

  test('a filter that matches nothing empties the tree with a message', async () => {
    const { tree, treeView } = await api();
    await vscode.commands.executeCommand('infraIndex.filterTree', 'zzzqx');
    assert.deepEqual(tree.getChildren(), []);
    assert.match(treeView.message ?? '', /No entries match "zzzqx"/);
  });

  test('clearing the filter brings every entry back', async () => {
    const { tree, treeView } = await api();
    await vscode.commands.executeCommand('infraIndex.filterTree', 'H800');
    await vscode.commands.executeCommand('infraIndex.clearFilter');
    assert.equal(entryIds(tree.getChildren(), tree).length, 12);
    assert.equal(treeView.message, undefined);
  });

  test('group by kind, then none, sorted by name', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('infraIndex.groupBy', 'kind');
    await waitFor('kind groups', () => tree.getChildren().some((r) => r.type === 'group' && r.group.id === 'kind:file-system'));
    const kernels = tree.getChildren().find((r) => r.type === 'group' && r.group.id === 'kind:kernel-library')!;
    assert.deepEqual(entryIds([kernels], tree), ['flashmla', 'deepgemm']);
    const node = tree.nodeFor('deepgemm')!;
    assert.equal(tree.getParent(node), kernels, 'getParent follows the grouping');

    await vscode.commands.executeCommand('infraIndex.groupBy', 'none');
    await vscode.commands.executeCommand('infraIndex.sortBy', 'name');
    await waitFor('a flat list', () => tree.getChildren().every((r) => r.type === 'entry'));
    assert.equal(entryIds(tree.getChildren(), tree)[0], '3fs');
    assert.equal(tree.getParent(tree.nodeFor('3fs')!), undefined);
  });

  test('an unexpected grouping value falls back to period', async () => {
    const { tree } = await api();
    await vscode.workspace.getConfiguration('infraIndex').update('tree.groupBy', 'by colour', vscode.ConfigurationTarget.Global);
    await waitFor('period groups', () => tree.getChildren()[0]?.type === 'group');
    const first = tree.getChildren()[0];
    assert.equal(first.type === 'group' && first.group.id, 'period:202505-industry-track-paper-isca25');
  });
});
