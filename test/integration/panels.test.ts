import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENTRY_VIEW_TYPE } from '../../src/panels/entryPanels';
import { activeWebviewTab, api, closeAllEditors, recordActions, waitFor } from './api';

suite('entry panels', () => {
  teardown(closeAllEditors);

  test('openEntry with an id opens that entry in a webview panel', async () => {
    const { panels } = await api();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'flashmla');
    assert.ok(panel, 'the command returns its panel');
    assert.equal(panel.title, 'FlashMLA');
    assert.match(panel.webview.html, /3000 GB\/s/);
    const tab = await waitFor('the webview tab', activeWebviewTab);
    assert.match(tab.viewType, /infraIndex\.entry/);
    assert.deepEqual(panels.openIds, ['flashmla']);
  });

  test('a panel says what each figure is of, and shows a figure’s history with dates and sources (issue 11)', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'flashmla');
    assert.ok(panel);
    const html = panel.webview.html;
    assert.match(html, /<dt>Of<\/dt><dd>per GPU<\/dd>/);
    const history = /<section id="history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(history, /580 TFLOPS → 660 TFLOPS \(\+13\.8%\)/);
    assert.match(history, /<time datetime="2025-02-24">[\s\S]*deepseek-ai\/FlashMLA · README\.md @ 414a2f3/);
    assert.match(history, /<time datetime="2025-04-22">[\s\S]*up to 660 BF16 TFLOPS/);
    // A figure its source dropped: shown as last published, with the commit that dropped it (issue 24).
    const deepgemm = (await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'deepgemm'))?.webview.html ?? '';
    const card = /<article class="card[^"]*"[^>]*aria-label="2668 GB\/s[\s\S]*?<\/article>/.exec(deepgemm)?.[0] ?? '';
    assert.match(card, /<span class="badge warn">Removed from its source<\/span>/);
    assert.match(card, /Removed from its source by <a [^>]*href="https:\/\/github\.com\/deepseek-ai\/DeepGEMM\/commit\/37aa127451034f760e1a0fc73a06de74c0f56ae4"[^>]*>37aa127<\/a> · <time datetime="2025-04-14">/);
    const eplb = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'eplb');
    assert.match(eplb?.webview.html ?? '', /<span class="badge">configuration<\/span>/);
  });

  test('opening an entry twice reveals the same panel', async () => {
    const { panels } = await api();
    const first = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', '3fs');
    await vscode.commands.executeCommand('infraIndex.openEntry', 'eplb');
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', '3fs');
    assert.equal(again, first);
    assert.deepEqual(panels.openIds.sort(), ['3fs', 'eplb']);
  });

  test('every entry opens through its command', async () => {
    const { panels, catalog } = await api();
    for (const item of catalog()!.entries) {
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', item.entry.id);
      assert.equal(panel?.title, item.entry.name);
    }
    assert.equal(panels.openIds.length, 12);
  });

  test('an unknown id opens nothing', async () => {
    const { panels } = await api();
    const panel = await vscode.commands.executeCommand('infraIndex.openEntry', 'no-such-entry');
    assert.equal(panel, undefined);
    assert.deepEqual(panels.openIds, []);
  });

  test('closing a panel forgets it', async () => {
    const { panels } = await api();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'deepep');
    assert.ok(panel, 'the panel opened');
    assert.deepEqual(panels.openIds, ['deepep']);
    panel.dispose();
    assert.deepEqual(panels.openIds, []);
  });
});

suite('entry panel behaviour', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('infraIndex').update('panel.reuse', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('with infraIndex.panel.reuse, one panel follows the selection', async () => {
    const { panels } = await api();
    await vscode.workspace.getConfiguration('infraIndex').update('panel.reuse', true, vscode.ConfigurationTarget.Global);
    const first = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'flashmla');
    const second = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'deepgemm');
    assert.equal(second, first);
    assert.equal(second?.title, 'DeepGEMM');
    assert.match(second!.webview.html, /1350\+/);
    assert.deepEqual(panels.openIds, ['deepgemm']);
  });

  test('an unexpected setting value falls back to the default', async () => {
    const { panels } = await api();
    await vscode.workspace.getConfiguration('infraIndex').update('panel.reuse', 'yes please', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('infraIndex.openEntry', 'flashmla');
    await vscode.commands.executeCommand('infraIndex.openEntry', 'deepgemm');
    assert.deepEqual(panels.openIds, ['flashmla', 'deepgemm']);
  });

  test('the tree reveals and selects the entry of the active panel', async () => {
    const { treeView } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.infraIndex');
    await waitFor('the tree view', () => treeView.visible);
    await vscode.commands.executeCommand('infraIndex.openEntry', 'eplb');
    await waitFor('eplb selected', () => treeView.selection[0]?.type === 'entry' && treeView.selection[0].item.entry.id === 'eplb');
    await vscode.commands.executeCommand('infraIndex.openEntry', 'smallpond');
    await waitFor('smallpond selected', () => treeView.selection[0]?.type === 'entry' && treeView.selection[0].item.entry.id === 'smallpond');
  });

  test('the panel serializer is registered for entry panels', async () => {
    await api();
    assert.throws(
      () => vscode.window.registerWebviewPanelSerializer(ENTRY_VIEW_TYPE, { deserializeWebviewPanel: async () => undefined }),
      /already registered/,
    );
  });

  test('a restored panel shows the entry its state names', async () => {
    const { panels } = await api();
    const panel = vscode.window.createWebviewPanel(ENTRY_VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {});
    await panels.deserializeWebviewPanel(panel, { entryId: '3fs', scrollY: 120 });
    assert.equal(panel.title, '3FS');
    assert.match(panel.webview.html, /6\.6/);
    assert.deepEqual(panels.openIds, ['3fs']);
    assert.equal(panels.panelFor('3fs'), panel);
  });

  test('a restored panel whose entry is gone is closed', async () => {
    const { panels } = await api();
    const panel = vscode.window.createWebviewPanel(ENTRY_VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, {});
    let disposed = false;
    panel.onDidDispose(() => (disposed = true));
    await panels.deserializeWebviewPanel(panel, { entryId: 'vanished' });
    assert.equal(disposed, true);
    assert.deepEqual(panels.openIds, []);
  });
});

suite('entry panel messages', () => {
  const recorder = recordActions();
  const { calls } = recorder;
  teardown(closeAllEditors);

  async function open(id: string): Promise<vscode.WebviewPanel> {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', id);
    assert.ok(panel);
    return panel;
  }

  test('links open through the extension, http(s) only', async () => {
    const { panels } = await api();
    const panel = await open('flashmla');
    await panels.receive(panel, { type: 'openLink', url: 'https://github.com/deepseek-ai/FlashMLA' });
    await panels.receive(panel, { type: 'openLink', url: 'javascript:alert(1)' });
    await panels.receive(panel, { type: 'openLink', url: 'file:///etc/passwd' });
    await panels.receive(panel, { type: 'openLink', url: 'command:workbench.action.terminal.new' });
    assert.deepEqual(calls, ['open https://github.com/deepseek-ai/FlashMLA']);
  });

  test('repository actions reach their handlers', async () => {
    const { panels } = await api();
    const panel = await open('3fs');
    await panels.receive(panel, { type: 'openRepository' });
    await panels.receive(panel, { type: 'cloneRepository' });
    await panels.receive(panel, { type: 'copyLink' });
    assert.deepEqual(calls, [
      'open https://github.com/deepseek-ai/3FS',
      'clone https://github.com/deepseek-ai/3FS',
      'copy https://github.com/deepseek-ai/3FS',
    ]);
    assert.equal(await vscode.env.clipboard.readText(), 'https://github.com/deepseek-ai/3FS');
  });

  test('where Git cannot clone (vscode.dev), the page offers no Clone and a stale request clones nothing', async () => {
    recorder.canClone = false;
    const { panels } = await api();
    const panel = await open('deepep');
    assert.doesNotMatch(panel.webview.html, /data-action="cloneRepository"/);
    assert.match(panel.webview.html, /data-action="openRepository"/);
    await panels.receive(panel, { type: 'cloneRepository' });
    assert.equal(calls.length, 1);
    assert.match(calls[0], /^info Cloning needs VS Code's Git extension.*https:\/\/github\.com\/deepseek-ai\/DeepEP/);
  });

  test('copying a figure puts one line with its source on the clipboard', async () => {
    const { panels } = await api();
    const panel = await open('deepgemm');
    await panels.receive(panel, { type: 'copyFigure', figure: 0 });
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^DeepGEMM: up to 1350\+ FP8 TFLOPS \(Hopper\)\. Source: https:\/\/github\.com\/deepseek-ai\/open-infra-index\/blob\/[0-9a-f]+\/README\.md \(2025-02-26\)$/);
  });

  test('a related-entry message opens that entry', async () => {
    const { panels } = await api();
    const panel = await open('3fs');
    await panels.receive(panel, { type: 'openEntry', id: 'smallpond' });
    assert.deepEqual(panels.openIds, ['3fs', 'smallpond']);
    await waitFor('smallpond in front', () => activeWebviewTab() && vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'smallpond');
  });

  test('unknown and malformed messages are ignored', async () => {
    const { panels } = await api();
    const panel = await open('eplb');
    for (const m of [undefined, 'openLink', { type: 'runCommand', command: 'x' }, { type: 'openEntry', id: 'no-such' }, { type: 'copyFigure', figure: 999 }, { type: 'openLink' }]) {
      await panels.receive(panel, m);
    }
    assert.deepEqual(calls, []);
    assert.deepEqual(panels.openIds, ['eplb']);
  });
});
