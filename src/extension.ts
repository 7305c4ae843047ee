import * as vscode from 'vscode';
import { vscodeActions, type ActionsRef } from './actions';
import { EntryCommands, type EntryArgument } from './commands/entryCommands';
import { LookupCommands } from './commands/lookupCommands';
import { TreeCommands } from './commands/treeCommands';
import type { Catalog } from './core/catalog';
import { IndexStore } from './indexStore';
import { COMPARE_VIEW_TYPE, ComparePanel } from './panels/comparePanel';
import { ENTRY_VIEW_TYPE, EntryPanels, type ShowOptions } from './panels/entryPanels';
import { Settings } from './settings';
import type { EntriesTreeProvider, TreeNode } from './tree/entriesTreeProvider';
import { EntriesView } from './tree/entriesView';

/** What activate() returns: a handle for integration tests and other extensions. */
export interface InfraIndexApi {
  readonly store: IndexStore;
  readonly view: EntriesView;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly panels: EntryPanels;
  readonly compare: ComparePanel;
  /** What opens links, copies and clones; tests swap in a recorder. */
  readonly actions: ActionsRef;
  catalog(): Catalog | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<InfraIndexApi> {
  const log = vscode.window.createOutputChannel('Open Infra Index', { log: true });
  // One bundle serves both hosts; saying which one runs helps with reports (and the web test reads it).
  const host = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' ? 'web worker' : 'Node';
  log.info(`Open Infra Index ${String(context.extension.packageJSON.version)} running in the ${host} extension host.`);
  const actions: ActionsRef = { current: vscodeActions };
  const settings = new Settings(log);
  const store = new IndexStore(vscode.Uri.joinPath(context.extensionUri, 'media'), log);
  const view = new EntriesView(store, settings, context.workspaceState);
  const panels = new EntryPanels(context.extensionUri, store, settings, log, actions);
  const entries = new EntryCommands(store, panels, actions);
  const lookups = new LookupCommands(store, entries);
  const tree = new TreeCommands(view, settings);
  const compare = new ComparePanel(context.extensionUri, store, (id, figure) => entries.openEntry(id, { highlightFigure: figure }), actions, log);
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);

  context.subscriptions.push(
    log,
    store,
    view,
    panels,
    compare,
    vscode.window.registerWebviewPanelSerializer(ENTRY_VIEW_TYPE, panels),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, compare),
    // Keep the tree in step with the panel in front, as the explorer follows the editor.
    panels.onDidActivateEntry((id) => {
      if (view.treeView.visible) void view.reveal(id);
    }),
    command('infraIndex.openEntry', (arg?: EntryArgument, options?: ShowOptions) => entries.openEntry(arg, options)),
    command('infraIndex.findEntry', () => lookups.findEntry()),
    command('infraIndex.findFigure', (entryId?: string) => lookups.findFigure(entryId)),
    command('infraIndex.openRepository', (arg?: EntryArgument) => entries.openRepository(arg)),
    command('infraIndex.item.openRepository', (arg?: EntryArgument) => entries.openRepository(arg)),
    command('infraIndex.item.copyLink', (arg?: EntryArgument) => entries.copyLink(arg)),
    command('infraIndex.compareFigures', () => compare.show()),
    command('infraIndex.filterTree', (query?: string) => tree.filter(query)),
    command('infraIndex.clearFilter', () => tree.clearFilter()),
    command('infraIndex.groupBy', (value?: string) => tree.groupBy(value)),
    command('infraIndex.sortBy', (value?: string) => tree.sortBy(value)),
    command('infraIndex.refresh', () => store.load()),
  );

  await store.load();
  return { store, view, tree: view.provider, treeView: view.treeView, panels, compare, actions, catalog: () => store.catalog };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
