import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { entryLink, type Catalog, type CatalogEntry } from '../core/catalog';
import { entryPickText } from '../core/lookups';
import type { IndexStore } from '../indexStore';
import type { EntryPanels, ShowOptions } from '../panels/entryPanels';
import type { Reporter } from '../reporter';
import type { TreeNode } from '../tree/entriesTreeProvider';
import { kindIcon } from '../tree/kindIcons';

/** What an entry command accepts: an id (from keybindings or other extensions), a tree node, or nothing. */
export type EntryArgument = string | TreeNode | undefined;

export interface EntryPickItem extends vscode.QuickPickItem {
  readonly id: string;
}

export const OPEN_REPO_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('link-external'),
  get tooltip() {
    return l10n.t('Open Repository');
  },
};
export const COPY_LINK_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('copy'),
  get tooltip() {
    return l10n.t('Copy Link');
  },
};

export function entryPickItem(e: CatalogEntry, withButtons = false): EntryPickItem {
  const { description, detail } = entryPickText(e);
  return {
    label: `$(${kindIcon(e.kind).id}) ${e.entry.name}`,
    description,
    detail,
    id: e.entry.id,
    buttons: withButtons && e.entry.repo ? [OPEN_REPO_BUTTON, COPY_LINK_BUTTON] : undefined,
  };
}

export class EntryCommands {
  constructor(
    private readonly store: IndexStore,
    private readonly panels: EntryPanels,
    private readonly actions: ActionsRef,
    private readonly report: Reporter,
  ) {}

  /** The catalog in use; without one, the user is told so (every command that needs it asks here). */
  catalog(): Catalog | undefined {
    const catalog = this.store.catalog;
    if (!catalog) void this.report.error(l10n.t('The index is not loaded; the "Open Infra Index" output says why.'));
    return catalog;
  }

  /** Resolves the argument to an entry, asking with a quick pick when there is none. */
  async resolve(arg: EntryArgument, placeHolder: string, only?: (e: CatalogEntry) => boolean): Promise<CatalogEntry | undefined> {
    const catalog = this.catalog();
    if (!catalog) return undefined;
    if (typeof arg === 'string') {
      const item = catalog.get(arg);
      if (!item) void this.report.error(l10n.t('There is no entry "{0}" in the index.', arg));
      return item;
    }
    if (arg && typeof arg === 'object' && arg.type === 'entry') return catalog.get(arg.item.entry.id);
    const picked = await vscode.window.showQuickPick(
      catalog.entries.filter(only ?? (() => true)).map((e) => entryPickItem(e)),
      { placeHolder, matchOnDescription: true, matchOnDetail: true },
    );
    return picked && catalog.get(picked.id);
  }

  async openEntry(arg?: EntryArgument, options?: ShowOptions): Promise<vscode.WebviewPanel | undefined> {
    const item = await this.resolve(arg, l10n.t('Open an entry of the Open Infra Index'));
    return item && this.panels.show(item, options);
  }

  /** Opens an entry's repository in the browser; resolves to the URL opened. */
  async openRepository(arg?: EntryArgument): Promise<string | undefined> {
    const item = await this.resolve(arg, l10n.t('Open the repository of…'), (e) => !!e.entry.repo);
    const url = item && entryLink(item);
    if (item && !url) void this.report.info(l10n.t('{0} has no repository or link.', item.entry.name));
    if (url) await this.actions.current.openExternal(url);
    return url;
  }

  async copyLink(arg?: EntryArgument): Promise<string | undefined> {
    const item = await this.resolve(arg, l10n.t('Copy the link of…'));
    const url = item && entryLink(item);
    if (url) await this.actions.current.copy(url, `the link to ${item.entry.name}`);
    return url;
  }
}
