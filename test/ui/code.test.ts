// Issue 12, clicked through: in a workspace that imports the index's
// libraries, hovering an import in the real editor shows the entry's card,
// its link opens the panel, and Used in This Workspace lists the entries.
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, repoRoot, waitUntil, type Workbench } from './workbench';

describe('the index in the editor', () => {
  let wb: Workbench;
  before(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'oii-ui-code-'));
    cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    wb = await openWorkbench({ folder });
  });
  after(async () => wb?.close());

  test('hovering an import shows the entry’s card, and its link opens the panel', { timeout: 120_000 }, async () => {
    await wb.runCommandAndType('Go to File...', 'decode.py');
    await waitUntil('decode.py in the file list', async () => (await wb.page.locator('.quick-input-list .monaco-list-row').first().innerText().catch(() => '')).includes('decode.py'));
    await wb.page.keyboard.press('Enter');
    await wb.waitForActiveTab('decode.py');
    // Line 3 is "from flash_mla import …": put the cursor inside "flash_mla".
    await wb.runCommandAndType('Go to Line/Column...', ':3:8');
    await wb.page.keyboard.press('Enter');
    const hover = wb.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'FlashMLA' });
    await waitUntil('the FlashMLA card', async () => {
      if ((await hover.count()) > 0) return true;
      await wb.runCommand('Show or Focus Hover');
      await wb.page.waitForTimeout(500);
      return (await hover.count()) > 0;
    }, 60_000);
    // Spaces in the card's text are non-breaking (&nbsp;): read them as spaces.
    const card = (await hover.first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(card, /FlashMLA — kernel library/);
    assert.match(card, /flash_mla is part of FlashMLA in the Open Infra Index/);
    assert.match(card, /660 BF16 TFLOPS/);
    assert.match(card, /deepseek-ai\/FlashMLA · README\.md @ 9241ae3/);
    await wb.screenshot('hover-card');
    await hover.first().getByText('Open FlashMLA in Infra Index').click();
    await wb.waitForActiveTab('FlashMLA');
    await waitUntil('the FlashMLA page', async () => (await wb.webviewFrame().locator('h1').innerText().catch(() => '')).trim() === 'FlashMLA');
  });

  test('Used in This Workspace lists the entries the code imports', { timeout: 120_000 }, async () => {
    await wb.runCommand('Infra Index: Scan Workspace');
    const view = wb.page.locator('.pane').filter({ has: wb.page.locator('.pane-header', { hasText: 'Used in This Workspace' }) });
    // The view says what it found: a screen reader hears it too.
    // The fixture's .vscode/settings.json excludes excluded/ from search; node_modules is always skipped.
    let seen = '';
    await waitUntil('the scan’s message', async () => {
      seen = await view.innerText().catch(() => '');
      return seen.includes('5 entries are imported in this workspace');
    }, 60_000).catch((err: Error) => {
      throw new Error(`${err.message}\n--- the view showed ---\n${seen}`);
    });
    // The list is virtual: only the rows in sight are in the page. With the Entries view folded away (VS Code
    // 1.139 gives this view less height at first) and every entry collapsed, each one is.
    const entriesHeader = wb.page.locator('.pane-header', { hasText: /^\s*Entries/ });
    if ((await entriesHeader.getAttribute('aria-expanded')) === 'true') await entriesHeader.click();
    await view.locator('.pane-header').hover();
    await view.getByRole('button', { name: /Collapse All/ }).click();
    const rows = view.locator('.monaco-list-row');
    await waitUntil('five collapsed entries', async () => (await rows.count()) === 5);
    const labels = await rows.allInnerTexts();
    assert.deepEqual(labels, ['3FS1 file, 1 import', 'DeepEP1 file, 1 import', 'DeepGEMM1 file, 1 import', 'DualPipe1 file, 1 import', 'FlashMLA1 file, 1 import']);
    await wb.screenshot('used-in-workspace');
  });
});
