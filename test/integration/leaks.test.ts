import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, waitFor } from './api';

const activeTabLabel = () => vscode.window.tabGroups.activeTabGroup.activeTab?.label;
const hasWebviewTab = () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview));

suite('no leaks', () => {
  teardown(closeAllEditors);

  test('after 200 open/close cycles of entry panels and the Compare view, registrations are back to their baseline', async function () {
    this.timeout(240_000);
    const { panels, compare, catalog, liveRegistrations } = await api();
    await closeAllEditors();
    const baseline = liveRegistrations();
    const ids = catalog()!.entries.map((e) => e.entry.id);
    let peak = baseline;
    for (let cycle = 0; cycle < 200; cycle++) {
      // One at a time, paced by the workbench's own tab model (it builds and tears down each
      // webview in the browser): closing webviews faster than it can follow upsets it.
      const name = catalog()!.get(ids[cycle % ids.length])!.entry.name;
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', ids[cycle % ids.length]);
      await waitFor(`the ${name} tab`, () => activeTabLabel() === name, 10_000);
      peak = Math.max(peak, liveRegistrations());
      panel?.dispose();
      await waitFor('no webview tab', () => !hasWebviewTab(), 10_000);
      const comparison = compare.show();
      await waitFor('the comparison tab', () => activeTabLabel() === 'Compare Figures', 10_000);
      comparison.dispose();
      await waitFor('no webview tab', () => !hasWebviewTab(), 10_000);
    }
    await waitFor('the workbench to close every webview tab', () => !hasWebviewTab(), 30_000);
    assert.ok(peak > baseline, 'an open panel holds registrations (the count is live)');
    assert.deepEqual(panels.openIds, []);
    assert.equal(compare.current, undefined);
    assert.equal(liveRegistrations(), baseline);
  });
});
