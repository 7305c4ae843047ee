// The palette lookups, the comparison and the tree filter, driven through the
// real command palette and workbench as a user would.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, waitUntil, type Workbench } from './workbench';

describe('palette lookups and the comparison', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
    await wb.setColorTheme('Dark Modern');
  });
  after(async () => wb?.close());

  test('Find Entry: "GraySort" then Enter opens 3FS', { timeout: 60_000 }, async () => {
    await wb.findEntry('GraySort', '3FS');
  });

  test('Find Figure: "TFLOPS", choose a figure, and its card is highlighted', { timeout: 60_000 }, async () => {
    await wb.runCommandAndType('Infra Index: Find Figure…', 'TFLOPS');
    const rows = wb.page.locator('.quick-input-list .monaco-list-row');
    // The list is re-ranked as the text changes: wait until it has settled, then pick its first row.
    let settled = '';
    await waitUntil('TFLOPS figures listed, and settled', async () => {
      const before = await rows.first().innerText().catch(() => '');
      await wb.page.waitForTimeout(300);
      settled = await rows.first().innerText().catch(() => '');
      return settled === before && settled.includes('TFLOPS');
    });
    const first = rows.first();
    const label = (await first.locator('.label-name').first().innerText()).trim();
    const entry = (await first.locator('.label-description').first().innerText()).trim();
    await first.click();
    await wb.waitForActiveTab(entry);
    const card = wb.webviewFrame().locator('article.card.highlight');
    await waitUntil('a highlighted card', async () => (await card.count()) === 1);
    const number = /([\d.]+\+?)/.exec(label)?.[1] ?? '';
    assert.match(await card.innerText(), new RegExp(`${number.replace(/[.+]/g, '\\$&')}[\\s\\S]*TFLOPS`));
  });

  test('Compare Figures: bars are labelled, and a click opens the entry', { timeout: 60_000 }, async () => {
    await wb.runCommand('Infra Index: Compare Figures');
    await wb.waitForActiveTab('Compare Figures');
    const frame = wb.webviewFrame();
    const bars = frame.locator('svg g.bar');
    await waitUntil('bars drawn', async () => (await bars.count()) > 5);
    const labels = await bars.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    for (const name of ['FlashMLA', 'DeepGEMM', '3FS', 'DeepEP']) assert.ok(labels.some((l) => l.includes(name)), `a bar for ${name}`);
    assert.ok(labels.every((l) => l.startsWith('Open ')), 'every bar says what a click does');
    await wb.screenshot('compare-dark');
    // The bar is a button named for what it opens; its drawing is beside it, hidden from assistive technology.
    const deepgemm = frame.locator('svg g.bar[aria-label^="Open DeepGEMM:"]').first();
    await deepgemm.scrollIntoViewIfNeeded();
    await deepgemm.click();
    await wb.waitForActiveTab('DeepGEMM');
    await waitUntil('the highlighted DeepGEMM figure', async () => (await wb.webviewFrame().locator('article.card.highlight').count()) === 1);
  });

  test('Compare Figures: the H800 roofline shows FlashMLA and DeepGEMM, and a mark opens its figure', { timeout: 60_000 }, async () => {
    await wb.runCommand('Infra Index: Compare Figures');
    await wb.waitForActiveTab('Compare Figures');
    const frame = wb.webviewFrame();
    const marks = frame.locator('#roofline svg g.mark');
    await waitUntil('roofline marks drawn', async () => (await marks.count()) > 3);
    const labels = await marks.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    assert.ok(labels.some((l) => l.startsWith('Open FlashMLA: ')), labels.join('\n'));
    assert.ok(labels.some((l) => l.startsWith('Open DeepGEMM: ') && l.includes('FLOP per byte')), labels.join('\n'));
    assert.match(await frame.locator('#roofline').innerText(), /BF16 989\.4 TFLOPS[\s\S]*compute-bound/);
    // A point's button covers the point and its label: click the label's part.
    const placed = frame.locator('#roofline g.mark.placed rect.mark-hit').first();
    await placed.scrollIntoViewIfNeeded();
    await placed.click();
    await wb.waitForActiveTab('DeepGEMM');
    await waitUntil('the highlighted DeepGEMM figure', async () => (await wb.webviewFrame().locator('article.card.highlight').count()) === 1);
  });

  test('Find Figure on the entry in front moves its page to the figure by a message, not a new render', { timeout: 90_000 }, async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.openEntryFromTree('DeepGEMM');
    const page = wb.webviewFrame();
    // A render that highlights names the figure on <body>: this page must keep the HTML it opened with.
    assert.equal(await page.locator('body').getAttribute('data-highlight'), null, 'opened without a highlight');
    await wb.runCommandAndType('Infra Index: Find Figure…', '1550');
    const row = wb.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'DeepGEMM' }).first();
    await row.click();
    await waitUntil('a highlighted DeepGEMM figure', async () => (await page.locator('article.card.highlight').count()) === 1);
    assert.match(await page.locator('article.card.highlight').innerText(), /1550/);
    assert.equal(await page.locator('body').getAttribute('data-highlight'), null, 'the page was not rendered again');
  });

  test('Filter Tree: the filter shows, and survives Reload Window', { timeout: 120_000 }, async (t) => {
    t.after(() => wb.screenshot('filter-tree-end').then(() => undefined));
    await wb.openView();
    await wb.runCommandAndType('Infra Index: Filter Tree…', 'FP8');
    await wb.page.keyboard.press('Enter');
    const message = wb.page.locator('.part.sidebar .message', { hasText: 'Filtered by "FP8"' });
    await waitUntil('the filter message', async () => (await message.count()) > 0);
    const labels = await wb.treeLabels();
    assert.ok(labels.includes('DeepGEMM'));
    assert.ok(!labels.includes('smallpond'));
    await wb.reloadWindow();
    await waitUntil('the filter message after reload', async () => (await message.count().catch(() => 0)) > 0, 60_000);
    assert.ok(!(await wb.treeLabels()).includes('smallpond'));
    await wb.runCommand('Infra Index: Clear Filter');
    await waitUntil('all entries back', async () => (await wb.treeLabels()).includes('smallpond'));
  });
});
