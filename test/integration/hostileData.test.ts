// Hostile index text and data in the VS Code layer (issue 9): tooltips show
// data as text, icons never come from Object members, panels open only the
// links their page shows and clone only from https://github.com.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildCatalog, catalogFromSources } from '../../src/core/catalogBuild';
import type { EntryDataFile } from '../../src/core/entryData';
import { parseIndex } from '../../src/core/parseIndex';
import { entryTooltip } from '../../src/tree/entriesTreeProvider';
import { kindIcon } from '../../src/tree/kindIcons';
import { api, closeAllEditors, extension, recordActions } from './api';

function media(name: string): string {
  return readFileSync(path.join(extension().extensionPath, 'media', name), 'utf8');
}

/** Markdown outside a backslash escape: what a renderer would turn into an image or a link. */
function unescaped(markdown: string, pattern: RegExp): boolean {
  return pattern.test(markdown.replace(/\\./g, ''));
}

suite('hostile data in the tree', () => {
  test('a released date full of markdown shows as text in the tooltip', () => {
    const data = JSON.parse(media('entries.json')) as EntryDataFile;
    const released = '2025)_ ![t](https://tracker.example/p.png) [Open](https://evil.example) _(';
    const catalog = buildCatalog(parseIndex(media('open-infra-index.md')), { entries: { flashmla: { ...data.entries.flashmla, released } } });
    const tooltip = entryTooltip(catalog.get('flashmla')!);
    assert.ok(!unescaped(tooltip.value, /!\[/), `no image: ${tooltip.value}`);
    assert.ok(!unescaped(tooltip.value, /\]\(/), `no link: ${tooltip.value}`);
    assert.ok(tooltip.value.includes(new vscode.MarkdownString().appendText(released).value), 'the date reads as written');
  });

  test('kinds named like Object members get the plain entry icon', () => {
    for (const kind of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const icon = kindIcon(kind as never);
      assert.equal(icon.id, 'symbol-misc', kind);
    }
    assert.equal(kindIcon('paper').id, 'book');
  });
});

suite('hostile index text in panels', () => {
  const { calls } = recordActions();
  teardown(async () => {
    await closeAllEditors();
    await (await api()).store.load();
  });

  test('an entry page opens only the links it shows', async () => {
    const { panels } = await api();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'flashmla');
    assert.ok(panel);
    const shown = [...panel.webview.html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.ok(shown.length > 3);
    for (const url of ['https://evil.example/', 'https://github.com@evil.example/a/b', 'https://github.com/deepseek-ai/FlashMLA/issues']) {
      await panels.receive(panel, { type: 'openLink', url });
    }
    assert.deepEqual(calls, []);
    for (const url of shown) await panels.receive(panel, { type: 'openLink', url });
    assert.deepEqual(calls, shown.map((url) => `open ${url}`));
  });

  test('Clone… is neither offered nor done for a plain-http repository', async () => {
    const { panels, store } = await api();
    const catalog = catalogFromSources('# Index\n## 202502 Open-Source Week\n### Day 1 - [A](http://github.com/someone/repo)\nA library.\n', undefined, parseIndex);
    assert.ok(store.accept(catalog));
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'repo');
    assert.ok(panel);
    assert.doesNotMatch(panel.webview.html, /data-action="cloneRepository"/);
    calls.length = 0;
    await panels.receive(panel, { type: 'cloneRepository' });
    assert.deepEqual(calls.filter((c) => c.startsWith('clone')), []);
  });

  test('the comparison opens only the links it shows', async () => {
    const { compare } = await api();
    await vscode.commands.executeCommand('infraIndex.compareFigures');
    const html = compare.current!.webview.html;
    const shown = [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.ok(shown.length > 0);
    await compare.receive({ type: 'openLink', url: 'https://evil.example/' });
    await compare.receive({ type: 'openLink', url: 'https://github.com/deepseek-ai/DeepGEMM' });
    assert.deepEqual(calls, []);
    await compare.receive({ type: 'openLink', url: shown[0] });
    assert.deepEqual(calls, [`open ${shown[0]}`]);
  });
});
