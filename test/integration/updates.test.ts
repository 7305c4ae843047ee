// Check for Updates in the real VS Code, against a real HTTP server on
// 127.0.0.1 (test/fixtures/faultServer.ts): taking a newer index, what
// changed, the cache, and each way the fetch can fail, which must leave the
// index in use and its cache exactly as they were.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allEntries } from '../../src/core/model';
import { parseIndex } from '../../src/core/parseIndex';
import { recordUpstream } from '../../src/core/upstreamRecord';
import { ETAG, startFaultServer, UPSTREAM_TEXT, type FaultServer } from '../fixtures/faultServer';
import { api, closeAllEditors, recordActions, waitFor } from './api';

const config = () => vscode.workspace.getConfiguration('infraIndex');
const USE = (_message: string, choices: readonly string[]) => (choices.includes('Use It') ? 'Use It' : undefined);

suite('Check for Updates, against a server on 127.0.0.1', () => {
  const recorder = recordActions();
  let server: FaultServer;

  async function clearCache(): Promise<void> {
    const { updates } = await api();
    await Promise.resolve(vscode.workspace.fs.delete(updates.cacheUri, { recursive: true, useTrash: false })).catch(() => undefined);
  }

  /** Points the setting at a route of the server and runs the command, as from the palette. */
  async function check(path: string): Promise<void> {
    await config().update('upstream.url', server.url(path), vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('infraIndex.checkForUpdates');
  }

  async function metaBytes(): Promise<string> {
    const { updates } = await api();
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(updates.cacheUri, 'meta.json')));
  }

  /** Takes the upstream index from /ok, so that a cache exists. */
  async function takeUpstream(): Promise<void> {
    recorder.answer = USE;
    await check('/ok');
    assert.equal((await api()).store.origin.kind, 'upstream', recorder.calls.join('\n'));
    recorder.answer = () => undefined;
    recorder.calls.length = 0;
  }

  suiteSetup(async () => {
    server = await startFaultServer();
    await config().update('upstream.timeoutSeconds', 2, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await (await api()).updates.useBundled();
    await clearCache();
    await config().update('upstream.url', undefined, vscode.ConfigurationTarget.Global);
    await config().update('upstream.timeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    await server.close();
  });
  setup(async () => {
    await (await api()).updates.useBundled();
    await clearCache();
  });

  test('accepting shows every upstream entry, correctly named; Show Changes lists what differs; the tree marks it', async () => {
    const { store, tree, treeView, updates, changes, panels, compare } = await api();
    // Open pages say what the update changed on them, through their live regions (issue 14).
    await vscode.commands.executeCommand('infraIndex.openEntry', '3fs');
    const fs3 = panels.panelFor('3fs')!;
    const comparison = compare.show();
    assert.doesNotMatch(fs3.webview.html, /data-announce/, 'a page opened afresh announces nothing');
    assert.equal(treeView.message, undefined);
    recorder.answer = USE;
    await check('/ok');
    assert.match(fs3.webview.html, /<body[^>]* data-announce="3FS was updated by the new index: [^"]*description rewritten\.">/);
    assert.match(comparison.webview.html, /<body[^>]* data-announce="Compare Figures was drawn again with the new index: \d+ charts, \d+ figures\.">/);
    // The tree's message counts what the update marked, and follows as marks clear.
    const counts = () => /^Since the last update: (\d+) new and (\d+) changed entries, marked ● New and ● Changed until opened\.$/.exec(treeView.message ?? '')?.slice(1).map(Number);
    const [added, changedCount] = counts() ?? [];
    assert.ok(added >= 0 && changedCount > 0, String(treeView.message));
    assert.ok(recorder.calls.some((c) => /^info The upstream index has changed: \d+ entries changed\. Use it\?$/.test(c)), recorder.calls.join('\n'));
    assert.equal(store.origin.kind, 'upstream');
    const shown = tree.getChildren().flatMap((r) => tree.getChildren(r)).map((n) => (n.type === 'entry' ? n.item.entry.name : '?'));
    assert.deepEqual(shown, allEntries(parseIndex(UPSTREAM_TEXT).index).map((e) => e.name));
    for (const name of ['3FS', 'Smallpond', 'The Path to Open-Sourcing the DeepSeek Inference Engine', 'Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures']) {
      assert.ok(shown.includes(name), `${name} in ${shown.join(' | ')}`);
    }
    assert.match(String(treeView.description), /^upstream · checked just now$/);
    const cited = store.catalog?.get('flashmla')?.figures[0].source;
    assert.equal(cited?.url, server.url('/ok'), 'an index figure cites the index it was read from');
    // Chat agents' tools answer from the index in use now, and say so.
    const answer = (await vscode.lm.invokeTool('infraIndex_getEntry', { input: { entry: 'Smallpond' }, toolInvocationToken: undefined })).content
      .map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : ''))
      .join('');
    assert.ok(answer.startsWith(`Index in use: upstream index from ${server.url('/ok')}, fetched `), answer);
    assert.match(answer, /^Entry: Smallpond \[smallpond\]/m);

    const panel = changes.show();
    assert.ok(panel, 'the changes page opens');
    const html = panel.webview.html;
    assert.match(html, /What changed in the index/);
    assert.match(html, /From <strong>bundled \(upstream 56d8685\)<\/strong>, 2025-05-15/);
    assert.match(html, /Changed entries \(\d+\)/);
    assert.match(html, /Description: “The Fire-Flyer File System \(3FS\) is a parallel file system/);
    assert.match(html, /The newer version is the index in use/);

    const marked = tree.getTreeItem(tree.nodeFor('3fs')!);
    assert.match(String(marked.description), /^● Changed · /);
    await closeAllEditors();
    await vscode.commands.executeCommand('infraIndex.openEntry', '3fs');
    await waitFor('the mark cleared', () => !updates.unseen().has('3fs'));
    await waitFor('the tree’s message counts one changed entry fewer', () => counts()?.[1] === changedCount - 1);
    assert.doesNotMatch(String(tree.getTreeItem(tree.nodeFor('3fs')!).description), /Changed/);
    await closeAllEditors();
  });

  test('a second check asks conditionally, hears 304, and replaces nothing', async () => {
    await takeUpstream();
    const { store } = await api();
    const before = store.catalog;
    await vscode.commands.executeCommand('infraIndex.openEntry', 'flashmla');
    const panel = (await api()).panels.panelFor('flashmla')!;
    const page = panel.webview.html;
    await check('/ok');
    assert.deepEqual(recorder.calls, ['info The index is up to date: upstream has not changed since the last check.']);
    assert.equal(server.requests.at(-1)?.ifNoneMatch, ETAG);
    assert.equal(store.catalog, before);
    assert.equal(panel.webview.html, page, 'nothing new: the open page is left as the reader had it');
    await closeAllEditors();
  });

  test('back on the bundled index, a 304 still offers the upstream copy: it differs from the index in use', async () => {
    await takeUpstream();
    const { store } = await api();
    await vscode.commands.executeCommand('infraIndex.useBundledIndex');
    recorder.calls.length = 0;
    recorder.answer = USE;
    await check('/ok');
    assert.equal(server.requests.at(-1)?.ifNoneMatch, ETAG, 'asked conditionally');
    assert.ok(recorder.calls.some((c) => c.startsWith('info The upstream index has changed')), recorder.calls.join('\n'));
    assert.equal(store.origin.kind, 'upstream', 'taken from the cached copy');
  });

  suite('against the record of what the bundle was drawn from', () => {
    // The tests record the fixture, which is in the project's own words: so it stands for upstream as the bundle recorded it.
    const SOURCE = { repo: 'deepseek-ai/open-infra-index', path: 'README.md', commit: 'f'.repeat(40), date: '2025-05-15' };
    setup(async () => (await api()).updates.useRecord(await recordUpstream(UPSTREAM_TEXT, parseIndex(UPSTREAM_TEXT).index, SOURCE)));
    teardown(async () => {
      (await api()).updates.useRecord();
      server.setUpstream(UPSTREAM_TEXT, ETAG);
    });

    test('upstream as recorded: up to date, and nothing offered, though the bundle words every entry its own way', async () => {
      const { store } = await api();
      const before = store.catalog;
      await check('/ok');
      assert.deepEqual(recorder.calls, ['info The index is up to date: upstream has not changed it since the bundled copy was drawn from it (fffffff, 2025-05-15).']);
      assert.equal(store.catalog, before);
      assert.equal(store.origin.kind, 'bundled');
    });

    test('one real change upstream: exactly that change is offered, and taking it keeps the bundle’s words', async () => {
      const { store, updates } = await api();
      const bundledDescriptions = new Map(store.catalog!.entries.map((e) => [e.entry.id, e.entry.description]));
      server.setUpstream(UPSTREAM_TEXT.replace('BF16 580 TFLOPS', 'BF16 660 TFLOPS'), '"upstream-v2"');
      recorder.answer = USE;
      await check('/ok');
      assert.ok(recorder.calls.includes('info The upstream index has changed: 1 entry changed. Use it?'), recorder.calls.join('\n'));
      const diff = updates.changes?.diff;
      assert.deepEqual([diff?.added, diff?.removed], [[], []]);
      assert.deepEqual(diff?.changed.map((c) => [c.after.id, c.description, c.figures.map((f) => `${f.before?.value} → ${f.after?.value}`)]), [['flashmla', undefined, ['580 → 660']]]);
      assert.equal(store.origin.kind, 'upstream');
      // Every description is still the project's own, FlashMLA's included: upstream changed a figure only.
      for (const { entry } of store.catalog!.entries) assert.equal(entry.description, bundledDescriptions.get(entry.id), entry.id);
      assert.ok(store.catalog!.get('flashmla')!.entry.figures.some((f) => f.value === 660));
      // And after a restart, from the cached copy, too.
      await updates.loadAtStartup();
      assert.equal(store.catalog!.get('deepep')?.entry.description, bundledDescriptions.get('deepep'));
    });
  });

  const faults: [string, RegExp][] = [
    ['/404', /answered 404 Not Found/],
    ['/500', /answered 500 Internal Server Error/],
    ['/timeout', /no complete answer within 2 s/],
    ['/stall', /no complete answer within 2 s/],
    ['/redirect-other-host', /redirected to another host \(localhost:\d+\)/],
    ['/html', /sent an HTML page, not the index markdown/],
    ['/empty', /sent an empty file/],
    ['/huge', /larger than 1 MB/],
    ['/truncated', /closed before the file was complete|arrived incomplete/],
    ['/misdecoded', /decoded in the wrong encoding/],
    ['/unstructured', /has no entries: it does not look like the Open Infra Index/],
  ];
  for (const [path, reason] of faults) {
    test(`${path}: a clear message; the index in use and its cache stay as they were`, async () => {
      await takeUpstream();
      const { store } = await api();
      const catalog = store.catalog;
      const origin = store.origin;
      const meta = await metaBytes();
      await check(path);
      const errors = recorder.calls.filter((c) => c.startsWith('error '));
      assert.equal(errors.length, 1, recorder.calls.join('\n'));
      assert.match(errors[0], reason);
      assert.match(errors[0], /The index in use stays as it was\.$|the index in use stays as it was\.$/);
      assert.equal(store.catalog, catalog, 'the same catalog object is in use');
      assert.deepEqual(store.origin, origin);
      assert.equal(await metaBytes(), meta, 'meta.json is untouched');
    });
  }

  test('Use Bundled Index goes back, and the view says where the index comes from', async () => {
    await takeUpstream();
    const { store, treeView } = await api();
    await vscode.commands.executeCommand('infraIndex.useBundledIndex');
    assert.equal(store.origin.kind, 'bundled');
    assert.equal(store.catalog?.get('smallpond')?.entry.name, 'smallpond');
    assert.equal(treeView.description, 'bundled · upstream of 2025-05-15');
  });

  test('the upstream copy survives a restart; a damaged cache falls back to the bundled index, with a message', async () => {
    await takeUpstream();
    const { store, updates } = await api();
    // A function: assert.equal would narrow a property read once and for all.
    const originKind = (): string => store.origin.kind;
    await store.load();
    assert.equal(originKind(), 'bundled');
    await updates.loadAtStartup();
    assert.equal(originKind(), 'upstream', 'read back from the cache');
    assert.equal(store.catalog?.get('smallpond')?.entry.name, 'Smallpond');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(updates.cacheUri, 'meta.json'), new TextEncoder().encode('{"version": 1, "url": 5'));
    recorder.calls.length = 0;
    await updates.loadAtStartup();
    assert.equal(originKind(), 'bundled');
    assert.match(recorder.calls.join('\n'), /^warning The cached upstream index is damaged: its meta\.json is not valid JSON/m);
  });

  test('Open Index Source shows the markdown in use, in a read-only document', async () => {
    await takeUpstream();
    await vscode.commands.executeCommand('infraIndex.openIndexSource');
    const editor = await waitFor('the source editor', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.uri.scheme, 'infra-index-source');
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.getText(), UPSTREAM_TEXT);
    await closeAllEditors();
  });

  test('the daily check: silent offline, offers what it finds, and runs at most once a day', async () => {
    const { store, updates } = await api();
    const autoCheckedKey = 'infraIndex.autoCheckedAt';
    // The extension's global state, where it notes when the daily check last ran.
    const state = (updates as unknown as { state: vscode.Memento }).state;
    const previous = config().inspect<boolean>('upstream.autoCheck')?.globalValue;
    await config().update('upstream.autoCheck', true, vscode.ConfigurationTarget.Global);
    try {
      // Offline: nothing answers on port 9 (discard). Not a word to the user.
      await state.update(autoCheckedKey, undefined);
      await config().update('upstream.url', 'http://127.0.0.1:9/README.md', vscode.ConfigurationTarget.Global);
      updates.scheduleAutoCheck(0);
      await waitFor('the check to run', () => state.get(autoCheckedKey) !== undefined);
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(recorder.calls, [], 'silent when offline');
      assert.equal(store.origin.kind, 'bundled');

      // Online, a day later: it says what changed and asks; nothing changes unasked.
      await state.update(autoCheckedKey, Date.now() - 25 * 60 * 60 * 1000);
      await config().update('upstream.url', server.url('/ok'), vscode.ConfigurationTarget.Global);
      updates.scheduleAutoCheck(0);
      await waitFor('the offer', () => recorder.calls.find((c) => c.startsWith('info The upstream index has changed')), 10_000);
      assert.equal(store.origin.kind, 'bundled', 'not used without the user saying so');

      // Again within the day: no request at all.
      const asked = server.requests.length;
      updates.scheduleAutoCheck(0);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(server.requests.length, asked);
    } finally {
      await config().update('upstream.autoCheck', previous, vscode.ConfigurationTarget.Global);
    }
  });

  test('a workspace cannot point the extension at another server', async () => {
    await assert.rejects(Promise.resolve(config().update('upstream.url', 'http://127.0.0.1:1/evil.md', vscode.ConfigurationTarget.Workspace)));
    assert.notEqual(config().inspect('upstream.url')?.workspaceValue, 'http://127.0.0.1:1/evil.md');
  });
});
