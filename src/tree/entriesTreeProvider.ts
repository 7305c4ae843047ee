import * as vscode from 'vscode';
import type { Catalog, CatalogEntry } from '../core/catalog';
import { figureLabel } from '../core/figures';
import type { Period } from '../core/model';
import type { IndexStore } from '../indexStore';
import { kindIcon, kindLabel } from './kindIcons';

export type TreeNode =
  | { readonly type: 'period'; readonly period: Period }
  | { readonly type: 'entry'; readonly item: CatalogEntry };

export const OPEN_ENTRY_COMMAND = 'infraIndex.openEntry';

/** The sidebar tree: periods, then their entries, as the index groups them. */
export class EntriesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  // Nodes are cached per id so that reveal() gets the same objects getChildren returned.
  private periodNodes = new Map<string, TreeNode>();
  private entryNodes = new Map<string, TreeNode>();

  constructor(private readonly store: IndexStore) {
    this.subscription = store.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.periodNodes.clear();
    this.entryNodes.clear();
    this.changed.fire(undefined);
  }

  private get catalog(): Catalog | undefined {
    return this.store.catalog;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const catalog = this.catalog;
    if (!catalog) return [];
    if (!node) {
      return catalog.index.periods.filter((p) => p.entries.length > 0).map((p) => this.periodNode(p));
    }
    if (node.type === 'period') {
      return catalog.entries.filter((e) => e.period.id === node.period.id).map((e) => this.entryNode(e));
    }
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.type === 'entry' ? this.periodNode(node.item.period) : undefined;
  }

  /** The node for an entry id, for reveal(). */
  nodeFor(id: string): TreeNode | undefined {
    const item = this.catalog?.get(id);
    return item ? this.entryNode(item) : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.type === 'period') {
      const { period } = node;
      const item = new vscode.TreeItem(period.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `period:${period.id}`;
      item.description = period.when;
      item.tooltip = period.heading;
      item.iconPath = new vscode.ThemeIcon(/paper/i.test(period.heading) ? 'book' : 'calendar');
      item.contextValue = 'period';
      return item;
    }
    const { item: e } = node;
    const item = new vscode.TreeItem(e.entry.name, vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${e.entry.id}`;
    item.description = e.headline || undefined;
    item.tooltip = entryTooltip(e);
    item.iconPath = kindIcon(e.kind);
    item.contextValue = e.entry.repo ? 'entry.repo' : 'entry';
    item.command = { command: OPEN_ENTRY_COMMAND, title: 'Open Entry', arguments: [e.entry.id] };
    const day = e.entry.day !== undefined ? `Day ${e.entry.day}, ` : '';
    item.accessibilityInformation = {
      label: `${e.entry.name}, ${day}${kindLabel(e.kind)}${e.headline ? `, ${e.headline}` : ''}`,
    };
    return item;
  }

  private periodNode(period: Period): TreeNode {
    let node = this.periodNodes.get(period.id);
    if (!node) {
      node = { type: 'period', period };
      this.periodNodes.set(period.id, node);
    }
    return node;
  }

  private entryNode(item: CatalogEntry): TreeNode {
    let node = this.entryNodes.get(item.entry.id);
    if (!node) {
      node = { type: 'entry', item };
      this.entryNodes.set(item.entry.id, node);
    }
    return node;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export function entryTooltip(e: CatalogEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(e.entry.name).appendMarkdown('**');
  const where = [e.entry.day !== undefined ? `Day ${e.entry.day}` : e.period.title, kindLabel(e.kind)].join(' · ');
  md.appendMarkdown(' — ').appendText(where).appendMarkdown('\n\n');
  const tagline = e.data?.tagline ?? e.entry.description;
  if (tagline) md.appendText(tagline).appendMarkdown('\n\n');
  for (const f of e.figures.slice(0, 6)) {
    const detail = [f.measure, f.hardware, f.scale].filter(Boolean).join(', ');
    md.appendMarkdown('- ').appendText(`${f.qualifier ? `${f.qualifier} ` : ''}${figureLabel(f)}${detail ? ` — ${detail}` : ''}`);
    md.appendMarkdown(f.source?.date ? ` _(${f.source.date})_\n` : '\n');
  }
  if (e.figures.length > 6) md.appendMarkdown(`- _${e.figures.length - 6} more in the panel_\n`);
  return md;
}
