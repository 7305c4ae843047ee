import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import { kindIcon } from './kindIcons';
import { MAX_SCAN_FILES, type WorkspaceUse, type WorkspaceUses } from '../code/workspaceUses';

export const USED_VIEW_ID = 'infraIndex.usedInWorkspace';
/** Context key: a scan is running (the view's title offers to stop it). */
export const SCANNING_CONTEXT_KEY = 'infraIndex.scanning';

export type UsedNode = { readonly type: 'entry'; readonly entryId: string; readonly uses: readonly WorkspaceUse[] } | { readonly type: 'use'; readonly use: WorkspaceUse };

/** The "Used in This Workspace" view: the entries the workspace imports, each with the lines that do. */
export class UsedInWorkspaceView extends Disposable implements vscode.TreeDataProvider<UsedNode> {
  private readonly changed = this._register(new vscode.EventEmitter<UsedNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<UsedNode>;

  constructor(
    private readonly uses: WorkspaceUses,
    private readonly store: IndexStore,
  ) {
    super();
    this.treeView = this._register(vscode.window.createTreeView(USED_VIEW_ID, { treeDataProvider: this, showCollapseAll: true }));
    this._register(
      uses.onDidChange(() => {
        this.changed.fire(undefined);
        this.showStatus();
      }),
    );
    this._register(store.onDidChange(() => this.changed.fire(undefined)));
    // The scan runs when the view is first seen, not before: a workspace nobody looks at is never read.
    this._register(this.treeView.onDidChangeVisibility((e) => e.visible && this.uses.state === 'not scanned' && void this.uses.scan()));
    if (this.treeView.visible && this.uses.state === 'not scanned') void this.uses.scan();
  }

  /** Redraws the view and its message (after the display language changed). */
  refresh(): void {
    this.changed.fire(undefined);
    this.showStatus();
  }

  getChildren(node?: UsedNode): UsedNode[] {
    if (!node) {
      const catalog = this.store.catalog;
      return [...this.uses.entries()]
        .filter(([id]) => catalog?.get(id))
        .sort(([a], [b]) => (catalog?.get(a)?.entry.name ?? a).localeCompare(catalog?.get(b)?.entry.name ?? b))
        .map(([entryId, uses]) => ({ type: 'entry', entryId, uses }));
    }
    return node.type === 'entry' ? node.uses.map((use) => ({ type: 'use', use })) : [];
  }

  getTreeItem(node: UsedNode): vscode.TreeItem {
    if (node.type === 'entry') {
      const item = this.store.catalog?.get(node.entryId);
      const files = new Set(node.uses.map((u) => u.path)).size;
      const tree = new vscode.TreeItem(item?.entry.name ?? node.entryId, vscode.TreeItemCollapsibleState.Expanded);
      tree.id = `used:${node.entryId}`;
      const fileCount = files === 1 ? l10n.t('1 file') : l10n.t('{0} files', files);
      const importCount = node.uses.length === 1 ? l10n.t('1 import') : l10n.t('{0} imports', node.uses.length);
      tree.description = l10n.t('{0}, {1}', fileCount, importCount);
      tree.iconPath = kindIcon(item?.kind ?? 'entry');
      tree.contextValue = 'usedEntry';
      tree.tooltip = l10n.t('{0}: imported in {1}', item?.entry.name ?? node.entryId, tree.description);
      return tree;
    }
    const u = node.use;
    const tree = new vscode.TreeItem(`${u.path}:${u.line + 1}`, vscode.TreeItemCollapsibleState.None);
    tree.id = `use:${u.uri.toString()}:${u.line}:${u.start}`;
    tree.description = u.text;
    tree.tooltip = `${u.path}, line ${u.line + 1}: ${u.text}`;
    tree.resourceUri = u.uri;
    tree.iconPath = vscode.ThemeIcon.File;
    tree.command = {
      command: 'vscode.open',
      title: l10n.t('Open File at Line'),
      arguments: [u.uri, { selection: new vscode.Range(u.line, u.start, u.line, u.end) } satisfies vscode.TextDocumentShowOptions],
    };
    return tree;
  }

  /** The view's message: what the scan found, and what it left out. */
  private showStatus(): void {
    const state = this.uses.state;
    void vscode.commands.executeCommand('setContext', SCANNING_CONTEXT_KEY, state === 'scanning');
    const count = this.uses.entries().size;
    const skipped =
      this.uses.skipped === 0
        ? ''
        : ` ${this.uses.skipped === 1 ? l10n.t('1 file was left out (over {0} files, or over 1 MB).', MAX_SCAN_FILES) : l10n.t('{0} files were left out (over {1} files, or over 1 MB).', this.uses.skipped, MAX_SCAN_FILES)}`;
    if (state === 'scanning') this.treeView.message = l10n.t('Scanning the workspace…');
    else if (state === 'cancelled') this.treeView.message = l10n.t('Scan stopped: showing what it found so far ({0} entries).', count) + skipped;
    else if (state === 'scanned' && count === 0) this.treeView.message = l10n.t('No Python, C++ or CUDA file here imports a library of the index.') + skipped;
    else if (state === 'scanned') this.treeView.message = (count === 1 ? l10n.t('1 entry is imported in this workspace.') : l10n.t('{0} entries are imported in this workspace.', count)) + skipped;
    else this.treeView.message = undefined;
  }
}
