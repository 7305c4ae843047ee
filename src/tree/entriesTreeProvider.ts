import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { arrangeEntries, type ArrangeOptions, type EntryGroup } from '../core/arrange';
import { COMMAND } from '../commandIds';
import { isPaperPeriod, kindName, shortPlace, type CatalogEntry } from '../core/catalog';
import { taglineOf } from '../core/displayLocale';
import { statedLabel } from '../core/figureText';
import { performanceFigures, rowDescription } from '../core/headlines';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import { kindIcon } from './kindIcons';

export type TreeNode =
  | { readonly type: 'group'; readonly group: EntryGroup }
  | { readonly type: 'entry'; readonly item: CatalogEntry; readonly groupId: string };

/** Where the tree gets its arrangement (grouping, sorting, filter) from. */
export type ArrangementSource = () => ArrangeOptions;

/** Entries an update brought that the user has not opened yet, and when that changes. */
export interface EntryMarks {
  get(): ReadonlyMap<string, 'new' | 'changed'>;
  readonly onDidChange: vscode.Event<void>;
}

/** The marks of entries an update brought, in the display language. */
const MARK_TEXT = {
  get new(): string {
    return l10n.t('New');
  },
  get changed(): string {
    return l10n.t('Changed');
  },
};

/**
 * The sidebar tree: groups (periods by default), then their entries. The
 * arrangement is computed once per refresh and its nodes are kept, so that
 * reveal() and getParent() see the same objects getChildren() returned.
 */
export class EntriesTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private arranged: { roots: TreeNode[]; children: Map<string, TreeNode[]>; entries: Map<string, TreeNode> } | undefined;

  constructor(
    private readonly store: IndexStore,
    private readonly arrangement: ArrangementSource,
    private readonly marks?: EntryMarks,
  ) {
    super();
    this._register(store.onDidChange(() => this.refresh()));
    if (marks) this._register(marks.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.arranged = undefined;
    this.changed.fire(undefined);
  }

  /** How many entries the tree shows, and how many the index has. */
  counts(): { shown: number; total: number } {
    return { shown: this.arrange().entries.size, total: this.store.catalog?.entries.length ?? 0 };
  }

  private arrange() {
    if (this.arranged) return this.arranged;
    const groups = arrangeEntries(this.store.catalog?.entries ?? [], this.arrangement());
    const roots: TreeNode[] = [];
    const children = new Map<string, TreeNode[]>();
    const entries = new Map<string, TreeNode>();
    for (const group of groups) {
      const nodes = group.entries.map((item): TreeNode => ({ type: 'entry', item, groupId: group.id }));
      for (const node of nodes) if (node.type === 'entry') entries.set(node.item.entry.id, node);
      if (group.kind === 'none') {
        roots.push(...nodes);
      } else {
        roots.push({ type: 'group', group });
        children.set(group.id, nodes);
      }
    }
    this.arranged = { roots, children, entries };
    return this.arranged;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const { roots, children } = this.arrange();
    if (!node) return roots;
    return node.type === 'group' ? (children.get(node.group.id) ?? []) : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.type !== 'entry' || !node.groupId) return undefined;
    return this.arrange().roots.find((r) => r.type === 'group' && r.group.id === node.groupId);
  }

  /** The node for an entry id, for reveal(); undefined when the filter hides it. */
  nodeFor(id: string): TreeNode | undefined {
    return this.arrange().entries.get(id);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.type === 'group' ? groupItem(node.group) : entryItem(node.item, this.marks?.get().get(node.item.entry.id));
  }
}

function groupItem(group: EntryGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = group.id;
  item.description = group.description;
  item.contextValue = 'group';
  if (group.kind === 'period') {
    item.iconPath = new vscode.ThemeIcon(isPaperPeriod(group.label) ? 'book' : 'calendar');
    item.tooltip = group.description ? `${group.label} (${group.description})` : group.label;
  } else {
    item.iconPath = kindIcon(group.entries[0]?.kind ?? 'entry');
    item.tooltip = `${group.entries.length} × ${group.label}`;
  }
  return item;
}

function entryItem(e: CatalogEntry, mark: 'new' | 'changed' | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(e.entry.name, vscode.TreeItemCollapsibleState.None);
  item.id = `entry:${e.entry.id}`;
  const markText = mark && MARK_TEXT[mark];
  item.description = [markText && `● ${markText}`, rowDescription(e)].filter(Boolean).join(' · ') || undefined;
  item.tooltip = entryTooltip(e);
  if (markText) item.tooltip.appendMarkdown('\n\n_').appendText(l10n.t('{0} in the last update: open it to clear the mark.', markText)).appendMarkdown('_');
  item.iconPath = kindIcon(e.kind);
  item.contextValue = e.entry.repo ? 'entry.repo' : 'entry';
  item.command = { command: COMMAND.openEntry, title: l10n.t('Open Entry'), arguments: [e.entry.id] };
  item.accessibilityInformation = {
    label: `${e.entry.name}${markText ? `, ${l10n.t('{0} in the last update', markText.toLowerCase())}` : ''}, ${shortPlace(e)}, ${kindName(e.kind)}${e.headline ? `, ${e.headline}` : ''}`,
  };
  return item;
}

export function entryTooltip(e: CatalogEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(e.entry.name).appendMarkdown('**');
  const where = `${shortPlace(e)} · ${kindName(e.kind)}`;
  md.appendMarkdown(' — ').appendText(where).appendMarkdown('\n\n');
  const tagline = taglineOf(e);
  if (tagline) md.appendText(tagline).appendMarkdown('\n\n');
  // Performance figures only: settings and sizes say nothing of how well it runs.
  const shown = performanceFigures(e);
  for (const f of shown) {
    const detail = [f.measure, f.hardware, f.scale].filter(Boolean).join(', ');
    md.appendMarkdown('- ').appendText(`${statedLabel(f)}${detail ? ` — ${detail}` : ''}`);
    // The date is data too: as text, never as markdown.
    if (f.source?.date) md.appendMarkdown(' _(').appendText(f.source.date).appendMarkdown(')_');
    md.appendMarkdown('\n');
  }
  const more = e.figures.length - shown.length;
  if (more > 0) md.appendMarkdown(`\n_${more} more figure${more === 1 ? '' : 's'} in the panel_\n`);
  return md;
}
