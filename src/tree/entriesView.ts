import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { filterMessage, marksMessage } from '../core/announcements';
import type { ArrangeOptions } from '../core/arrange';
import type { CatalogEntry } from '../core/catalog';
import { entryDocs, search, type SearchDoc } from '../core/search';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import type { Settings } from '../settings';
import { indexOriginText } from '../indexOriginText';
import { EntriesTreeProvider, type EntryMarks, type TreeNode } from './entriesTreeProvider';

export const VIEW_ID = 'infraIndex.entries';
/** workspaceState key: the tree filter survives a window reload. */
export const FILTER_STATE_KEY = 'infraIndex.treeFilter';
/** Context key for the view title's Clear Filter button. */
export const FILTER_CONTEXT_KEY = 'infraIndex.filterActive';

/**
 * The sidebar view: the tree, its filter, and its message, which says what a
 * filter or an update changed in what the tree shows (the message is what a
 * screen reader reads of it).
 */
export class EntriesView extends Disposable {
  readonly provider: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  private query: string;

  constructor(
    private readonly store: IndexStore,
    private readonly settings: Settings,
    private readonly state: vscode.Memento,
    private readonly marks?: EntryMarks,
  ) {
    super();
    this.query = this.persistedFilter() ?? '';
    this.provider = this._register(new EntriesTreeProvider(store, () => this.arrangement(), marks));
    this.treeView = this._register(vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this._register(this.provider.onDidChangeTreeData(() => this.showStatus()));
    // The age in the description moves on: brought up to date whenever the view comes back into sight.
    this._register(this.treeView.onDidChangeVisibility((e) => e.visible && this.showStatus()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('infraIndex.tree')) this.provider.refresh();
      }),
    );
    this.showStatus();
  }

  get filter(): string {
    return this.query;
  }

  /** The filter as saved for the next window of this workspace. */
  persistedFilter(): string | undefined {
    const saved = this.state.get<unknown>(FILTER_STATE_KEY);
    return typeof saved === 'string' ? saved : undefined;
  }

  async setFilter(query: string): Promise<void> {
    this.query = query.trim();
    await this.state.update(FILTER_STATE_KEY, this.query || undefined);
    this.provider.refresh();
  }

  /** Reveals and selects an entry, if the tree shows it. */
  async reveal(id: string, options: { focus?: boolean } = {}): Promise<boolean> {
    const node = this.provider.nodeFor(id);
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: options.focus ?? false });
    return true;
  }

  private arrangement(): ArrangeOptions {
    const only = this.query ? new Set(search(this.query, this.searchDocs()).map((h) => h.item.entry.id)) : undefined;
    return { groupBy: this.settings.groupBy(), sortBy: this.settings.sortBy(), only };
  }

  private searchDocs(): readonly SearchDoc<CatalogEntry>[] {
    const catalog = this.store.catalog;
    return catalog ? entryDocs(catalog) : [];
  }

  private showStatus(): void {
    void vscode.commands.executeCommand('setContext', FILTER_CONTEXT_KEY, this.query !== '');
    if (!this.query) {
      this.treeView.message = this.marksMessage();
      this.treeView.description = this.sourceDescription();
      return;
    }
    const { shown, total } = this.provider.counts();
    this.treeView.description = l10n.t('Filter: {0} · {1}', this.query, this.sourceDescription());
    this.treeView.message = filterMessage(this.query, shown, total);
  }

  /** How many entries of the index in use an update marked and the user has not opened. */
  private marksMessage(): string | undefined {
    const catalog = this.store.catalog;
    let added = 0;
    let changed = 0;
    for (const [id, mark] of this.marks?.get() ?? []) {
      if (!catalog?.get(id)) continue;
      if (mark === 'new') added++;
      else changed++;
    }
    return marksMessage(added, changed);
  }

  /** Where the index in use comes from, and how old it is. */
  private sourceDescription(): string {
    return indexOriginText(this.store.origin, Date.now());
  }
}
