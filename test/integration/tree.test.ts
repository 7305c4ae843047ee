import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allEntries } from '../../src/core/model';
import { parseIndex } from '../../src/core/parseIndex';
import type { TreeNode } from '../../src/tree/entriesTreeProvider';
import { api, extension, markdownText } from './api';

/** The index as the bundled markdown states it, read independently of the extension. */
function expectedIndex() {
  const file = path.join(extension().extensionPath, 'media', 'open-infra-index.md');
  return parseIndex(readFileSync(file, 'utf8')).index;
}

suite('sidebar tree', () => {
  test('roots are the index periods, children exactly their entries', async () => {
    const { tree } = await api();
    const expected = expectedIndex();
    const roots = tree.getChildren();
    assert.deepEqual(
      roots.map((n) => (n.type === 'group' ? n.group.id : '?')),
      expected.periods.map((p) => `period:${p.id}`),
    );
    roots.forEach((root, i) => {
      const children = tree.getChildren(root);
      assert.deepEqual(
        children.map((c) => (c.type === 'entry' ? c.item.entry.id : '?')),
        expected.periods[i].entries.map((e) => e.id),
      );
      for (const child of children) assert.equal(tree.getParent(child), root, 'getParent returns the same node');
      assert.deepEqual(tree.getChildren(children[0]), []);
    });
    assert.equal(roots.flatMap((r) => tree.getChildren(r)).length, allEntries(expected).length);
  });

  test('period items show their title and date and start expanded', async () => {
    const { tree } = await api();
    const [isca, post, week, papers] = tree.getChildren().map((n) => tree.getTreeItem(n));
    assert.equal(isca.label, 'Industry Track Paper (ISCA25)');
    assert.equal(isca.description, 'May 2025');
    assert.equal(post.label, 'The Path to Open-Sourcing the DeepSeek Inference Engine');
    assert.equal(week.label, 'Open-Source Week');
    assert.equal(week.description, 'February 2025');
    assert.equal(week.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(papers.label, 'AI Infrastructure Paper (SC24)');
  });

  test('every entry item carries label, description, tooltip, icon and command', async () => {
    const { tree } = await api();
    const entries = tree.getChildren().flatMap((r) => tree.getChildren(r));
    assert.equal(entries.length, 12);
    for (const node of entries) {
      assert.equal(node.type, 'entry');
      if (node.type !== 'entry') continue;
      const item = tree.getTreeItem(node);
      const { entry } = node.item;
      assert.equal(item.label, entry.name);
      assert.ok(typeof item.description === 'string' && item.description.length > 0, `${entry.id} description`);
      assert.ok(item.tooltip instanceof vscode.MarkdownString, `${entry.id} tooltip is markdown`);
      assert.ok(item.tooltip.value.includes(new vscode.MarkdownString().appendText(entry.name).value), `${entry.id} tooltip names it`);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon, `${entry.id} icon`);
      assert.deepEqual(item.command && { command: item.command.command, arguments: item.command.arguments }, {
        command: 'infraIndex.openEntry',
        arguments: [entry.id],
      });
      assert.ok(item.accessibilityInformation?.label.includes(entry.name));
      assert.equal(item.id, `entry:${entry.id}`);
    }
  });

  test('descriptions carry current performance figures, else the kind (issue 11)', async () => {
    const { tree } = await api();
    const item = (id: string) => tree.getTreeItem(tree.nodeFor(id) as TreeNode);
    // The index's 580 and 1350+ are superseded by their repositories' 660 and 1550.
    assert.equal(item('flashmla').description, '3000 GB/s · 660 TFLOPS');
    assert.equal(item('deepgemm').description, '1550 TFLOPS');
    assert.equal(item('3fs').description, '6.6 TiB/s · 3.66 TiB/min');
    // Settings and sizes never make a headline: these have no performance figure.
    assert.equal(item('eplb').description, 'load balancer');
    assert.equal(item('profile-data').description, 'profiling data');
    assert.equal(item('dualpipe').description, 'parallelism algorithm');
    // appendText escapes markdown and turns spaces into &nbsp;: read it back as text.
    const tooltip = (id: string) => markdownText(item(id).tooltip as vscode.MarkdownString);
    assert.match(tooltip('flashmla'), /660 BF16 TFLOPS — dense MLA decode, compute-bound, H800 SXM5/);
    assert.match(tooltip('flashmla'), /3000 GB\/s — memory-bound, H800/);
    assert.doesNotMatch(tooltip('flashmla'), /580/, 'a superseded figure is not listed');
    assert.doesNotMatch(tooltip('eplb'), /replicas|experts per layer/, 'nor a setting');
    assert.match(tooltip('eplb'), /6 more figures in the panel/);
  });

  test('entry icons differ by kind', async () => {
    const { tree } = await api();
    const icon = (id: string) => (tree.getTreeItem(tree.nodeFor(id) as TreeNode).iconPath as vscode.ThemeIcon).id;
    assert.notEqual(icon('3fs'), icon('flashmla'));
    assert.equal(icon('flashmla'), icon('deepgemm'));
    assert.equal(icon('fire-flyer-ai-hpc'), 'book');
  });

  test('the tree view can reveal an entry', async () => {
    const { tree, treeView } = await api();
    await vscode.commands.executeCommand('workbench.view.extension.infraIndex');
    const node = tree.nodeFor('smallpond');
    assert.ok(node);
    await treeView.reveal(node, { select: true, focus: false });
    assert.equal(treeView.visible, true);
    assert.deepEqual(
      treeView.selection.map((n) => (n.type === 'entry' ? n.item.entry.id : n.group.id)),
      ['smallpond'],
    );
  });
});
