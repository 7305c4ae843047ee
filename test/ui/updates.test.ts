// Check for Updates as a user goes through it in the workbench: the palette,
// the progress and the notification's buttons, the Show Changes page, and the
// tree with the newer index. The index comes from a server on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFaultServer, type FaultServer } from '../fixtures/faultServer';
import { openWorkbench, waitUntil, type Workbench } from './workbench';

describe('Check for Updates, clicked through', () => {
  let wb: Workbench;
  let server: FaultServer;
  before(async () => {
    server = await startFaultServer();
    wb = await openWorkbench({ settings: { 'infraIndex.upstream.url': server.url('/ok') } });
  });
  after(async () => {
    await wb?.close();
    await server?.close();
  });

  test('the notification offers the newer index; Show Changes, then Use It, and the tree shows it', { timeout: 120_000 }, async () => {
    await wb.openView();
    await wb.waitForRows(1, 60_000);
    // A page left open while the index changes: it will say what changed on it (issue 14).
    await wb.findEntry('3FS', '3FS');
    await wb.runCommand('Infra Index: Check for Updates');
    const toast = wb.page.locator('.notification-toast', { hasText: 'The upstream index has changed' });
    await toast.waitFor({ timeout: 30_000 });
    await toast.getByRole('button', { name: 'Show Changes' }).click();
    await wb.waitForActiveTab('Index Changes');
    await waitUntil('the changes page', async () => (await wb.webviewFrame().locator('h1').innerText().catch(() => '')).includes('What changed in the index'));
    assert.match(await wb.webviewFrame().locator('.versions').innerText(), /From bundled \(upstream 56d8685\), 2025-05-15/);
    await wb.screenshot('index-changes');
    // Issue 14: the changes view has no serious or critical axe-core violation either, in any of the four themes.
    const violations: string[] = [];
    for (const theme of ['Light Modern', 'Dark Modern', 'Light High Contrast', 'Dark High Contrast']) {
      await wb.setColorTheme(theme);
      const blocking = (await wb.axe()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      console.log(`axe, Show Changes, ${theme}: ${blocking.length} serious or critical rule(s)`);
      violations.push(...blocking.map((v) => `${theme}: ${v.id}: ${JSON.stringify(v.nodes[0]?.target)}`));
    }
    assert.deepEqual(violations, []);
    // The question comes back after the page is shown.
    const again = wb.page.locator('.notification-toast', { hasText: 'The upstream index has changed' });
    await again.waitFor({ timeout: 30_000 });
    await again.getByRole('button', { name: 'Use It' }).click();
    await wb.expandAll();
    await waitUntil('Smallpond, as upstream names it, in the tree', async () => (await wb.treeLabels()).includes('Smallpond'));
    const title = wb.page.locator('.part.sidebar .pane-header', { hasText: 'Entries' });
    assert.match(await title.innerText(), /upstream · checked just now/);
    // The tree's message says what the update marked; the open page's live region, what changed on it.
    await wb.page.locator('.part.sidebar .message', { hasText: /^Since the last update: \d+ new and \d+ changed entries/ }).waitFor({ timeout: 10_000 });
    await wb.page.locator('.tabs-container .tab', { hasText: '3FS' }).click();
    await wb.waitForActiveTab('3FS');
    const region = wb.webviewFrame().locator('#announce[role="status"][aria-live="polite"]');
    await waitUntil('the live region to say what changed', async () => /^3FS was updated by the new index: .*description rewritten\.$/.test(await region.textContent().catch(() => '') ?? ''));
  });
});
