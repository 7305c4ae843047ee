import * as vscode from 'vscode';
import type { CatalogEntry } from '../core/catalog';
import type { IndexStore } from '../indexStore';
import type { EntryPanels } from '../panels/entryPanels';
import type { TreeNode } from '../tree/entriesTreeProvider';
import { kindIcon, kindLabel } from '../tree/kindIcons';

/** What an entry command accepts: an id (from keybindings or other extensions), a tree node, or nothing. */
export type EntryArgument = string | TreeNode | undefined;

export class EntryCommands {
  constructor(
    private readonly store: IndexStore,
    private readonly panels: EntryPanels,
  ) {}

  /** Resolves the argument to an entry, asking with a quick pick when there is none. */
  async resolve(arg: EntryArgument, placeHolder: string): Promise<CatalogEntry | undefined> {
    const catalog = this.store.catalog;
    if (!catalog) {
      void vscode.window.showErrorMessage('Open Infra Index: the index is not loaded.');
      return undefined;
    }
    if (typeof arg === 'string') {
      const item = catalog.get(arg);
      if (!item) void vscode.window.showErrorMessage(`Open Infra Index: there is no entry "${arg}".`);
      return item;
    }
    if (arg && typeof arg === 'object' && arg.type === 'entry') return catalog.get(arg.item.entry.id);
    const picked = await vscode.window.showQuickPick(
      catalog.entries.map((e) => ({
        label: `$(${kindIcon(e.kind).id}) ${e.entry.name}`,
        description: [e.entry.day !== undefined ? `Day ${e.entry.day}` : e.period.title, kindLabel(e.kind)].join(' · '),
        detail: e.headline || undefined,
        id: e.entry.id,
      })),
      { placeHolder, matchOnDescription: true, matchOnDetail: true },
    );
    return picked && catalog.get(picked.id);
  }

  async openEntry(arg?: EntryArgument): Promise<vscode.WebviewPanel | undefined> {
    const item = await this.resolve(arg, 'Open an entry of the Open Infra Index');
    return item && this.panels.show(item);
  }
}
