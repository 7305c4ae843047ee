// The side bar as a user meets it: the activity-bar icon opens the index, the
// tree lists all twelve entries, and clicking one opens its page in an editor.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openWorkbench, waitUntil, type Workbench } from './workbench';

const ENTRY_NAMES = ['FlashMLA', 'DeepEP', 'DeepGEMM', 'DualPipe', 'EPLB', 'profile-data', '3FS', 'smallpond'];
const ENTRY_PHRASES = ['Inference System', 'Fire-Flyer AI-HPC', 'Insights into DeepSeek-V3', 'The Path to Open-Sourcing'];

let wb: Workbench;

before(async () => {
  wb = await openWorkbench({ viewport: { width: 1400, height: 900 } });
});

after(async () => {
  await wb?.close();
});

/** Runs a step; on failure saves a screenshot named after it, then rethrows. */
async function step(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    await wb?.screenshot(`failed-${name}`).catch(() => undefined);
    throw err;
  }
}

test('the activity-bar icon opens a tree listing all twelve entries', { timeout: 120_000 }, async () => {
  await step('open-view', async () => {
    await wb.openView();
    await wb.waitForRows(1);
    await wb.expandAll();
  });
  const rows = await wb.treeRows();
  const labels = await wb.treeLabels();
  const missing = [
    ...ENTRY_NAMES.filter((name) => !labels.includes(name)),
    ...ENTRY_PHRASES.filter((phrase) => !rows.some((row) => row.includes(phrase))),
  ];
  if (missing.length) await wb.screenshot('failed-tree-rows');
  assert.deepEqual(missing, [], `entries missing from the tree; rows were:\n${rows.join('\n')}`);
  // Each entry's description carries its current performance figures, or else its kind; never a setting.
  const row = (name: string) => rows.find((r) => r.startsWith(name)) ?? '';
  assert.match(row('FlashMLA'), /3000 GB\/s · 660 TFLOPS/);
  assert.match(row('DeepGEMM'), /1550 TFLOPS/);
  assert.match(row('3FS'), /6\.6 TiB\/s · 3\.66 TiB\/min/);
  assert.match(row('EPLB'), /load balancer/);
  assert.doesNotMatch(row('EPLB'), /replicas/);
  assert.doesNotMatch(row('profile-data'), /EP degree/);
});

test('clicking FlashMLA opens its page with its figures', { timeout: 120_000 }, async () => {
  await step('open-entry', async () => {
    await wb.openView();
    await wb.waitForRows(1);
    await wb.expandAll();
    await wb.row('FlashMLA').click();
    await waitUntil('an active editor tab for FlashMLA', async () => (await wb.activeTab.innerText()).includes('FlashMLA'));
    const body = wb.webviewFrame().locator('body');
    await waitUntil(
      'the FlashMLA page to show its name and 3000',
      async () => {
        const text = await body.innerText({ timeout: 2_000 });
        return text.includes('FlashMLA') && text.includes('3000');
      },
      60_000,
    );
  });
  const path = await wb.screenshot('sidebar-flashmla');
  assert.ok(path.endsWith('.png'));
});
