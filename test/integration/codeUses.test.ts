// Issue 12: the index meets the user's code. A fixture workspace of Python,
// CUDA and C++ files is copied into the test workspace; hovers, links, the
// "Used in This Workspace" view and the panel's list are read through the
// real VS Code API.
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { api, closeAllEditors, markdownText, waitFor } from './api';

const FIXTURE = vscode.Uri.file(resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace'));

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests run in a workspace');
  return f.uri;
}

const file = (path: string) => vscode.Uri.joinPath(folder(), 'code', ...path.split('/'));

/** The text of a hover's contents, read back as text: appendText escapes markdown and writes spaces as &nbsp;. */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return markdownText(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'));
}

async function hoverAt(path: string, line: number, text: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(file(path));
  const { codeFeatures } = await api();
  await waitFor('the language features', () => codeFeatures.isRegistered, 10_000);
  const character = doc.lineAt(line).text.indexOf(text);
  assert.ok(character >= 0, `"${text}" is on line ${line} of ${path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character + 1));
  return hoverText(hovers);
}

suite('the index in the user’s code', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.copy(FIXTURE, vscode.Uri.joinPath(folder(), 'code'), { overwrite: true });
    await vscode.workspace.getConfiguration('search').update('exclude', { '**/excluded/**': true }, vscode.ConfigurationTarget.Workspace);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('search').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'code'), { recursive: true, useTrash: false });
  });
  teardown(closeAllEditors);

  test('CUDA and Python files open in the languages the features serve', async () => {
    assert.equal((await vscode.workspace.openTextDocument(file('kernels/usrbio_read.cu'))).languageId, 'cuda-cpp');
    assert.equal((await vscode.workspace.openTextDocument(file('serving/decode.py'))).languageId, 'python');
  });

  test('hovering an import shows the entry’s card: tagline, sourced figures, panel and repository links', async () => {
    const text = await hoverAt('serving/decode.py', 2, 'flash_mla');
    assert.match(text, /\*\*FlashMLA\*\* — kernel library/);
    assert.match(text, /660 BF16 TFLOPS/);
    assert.match(text, /3000 GB\/s/);
    assert.match(text, /\[deepseek-ai\/FlashMLA · README\.md @ 9241ae3\]\(https:\/\/github\.com\/deepseek-ai\/FlashMLA\/blob\/9241ae3ef9bac614dd25e45e507e089f888280e0\/README\.md\)/);
    assert.match(text, /\(command:infraIndex\.openEntry\?%5B%22flashmla%22%5D\)/, 'a command link to the panel, with the entry id as its argument');
    assert.match(text, /\[\$\(github\) Repository\]\(https:\/\/github\.com\/deepseek-ai\/FlashMLA\)/);
  });

  test('hovering a name the import binds, where it is used, shows the same card', async () => {
    assert.match(await hoverAt('serving/decode.py', 7, 'get_mla_metadata'), /\*\*FlashMLA\*\*/);
    assert.match(await hoverAt('serving/decode.py', 13, 'ep.ElasticBuffer'), /\*\*DeepEP\*\*/, 'an alias: "import deep_ep as ep"');
    assert.match(await hoverAt('serving/train_step.py', 8, 'fp8_gemm_nt'), /\*\*DeepGEMM\*\*/, 'from a parenthesised list');
  });

  test('a C++ or CUDA include of a documented header shows its entry', async () => {
    assert.match(await hoverAt('kernels/usrbio_read.cu', 2, 'hf3fs_usrbio.h'), /\*\*3FS\*\* — file system/);
  });

  test('no card where nothing of the index is imported', async () => {
    assert.equal(await hoverAt('serving/decode.py', 1, 'torch'), '');
    assert.equal(await hoverAt('serving/train_step.py', 4, 'numpy'), '');
    assert.equal(await hoverAt('kernels/plain.cpp', 0, 'vector'), '');
  });

  test('module names in imports link to their entry’s panel', async () => {
    const doc = await vscode.workspace.openTextDocument(file('serving/decode.py'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const ours = links.filter((l) => l.target?.scheme === 'command');
    assert.deepEqual(
      ours.map((l) => [doc.getText(l.range), l.target?.toString(true)]),
      [
        ['flash_mla', 'command:infraIndex.openEntry?["flashmla"]'],
        ['deep_ep', 'command:infraIndex.openEntry?["deepep"]'],
      ],
    );
    // The command the link runs checks its argument: an unknown id opens nothing.
    const { panels } = await api();
    await vscode.commands.executeCommand('infraIndex.openEntry', 'no-such-entry');
    assert.deepEqual(panels.openIds, []);
  });

  test('the "Used in This Workspace" view lists the entries imported, with files and lines; excluded folders are skipped', async () => {
    const { workspaceUses, usedView } = await api();
    await workspaceUses.scan();
    assert.equal(workspaceUses.state, 'scanned');
    const listed = (id: string) => workspaceUses.usesOf(id).map((u) => `${u.path}:${u.line + 1}`);
    assert.deepEqual(listed('flashmla'), ['code/serving/decode.py:3']);
    assert.deepEqual(listed('deepep'), ['code/serving/decode.py:4']);
    assert.deepEqual(listed('deepgemm'), ['code/serving/train_step.py:1']);
    assert.deepEqual(listed('dualpipe'), ['code/serving/train_step.py:4']);
    assert.deepEqual(listed('3fs'), ['code/kernels/usrbio_read.cu:3']);
    assert.deepEqual(listed('smallpond'), [], 'node_modules is skipped');
    assert.deepEqual(listed('eplb'), [], 'search.exclude is respected');
    const roots = usedView.getChildren();
    assert.deepEqual(
      roots.map((n) => usedView.getTreeItem(n).label),
      ['3FS', 'DeepEP', 'DeepGEMM', 'DualPipe', 'FlashMLA'],
    );
    const flash = roots.find((n) => n.type === 'entry' && n.entryId === 'flashmla');
    assert.ok(flash);
    const [child] = usedView.getChildren(flash);
    const item = usedView.getTreeItem(child);
    assert.equal(item.label, 'code/serving/decode.py:3');
    assert.equal(item.description, 'from flash_mla import get_mla_metadata, flash_mla_with_kvcache');
    assert.equal(item.command?.command, 'vscode.open');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('the file opened at the import', () => vscode.window.activeTextEditor);
    assert.match(editor.document.uri.path, /serving\/decode\.py$/);
    assert.equal(editor.selection.start.line, 2);
    assert.equal(usedView.treeView.message, '5 entries are imported in this workspace.');
  });

  test('the list follows the files as they change', async () => {
    const { workspaceUses } = await api();
    if (workspaceUses.state !== 'scanned') await workspaceUses.scan();
    const added = file('serving/balance.py');
    await vscode.workspace.fs.writeFile(added, new TextEncoder().encode('import eplb\n'));
    await waitFor('the new file in the list', () => workspaceUses.usesOf('eplb').length === 1, 15_000);
    await vscode.workspace.fs.delete(added);
    await waitFor('the deleted file gone', () => workspaceUses.usesOf('eplb').length === 0, 15_000);
  });

  test('an entry’s panel lists where the workspace uses it, and opens the file at the line', async () => {
    const { workspaceUses, panels } = await api();
    if (workspaceUses.state !== 'scanned') await workspaceUses.scan();
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'deepgemm');
    assert.ok(panel);
    const html = panel.webview.html;
    assert.match(html, /<h2 id="used-here-title">Used in this workspace<\/h2>/);
    assert.match(html, /data-action="openUse" data-use="0" aria-label="Open code\/serving\/train_step\.py at line 1">code\/serving\/train_step\.py:1<\/button> <code>from deep_gemm import \(<\/code>/);
    await panels.receive(panel, { type: 'openUse', use: 0 });
    const editor = await waitFor('train_step.py in an editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('train_step.py')));
    assert.equal(editor.selection.start.line, 0);
    // A position the page does not list opens nothing.
    await panels.receive(panel, { type: 'openUse', use: 7 });
    assert.doesNotMatch((await vscode.commands.executeCommand<vscode.WebviewPanel>('infraIndex.openEntry', 'eplb'))?.webview.html ?? '', /used-here/);
  });
});
