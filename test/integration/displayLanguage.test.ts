// Issue 13: the extension speaks Simplified Chinese. The offline VS Code has
// no Chinese language pack, so the test selects the extension's own display
// language (infraIndex.displayLanguage), which loads the same bundles VS Code
// would, and reads the tree, a panel and a palette lookup.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/entriesTreeProvider';
import { api, closeAllEditors, markdownText, waitFor } from './api';

const root = resolve(__dirname, '..', '..', '..');
const zh = JSON.parse(readFileSync(resolve(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const data = JSON.parse(readFileSync(resolve(root, 'media', 'entries.json'), 'utf8')) as { entries: Record<string, { translations: { 'zh-cn': { tagline: string } } }> };

async function setLanguage(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('infraIndex').update('displayLanguage', value, vscode.ConfigurationTarget.Global);
}

suite('display language', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    await setLanguage(undefined);
    const { locale } = await api();
    await waitFor('English again', () => locale.locale === 'en', 10_000);
  });

  test('infraIndex.displayLanguage = zh-cn shows the tree and a panel in Chinese, and back (Find Entry: test/ui/chinese.test.ts)', async () => {
    const { locale, tree } = await api();
    assert.equal(locale.locale, 'en');
    await setLanguage('zh-cn');
    await waitFor('the Chinese bundle', () => locale.locale === 'zh-cn', 10_000);
    const item = (id: string) => tree.getTreeItem(tree.nodeFor(id) as TreeNode);
    assert.equal(item('eplb').description, zh['load balancer']);
    const tooltip = markdownText(item('3fs').tooltip as vscode.MarkdownString);
    assert.ok(tooltip.includes(data.entries['3fs'].translations['zh-cn'].tagline), tooltip);

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'flashmla');
    assert.ok(panel);
    assert.ok(panel.webview.html.includes(`>${zh['Summary']}</h2>`), 'the panel’s headings');
    assert.ok(panel.webview.html.includes(data.entries.flashmla.translations['zh-cn'].tagline), 'the panel’s tagline');

    await setLanguage('en');
    await waitFor('English', () => locale.locale === 'en', 10_000);
    assert.equal(item('eplb').description, 'load balancer');
    await waitFor('the panel in English', () => panel.webview.html.includes('>Summary</h2>'), 5_000);
  });

  test('a value the setting does not offer leaves the extension in English', async () => {
    const { locale } = await api();
    await setLanguage('fr');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(locale.locale, 'en');
  });
});
