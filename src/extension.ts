import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { vscodeActions, type ActionsRef } from './actions';
import { COMMAND } from './commandIds';
import { liveRegistrations } from './dispose';
import { EntryCommands, type EntryArgument } from './commands/entryCommands';
import { LookupCommands } from './commands/lookupCommands';
import { TreeCommands } from './commands/treeCommands';
import { IndexStore } from './indexStore';
import type { OpenInfraIndexApi } from './openInfraIndexApi';
import { COMPARE_VIEW_TYPE, ComparePanel } from './panels/comparePanel';
import { ENTRY_VIEW_TYPE, EntryPanels, type ShowOptions } from './panels/entryPanels';
import { createPublicApi } from './publicApi';
import { Reporter } from './reporter';
import { isWebWorker } from './runtime';
import { Settings } from './settings';
import { EntriesView } from './tree/entriesView';
import { ChangesPanel } from './panels/changesPanel';
import { IndexSourceDocuments } from './upstream/indexSourceDocuments';
import { Updates } from './upstream/updates';
import { UserIndexFile } from './userIndexFile';
import { CodeIndex } from './code/codeIndex';
import { CodeFeatures } from './code/codeFeatures';
import { WorkspaceUses } from './code/workspaceUses';
import { USED_VIEW_ID, UsedInWorkspaceView } from './tree/usedInWorkspaceView';
import { LocaleService } from './locale';
import { IndexTools } from './chat/indexTools';

/** The extension's parts, for its own integration tests (see testHandle()). */
export interface TestHandle {
  readonly store: IndexStore;
  readonly view: EntriesView;
  readonly panels: EntryPanels;
  readonly compare: ComparePanel;
  readonly updates: Updates;
  readonly changes: ChangesPanel;
  readonly userIndex: UserIndexFile;
  readonly code: CodeIndex;
  readonly codeFeatures: CodeFeatures;
  readonly workspaceUses: WorkspaceUses;
  readonly usedView: UsedInWorkspaceView;
  readonly locale: LocaleService;
  readonly indexTools: IndexTools;
  /** What opens links, copies, clones and notifies; tests swap in a recorder. */
  readonly actions: ActionsRef;
  /** Registrations alive now (listeners, subscriptions, emitters): a leak makes it grow. */
  liveRegistrations(): number;
}

/** activate()'s result: the public API, and, only when VS Code runs the extension's tests, their handle. */
export type ActivationResult = OpenInfraIndexApi & { readonly testHandle?: TestHandle };

export async function activate(context: vscode.ExtensionContext): Promise<ActivationResult> {
  const log = vscode.window.createOutputChannel('Open Infra Index', { log: true });
  // One bundle serves both hosts; saying which one runs helps with reports (and the web test reads it).
  const host = isWebWorker() ? 'web worker' : 'Node';
  log.info(`Open Infra Index ${String(context.extension.packageJSON.version)} running in the ${host} extension host.`);
  const actions: ActionsRef = { current: vscodeActions };
  const report = new Reporter(log, actions);
  const settings = new Settings(report);
  // The language first: everything after may already say something.
  const locale = new LocaleService(context.extensionUri, settings);
  await locale.apply();
  const store = new IndexStore(
    vscode.Uri.joinPath(context.extensionUri, 'media'),
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'parseWorker.js'),
    log,
    report,
    () => locale.bundle,
  );
  const updates = new Updates(context.globalStorageUri, store, settings, context.globalState, report, log);
  const view = new EntriesView(store, settings, context.workspaceState, { get: () => updates.unseen(), onDidChange: updates.onDidChangeUnseen });
  const code = new CodeIndex(store);
  const workspaceUses = new WorkspaceUses(code, store, USED_VIEW_ID);
  const panels = new EntryPanels(context.extensionUri, store, settings, log, actions, report, workspaceUses);
  const entries = new EntryCommands(store, panels, actions, report);
  const lookups = new LookupCommands(entries);
  const tree = new TreeCommands(view, settings);
  const openAt = (id: string, figure: number | undefined) => entries.openEntry(id, { highlightFigure: figure });
  const compare = new ComparePanel(context.extensionUri, store, openAt, actions, log);
  const changes = new ChangesPanel(context.extensionUri, store, updates, openAt, actions, log);
  const sources = new IndexSourceDocuments(store);
  const userIndex = new UserIndexFile(store, settings, report);
  const usedView = new UsedInWorkspaceView(workspaceUses, store);
  const codeFeatures = new CodeFeatures(code, store);
  const indexTools = new IndexTools(store);
  const scanWorkspace = async (): Promise<void> => {
    await vscode.commands.executeCommand(`${USED_VIEW_ID}.focus`);
    await workspaceUses.scan();
  };
  /**
   * Shows the user's index file when infraIndex.indexFile names one, else the
   * upstream copy the user chose, else the bundled index. After start-up a file
   * that cannot be read leaves the index in use as it was.
   */
  const chooseIndex = async (startup: boolean): Promise<void> => {
    if (settings.indexFile()) {
      if ((await userIndex.load()) || !startup) return;
    } else if (!startup && store.origin.kind !== 'file') {
      return;
    }
    await updates.loadAtStartup();
  };
  const useBundled = async (): Promise<void> => {
    if (!settings.indexFile()) return updates.useBundled();
    const choice = await report.info(l10n.t('The index comes from the file that "infraIndex.indexFile" names: clear that setting to use the bundled index.'), l10n.t('Open Settings'));
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'infraIndex.indexFile');
  };
  const indexChanged = new vscode.EventEmitter<void>();
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);

  context.subscriptions.push(
    log,
    store,
    view,
    panels,
    compare,
    updates,
    changes,
    sources,
    userIndex,
    code,
    workspaceUses,
    usedView,
    codeFeatures,
    indexTools,
    locale,
    // A new display language redraws what is on screen; the tree's and views' next reads use it too.
    locale.onDidChange(() => {
      view.provider.refresh();
      usedView.refresh();
      panels.rerenderAll();
      compare.rerender();
      changes.rerender();
    }),
    userIndex.onDidChangeSetting(() => void chooseIndex(false)),
    indexChanged,
    store.onDidChange(() => indexChanged.fire()),
    vscode.window.registerWebviewPanelSerializer(ENTRY_VIEW_TYPE, panels),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, compare),
    // Keep the tree in step with the panel in front, as the explorer follows the editor.
    panels.onDidActivateEntry((id) => {
      if (view.treeView.visible) void view.reveal(id);
      // Opening an entry an update brought clears its mark in the tree.
      void updates.markSeen(id);
    }),
    command(COMMAND.openEntry, (arg?: EntryArgument, options?: ShowOptions) => entries.openEntry(arg, options)),
    command(COMMAND.findEntry, () => lookups.findEntry()),
    command(COMMAND.findFigure, (entryId?: string) => lookups.findFigure(entryId)),
    command(COMMAND.openRepository, (arg?: EntryArgument) => entries.openRepository(arg)),
    command(COMMAND.itemOpenRepository, (arg?: EntryArgument) => entries.openRepository(arg)),
    command(COMMAND.itemCopyLink, (arg?: EntryArgument) => entries.copyLink(arg)),
    command(COMMAND.compareFigures, () => compare.show()),
    command(COMMAND.filterTree, (query?: string) => tree.filter(query)),
    command(COMMAND.clearFilter, () => tree.clearFilter()),
    command(COMMAND.groupBy, (value?: string) => tree.groupBy(value)),
    command(COMMAND.sortBy, (value?: string) => tree.sortBy(value)),
    command(COMMAND.refresh, () => (store.origin.kind === 'file' ? userIndex.load() : updates.reload())),
    command(COMMAND.checkForUpdates, () => updates.check({ interactive: true })),
    command(COMMAND.showChanges, () => changes.show()),
    command(COMMAND.useBundledIndex, () => useBundled()),
    command(COMMAND.openIndexSource, () => sources.open()),
    command(COMMAND.scanWorkspace, () => scanWorkspace()),
    command(COMMAND.stopScan, () => workspaceUses.cancel()),
  );

  await chooseIndex(true);
  // The daily check runs later, off activation's path; never while VS Code runs the extension's tests.
  if (context.extensionMode !== vscode.ExtensionMode.Test) updates.scheduleAutoCheck();
  const api = createPublicApi(store, openAt, indexChanged.event);
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  return {
    ...api,
    testHandle: { store, view, panels, compare, updates, changes, userIndex, code, codeFeatures, workspaceUses, usedView, locale, indexTools, actions, liveRegistrations: () => liveRegistrations.count },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
