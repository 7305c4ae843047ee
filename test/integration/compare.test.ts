import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeWebviewTab, api, closeAllEditors, recordActions, waitFor } from './api';

suite('Compare Figures', () => {
  const { calls } = recordActions();
  teardown(closeAllEditors);

  test('opens one comparison panel with a chart and a table per group', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.compareFigures');
    assert.ok(panel);
    assert.equal(panel.title, 'Compare Figures');
    const html = panel.webview.html;
    assert.match(html, /<svg\b/);
    assert.equal((html.match(/<svg\b/g) ?? []).length, (html.match(/<table\b/g) ?? []).length);
    assert.match(html, /data-entry="flashmla"/);
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.compareFigures');
    assert.equal(again, panel, 'revealed, not opened twice');
    const tab = await waitFor('the comparison tab', activeWebviewTab);
    assert.match(tab.viewType, /infraIndex\.compare/);
  });

  test('a bar opens its entry at that figure', async () => {
    const { compare, panels } = await api();
    await vscode.commands.executeCommand('infraIndex.compareFigures');
    await compare.receive({ type: 'openEntry', id: 'flashmla', figure: 1 });
    const panel = panels.panelFor('flashmla');
    assert.ok(panel, 'the FlashMLA panel opened');
    assert.match(panel.webview.html, /<article class="card highlight" id="figure-1"/);
  });

  test('malformed messages are ignored', async () => {
    const { compare, panels } = await api();
    await vscode.commands.executeCommand('infraIndex.compareFigures');
    for (const m of [null, { type: 'openEntry', id: 'NOPE' }, { type: 'copyFigure', figure: 1 }, { type: 'openLink', url: 'javascript:x' }, { type: 'openLink', url: 'file:///etc/passwd' }]) {
      await compare.receive(m);
    }
    assert.deepEqual(panels.openIds, []);
    assert.deepEqual(calls, [], 'nothing opened');
  });

  test('links open through the extension, http(s) only', async () => {
    const { compare } = await api();
    await vscode.commands.executeCommand('infraIndex.compareFigures');
    // A source link the page shows: the panel opens no other (issue 9).
    const shown = /<a class="external" href="(https:\/\/github\.com\/deepseek-ai\/DeepGEMM\/[^"&]+)"/.exec(compare.current?.webview.html ?? '')?.[1];
    assert.ok(shown, 'the page links a DeepGEMM source');
    await compare.receive({ type: 'openLink', url: shown });
    await compare.receive({ type: 'openLink', url: 'command:workbench.action.terminal.new' });
    assert.deepEqual(calls, [`open ${shown}`]);
  });
});
