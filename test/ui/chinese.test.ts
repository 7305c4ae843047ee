// Issue 13, clicked through: with the extension's display language set to
// Simplified Chinese (the offline VS Code has no Chinese language pack, so its
// own setting selects the same bundles), the tree, an entry panel and Find
// Entry read in Chinese.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, repoRoot, waitUntil, type Workbench } from './workbench';

const zh = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const data = JSON.parse(readFileSync(join(repoRoot, 'media', 'entries.json'), 'utf8')) as { entries: Record<string, { translations: { 'zh-cn': { tagline: string } } }> };
const tagline = (id: string) => data.entries[id].translations['zh-cn'].tagline;

describe('the extension in Simplified Chinese', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench({ settings: { 'infraIndex.displayLanguage': 'zh-cn', 'workbench.colorTheme': 'Default Light Modern' } });
  });
  after(async () => wb?.close());

  test('the tree shows kinds in Chinese', { timeout: 120_000 }, async () => {
    await wb.openView();
    await wb.waitForRows(1);
    await wb.expandAll();
    let rows: string[] = [];
    await waitUntil('the EPLB row in Chinese', async () => {
      rows = await wb.treeRows();
      return rows.some((r) => r.startsWith('EPLB') && r.includes(zh['load balancer']));
    });
    assert.ok(rows.some((r) => r.startsWith('DualPipe') && r.includes(zh['parallelism algorithm'])), rows.join('\n'));
  });

  test('an entry panel reads in Chinese', { timeout: 120_000 }, async () => {
    await wb.openEntryFromTree('FlashMLA');
    const page = wb.webviewFrame();
    await waitUntil('the Chinese tagline', async () => (await page.locator('.tagline').innerText().catch(() => '')).trim() === tagline('flashmla'));
    const headings = await page.locator('h2').allInnerTexts();
    for (const h of ['Summary', 'Figures', 'Figure history', 'Links']) assert.ok(headings.some((x) => x.trim() === zh[h]), `"${zh[h]}" among ${headings.join(', ')}`);
    await wb.screenshot('panel-flashmla-zh-cn', { readme: true });
  });

  test('Find Entry finds an entry by its Chinese tagline', { timeout: 120_000 }, async () => {
    await wb.runCommandAndType('Infra Index: Find Entry…', tagline('3fs').slice(0, 6));
    const input = wb.quickInput;
    assert.equal(await input.getAttribute('placeholder'), zh['Search by name, kind, figure, benchmark or hardware (e.g. GraySort, FP8, H800)']);
    const first = wb.page.locator('.quick-input-list .monaco-list-row').first();
    await waitUntil('3FS first', async () => (await first.innerText().catch(() => '')).includes('3FS'));
    assert.match(await first.innerText(), new RegExp(zh['file system']));
    await wb.page.keyboard.press('Escape');
  });
});
