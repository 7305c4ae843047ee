// The user's own index file (infraIndex.indexFile): shown instead of the
// bundled index, its problems in the Problems panel while it is edited, read
// again when saved.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, closeAllEditors, recordActions, waitFor } from './api';

const config = () => vscode.workspace.getConfiguration('infraIndex');

const TEAM_INDEX = [
  '# Team index',
  '',
  '## 202601 Internal tools',
  '',
  '### Day 1 - [Widget](https://github.com/acme/widget)',
  '',
  '**Moves tensors between teams**  ',
  'Written for the platform group, and in use since January.',
  '',
  '🔗 [**Widget GitHub Repo**](https://github.com/acme/widget)  ',
  '✅ Zero-copy handoff  ',
  '⚡ 120 GB/s read bandwidth on H800',
  '',
].join('\n');

suite("the user's own index file", () => {
  const recorder = recordActions();
  let file: vscode.Uri;

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests run with a folder open');
    file = vscode.Uri.joinPath(folder.uri, 'team-index.md');
    // Written to disk directly, as a user's file is, not through VS Code's file service.
    writeFileSync(file.fsPath, TEAM_INDEX);
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    await config().update('indexFile', undefined, vscode.ConfigurationTarget.Workspace);
    const { store } = await api();
    await waitFor('the bundled index back', () => store.origin.kind === 'bundled');
    await Promise.resolve(vscode.workspace.fs.delete(file)).catch(() => undefined);
  });

  test('naming the file shows it; an entry without entry data still gets a complete panel', async () => {
    const { store, treeView, panels } = await api();
    await vscode.commands.executeCommand('infraIndex.openEntry', 'flashmla');
    const flashmla = panels.panelFor('flashmla')!;
    await config().update('indexFile', 'team-index.md', vscode.ConfigurationTarget.Workspace);
    await waitFor('the file in use', () => store.origin.kind === 'file' && store.catalog?.get('widget'));
    // A panel of an entry the file does not have says so, and offers nothing that could no longer act.
    const gone = flashmla.webview.html;
    assert.match(gone, /<body[^>]* data-announce="FlashMLA is not in the index in use \(team-index\.md · read just now\)\.">/);
    assert.match(gone, /<h1 id="entry-name">FlashMLA<\/h1>/);
    assert.doesNotMatch(gone, /data-action=|<a /, 'no buttons or links');
    assert.equal(flashmla.title, 'FlashMLA');
    assert.deepEqual(store.catalog?.entries.map((e) => e.entry.id), ['widget']);
    assert.equal(treeView.description, 'team-index.md · read just now');
    await vscode.commands.executeCommand('infraIndex.openEntry', 'widget');
    const html = (await waitFor('the Widget panel', () => panels.panelFor('widget'))).webview.html;
    for (const text of ['Widget', 'Moves tensors between teams', 'Zero-copy handoff', '120', 'GB/s', 'https://github.com/acme/widget']) {
      assert.ok(html.includes(text), `the panel shows ${text}`);
    }
    assert.ok(html.includes('your index file · team-index.md'), "its figure cites the file, not the upstream README");
    assert.ok(!html.includes('56d8685'), 'nothing cites the bundled snapshot');
    assert.deepEqual(vscode.languages.getDiagnostics(file), [], 'a clean file has no problems');
    await closeAllEditors();
  });

  test('the language-model tools answer from the file in use, and from nothing else', async () => {
    const { store } = await api();
    assert.equal(store.origin.kind, 'file');
    const call = async (name: string, input: object) =>
      (await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined })).content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    const figures = await call('infraIndex_findFigures', { entry: 'widget' });
    assert.match(figures, /^Index in use: the user's own index file team-index\.md, read \d{4}-\d{2}-\d{2}T/);
    assert.match(figures, /^- Widget \[widget\]: 120 GB\/s .*source: your index file team-index\.md/m);
    // The bundled entries are not in this index: an agent asking for one hears so.
    assert.match(await call('infraIndex_getEntry', { entry: 'FlashMLA' }), /“FlashMLA” is not in the index/);
  });

  test('edits show their problems in the Problems panel, at their lines; saving reads the file again', async () => {
    const { store } = await api();
    const document = await vscode.workspace.openTextDocument(file);
    // Not a preview: nothing opened meanwhile may replace the editor and close the document.
    await vscode.window.showTextDocument(document, { preview: false });
    const line = document.lineCount - 1;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(file, new vscode.Position(line, 0), '⚡ Performance: very fast\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const problems = await waitFor('a problem in the Problems panel', () => {
      const found = vscode.languages.getDiagnostics(file);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^Figure line has no number with a known unit: "Performance: very fast"\.$/);
    assert.equal(problems[0].range.start.line, line);
    assert.equal(problems[0].source, 'Open Infra Index');
    assert.ok(!store.markdown.includes('very fast'), 'the index in use changes only on save');
    // Saved as a user saves, from the editor in front. (TextDocument.save() here, in code-server,
    // now and then resolves to false for a dirty document and saves nothing.)
    assert.equal(vscode.window.activeTextEditor?.document, document, 'the file is the active editor');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the file saved', () => !document.isDirty, 10_000);
    await waitFor('the saved file in use', () => store.markdown.includes('very fast'));
    assert.equal(store.origin.kind, 'file');
    assert.deepEqual(recorder.calls.filter((c) => c.startsWith('error')), []);
    await closeAllEditors();
  });

  test('Use Bundled Index says which setting to clear, and clearing it brings the bundled index back', async () => {
    const { store, panels } = await api();
    await vscode.commands.executeCommand('infraIndex.openEntry', 'widget');
    const widget = panels.panelFor('widget')!;
    await vscode.commands.executeCommand('infraIndex.useBundledIndex');
    assert.equal(store.origin.kind, 'file');
    assert.match(recorder.calls.join('\n'), /clear that setting to use the bundled index/);
    await config().update('indexFile', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the bundled index back', () => store.origin.kind === 'bundled');
    assert.match(widget.webview.html, /data-announce="Widget is not in the index in use \(bundled · upstream of 2025-05-15\)\."/);
    // What the page still posts is refused: its entry is not in the index in use.
    assert.equal(await panels.receive(widget, { type: 'openRepository' }), undefined);
    await closeAllEditors();
    assert.deepEqual(vscode.languages.getDiagnostics(file), [], 'its problems are cleared with it');
  });
});
