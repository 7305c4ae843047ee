// Issue 14: axe-core inside the webview frames of the real workbench, on each
// page the extension shows, in the light, dark and high-contrast themes. A
// serious or critical violation fails the test; every count is printed.
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, waitUntil, type AxeViolation, type Workbench } from './workbench';

const THEMES = ['Light Modern', 'Dark Modern', 'Light High Contrast', 'Dark High Contrast'] as const;

function summarise(page: string, theme: string, violations: readonly AxeViolation[]): AxeViolation[] {
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const counts = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}`).join('; ') || 'none';
  console.log(`axe, ${page}, ${theme}: ${blocking.length} serious or critical rule(s); all: ${counts}`);
  return blocking;
}

function detail(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`).join('\n')}`).join('\n');
}

describe('accessibility: axe-core in the webviews, per page and theme', () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => wb?.close());

  for (const theme of THEMES) {
    test(`the FlashMLA panel and Compare Figures in ${theme}`, { timeout: 180_000 }, async () => {
      await wb.setColorTheme(theme);
      await wb.runCommand('View: Close All Editors');
      await wb.openEntryFromTree('FlashMLA');
      const panel = summarise('FlashMLA panel', theme, await wb.axe());
      await wb.runCommand('Infra Index: Compare Figures');
      await wb.waitForActiveTab('Compare Figures');
      await waitUntil('the charts', async () => (await wb.webviewFrame().locator('svg g.bar').count()) > 3);
      const compare = summarise('Compare view', theme, await wb.axe());
      assert.deepEqual([...panel, ...compare].map((v) => v.id), [], detail([...panel, ...compare]));
    });
  }
});
