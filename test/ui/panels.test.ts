// Entry panels as a user meets them: opened from the tree, read inside the
// webview, a related chip clicked, and the window reloaded.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { linkLabel } from '../../src/core/panelHtml';
import { parseIndex } from '../../src/core/parseIndex';
import { formatNumber } from '../../src/core/units';
import { openWorkbench, repoRoot, waitUntil, type Workbench } from './workbench';

const media = (name: string) => readFileSync(join(repoRoot, 'media', name), 'utf8');
const catalog = catalogFromSources(media('open-infra-index.md'), media('entries.json'), parseIndex);

describe('entry panels in a light theme', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    await wb.setColorTheme('Light Modern');
  });
  after(async () => wb?.close());

  for (const item of catalog.entries) {
    test(`${item.entry.name}: its page shows every figure and link`, { timeout: 60_000 }, async () => {
      const text = (await wb.openEntryFromTree(item.entry.name)).replace(/\s+/g, ' ');
      for (const f of item.figures) {
        const shown = `${formatNumber(f.value)}${f.lowerBound ? '+' : ''} ${f.unit}`;
        assert.ok(text.includes(shown), `${item.entry.id}: ${shown}`);
      }
      const frame = wb.webviewFrame();
      for (const link of item.entry.links) {
        const anchor = frame.locator(`#links a[href="${new URL(link.url).toString()}"]`);
        assert.equal(await anchor.count(), 1, `${item.entry.id}: link to ${link.url}`);
        assert.equal((await anchor.innerText()).trim(), linkLabel(link));
      }
      for (const feature of item.entry.features) assert.ok(text.includes(feature), feature);
    });
  }

  test('a related-entry chip opens that entry', { timeout: 60_000 }, async () => {
    await wb.openEntryFromTree('3FS');
    await wb.webviewFrame().locator('#related button.chip', { hasText: 'smallpond' }).click();
    await wb.waitForActiveTab('smallpond');
    await waitUntil('the smallpond page', async () => (await wb.webviewFrame().locator('h1').innerText()).trim() === 'smallpond');
  });

  test('light theme screenshot', { timeout: 60_000 }, async () => {
    await wb.openEntryFromTree('FlashMLA');
    await wb.screenshot('panel-flashmla-light');
  });

  test('after Reload Window the panel comes back on the same entry, scrolled where it was', { timeout: 120_000 }, async () => {
    await wb.openEntryFromTree('DeepGEMM');
    // Scroll down to the links, then give the page time to save its state.
    await wb.webviewFrame().locator('#links').scrollIntoViewIfNeeded();
    const scrolled = await wb.webviewFrame().locator('body').evaluate(() => window.scrollY);
    assert.ok(scrolled > 0, 'the page scrolled');
    await wb.page.waitForTimeout(500);
    // As a user reloads: the command lets the workbench save its state first (a bare page reload may not).
    await wb.reloadWindow();
    await waitUntil('the workbench again', async () => (await wb.page.locator('.monaco-workbench').count()) > 0, 60_000);
    await wb.waitForActiveTab('DeepGEMM', 60_000);
    await waitUntil(
      'the restored DeepGEMM page',
      async () => (await wb.webviewFrame().locator('h1').innerText({ timeout: 2_000 }).catch(() => '')).trim() === 'DeepGEMM',
      60_000,
    );
    assert.match(await wb.webviewFrame().locator('#figures').innerText(), /1350\+/);
    let restored = 0;
    await waitUntil(`the page scrolled back to ${scrolled}`, async () => {
      restored = await wb.webviewFrame().locator('body').evaluate(() => window.scrollY);
      return Math.abs(restored - scrolled) < 40;
    }, 10_000).catch(() => undefined);
    assert.ok(Math.abs(restored - scrolled) < 40, `scrolled back to ${scrolled}, at ${restored}`);
  });
});

describe('entry panels in a dark theme', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    await wb.setColorTheme('Dark Modern');
  });
  after(async () => wb?.close());

  test('dark theme screenshot of a panel', { timeout: 60_000 }, async () => {
    await wb.openEntryFromTree('3FS');
    const background = await wb.webviewFrame().locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
    const [r, g, bl] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok(r + g + bl < 3 * 100, `the page follows the dark theme (${background})`);
    await wb.screenshot('panel-3fs-dark');
  });
});
