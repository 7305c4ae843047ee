import * as vscode from 'vscode';
import { EntryCommands } from './commands/entryCommands';
import type { Catalog } from './core/catalog';
import { IndexStore } from './indexStore';
import { ENTRY_VIEW_TYPE, EntryPanels } from './panels/entryPanels';
import { Settings } from './settings';
import { EntriesTreeProvider, OPEN_ENTRY_COMMAND, type TreeNode } from './tree/entriesTreeProvider';

export const VIEW_ID = 'infraIndex.entries';

/** What activate() returns: a handle for integration tests and other extensions. */
export interface InfraIndexApi {
  readonly store: IndexStore;
  readonly tree: EntriesTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly panels: EntryPanels;
  catalog(): Catalog | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<InfraIndexApi> {
  const log = vscode.window.createOutputChannel('Open Infra Index', { log: true });
  const settings = new Settings(log);
  const store = new IndexStore(vscode.Uri.joinPath(context.extensionUri, 'media'), log);
  const tree = new EntriesTreeProvider(store);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const panels = new EntryPanels(context.extensionUri, store, settings, log);
  const commands = new EntryCommands(store, panels);

  context.subscriptions.push(
    log,
    store,
    tree,
    treeView,
    panels,
    vscode.window.registerWebviewPanelSerializer(ENTRY_VIEW_TYPE, panels),
    // Keep the tree in step with the panel in front, as a file explorer follows the editor.
    panels.onDidActivateEntry((id) => {
      const node = tree.nodeFor(id);
      if (node && treeView.visible) void treeView.reveal(node, { select: true, focus: false });
    }),
    vscode.commands.registerCommand(OPEN_ENTRY_COMMAND, (arg?: string | TreeNode) => commands.openEntry(arg)),
    vscode.commands.registerCommand('infraIndex.refresh', () => store.load()),
  );

  await store.load();
  return { store, tree, treeView, panels, catalog: () => store.catalog };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
