// The hostile corpus (test/fixtures/hostile, written by its generate.mjs):
// each case becomes the index in use, and every page of it, each entry's
// panel and the comparison, is rendered by the extension into webviews of the
// real workbench (see the known limit on the pool below). The HTML handed to each webview is checked here;
// the launcher (scripts/code-server-launcher.mjs) counts, in the browser, CSP
// violations and payloads that ran, and fails the run on either.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { parseIndex } from '../../src/core/parseIndex';
import { ENTRY_VIEW_TYPE } from '../../src/panels/entryPanels';
import { api, extension, recordActions } from './api';
import { htmlProblems } from './htmlInvariants';

interface HostileCase {
  readonly id: string;
  readonly family: string;
  readonly variant: string;
  readonly markdown: string;
  readonly data?: string;
}

/** How long the pages of a case get to load and run their script in Chromium before the next case replaces them. */
const LOAD_MS = Number(process.env.HOSTILE_LOAD_MS) || 700;
/** The most entries a case has (the generator's documents have seven). */
const POOL_SIZE = 7;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function corpusDir(): string {
  return path.join(extension().extensionPath, 'test', 'fixtures', 'hostile');
}

function readCases(): HostileCase[] {
  return JSON.parse(readFileSync(path.join(corpusDir(), 'cases.json'), 'utf8')) as HostileCase[];
}

function readCase(c: HostileCase): { markdown: string; data: string | undefined } {
  const read = (name: string) => readFileSync(path.join(corpusDir(), 'cases', name), 'utf8');
  return { markdown: read(c.markdown), data: c.data ? read(c.data) : undefined };
}

/** Problems as the reporter prints them, defanged: the launcher counts every console line with the marker. */
function defang(lines: string[]): string {
  return lines.map((l) => l.replaceAll('OII-PWNED', 'OII-P_WNED')).join('\n');
}

function assertSafe(html: string, what: string): void {
  const problems = htmlProblems(html);
  assert.ok(problems.length === 0, `${what}:\n${defang(problems)}`);
}

suite('hostile corpus', () => {
  const recorder = recordActions();
  const cases = readCases();
  const everyCall: string[] = [];
  const counts = { cases: 0, rejected: 0, entries: 0, comparisons: 0 };
  /**
   * Entry panels that stay open through the suite, each in an editor group of its own, with the
   * comparison beside them; each render gives the page a new document (a new frame in Chromium).
   * KNOWN LIMIT: in this code-server, measured with a nonce'd console.log added to every page, only
   * the webview created last (here the comparison) receives its pages: of 136 pages rendered for 19
   * cases, 19 ran in Chromium. A fresh panel per case did no better (it drops its first page). So the
   * entry pages are checked as the HTML handed to the webview, and the browser counters cover the
   * comparison pages; making every entry page load in Chromium is still to do.
   */
  const pool: vscode.WebviewPanel[] = [];

  suiteSetup(async function () {
    this.timeout(60_000);
    const { store, panels, compare } = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    const bundled = store.catalog!;
    for (let i = 0; i < POOL_SIZE; i++) {
      if (i > 0) await vscode.commands.executeCommand('workbench.action.newGroupRight');
      pool.push(vscode.window.createWebviewPanel(ENTRY_VIEW_TYPE, 'hostile', vscode.ViewColumn.Active, {}));
      // The extension's own way of taking a panel over (as after a window reload): options, messages, render.
      await panels.deserializeWebviewPanel(pool[i], { entryId: bundled.entries[i % bundled.entries.length].entry.id });
    }
    await vscode.commands.executeCommand('workbench.action.newGroupRight');
    compare.show();
    await delay(3000);
    store.accept(bundled); // renders every page again, now that the webviews are up
    await delay(1000);
  });
  teardown(() => void everyCall.push(...recorder.calls));
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllGroups');
    await (await api()).store.load();
  });

  test('the corpus has at least 200 cases', () => {
    assert.ok(cases.length >= 200, `${cases.length} cases`);
  });

  for (const c of cases) {
    test(`${c.id} ${c.family}: ${c.variant}`, async () => {
      const { store, panels, compare } = await api();
      const { markdown, data } = readCase(c);
      const catalog = catalogFromSources(markdown, data, parseIndex);
      const before = store.catalog;
      const inUse = store.accept(catalog);
      counts.cases++;
      if (catalog.entries.length === 0) {
        // Rejected: the last good index stays in use.
        counts.rejected++;
        assert.equal(inUse, before);
        assert.equal(store.catalog, before);
        return;
      }
      assert.equal(store.catalog, catalog);
      // Hostile layout can make more entries than there are panels: they take turns.
      for (const [i, item] of catalog.entries.entries()) {
        const panel = pool[i % pool.length];
        await panels.deserializeWebviewPanel(panel, { entryId: item.entry.id });
        assert.equal(panel.title, item.entry.name);
        assertSafe(panel.webview.html, `the panel of ${item.entry.id}`);
        counts.entries++;
      }
      assert.ok(
        catalog.entries.slice(-pool.length).every((e) => panels.openIds.includes(e.entry.id)),
        'the entries rendered last have their panels open',
      );
      // The comparison follows the index in use.
      assert.ok(compare.current, 'the comparison is open');
      assertSafe(compare.current.webview.html, 'the comparison');
      counts.comparisons++;
      await delay(LOAD_MS);
      // Nobody clicked: nothing may have been opened, copied or cloned.
      assert.deepEqual(recorder.calls.filter((call) => /^(open|copy|clone) /.test(call)), []);
    });
  }

  test('no page asked the extension to open, copy or clone anything', async () => {
    await delay(LOAD_MS);
    everyCall.push(...recorder.calls);
    assert.equal(everyCall.filter((call) => call.startsWith('open https://pwned.example')).length, 0, 'no payload opened its link');
    assert.deepEqual(everyCall.filter((call) => /^(open|copy|clone) /.test(call)), []);
    console.log(`hostile corpus: ${counts.cases} cases, ${counts.entries} entries rendered (+ ${counts.comparisons} comparisons), ${counts.rejected} rejected with the last good index kept`);
    assert.equal(counts.cases, cases.length);
  });

  test('the bundled index is back in use afterwards', async () => {
    const { store } = await api();
    assert.ok(counts.entries > 0, 'some case was accepted');
    const restored = await store.load();
    assert.equal(restored?.entries.length, 12);
    assert.equal(store.catalog, restored);
  });
});
