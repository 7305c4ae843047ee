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

  test('charts only like with like, and draws the H800 roofline of FlashMLA and DeepGEMM (issue 11)', async () => {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.compareFigures');
    assert.ok(panel);
    const html = panel.webview.html;
    const titles = [...html.matchAll(/<h2 id="group-[^"]+-title">([^<]+) <span/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.ok(titles.includes('Bandwidth · cluster of 180 nodes · hardware not stated'), titles.join('\n'));
    assert.ok(titles.includes('Bandwidth · per GPU · Hopper'));
    // Each chart names one scope; the 180-node aggregate is in its own.
    for (const t of titles) assert.match(t, / · (per GPU|per node|per client node|cluster of \d+ nodes|cluster|whole system|scope not stated) · /, t);
    const cluster = /<section id="group-bandwidth-cluster-180-any"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.deepEqual([...cluster.matchAll(/<g class="bar[^"]*" data-action="openEntry" data-entry="([^"]+)"/g)].map((m) => m[1]), ['3fs']);
    const roofline = /<section id="roofline"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const marks = [...roofline.matchAll(/<g class="mark[^"]*" data-action="openEntry" data-entry="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(marks.includes('flashmla') && marks.includes('deepgemm'), marks.join(', '));
    assert.ok(marks.every((id) => id === 'flashmla' || id === 'deepgemm'));
    assert.match(roofline, /BF16 989\.4 TFLOPS/);
    assert.match(roofline, /FP8 1978\.9 TFLOPS/);
    assert.match(roofline, /HBM 3\.35 TB\/s/);
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
