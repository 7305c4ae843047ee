import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { entryLink, relatedEntries, type CatalogEntry } from '../core/catalog';
import { safeHttpUrl } from '../core/html';
import { parseWebviewMessage, type WebviewMessage } from '../core/messages';
import { figureCitation, renderEntryPage } from '../core/panelHtml';
import type { IndexStore } from '../indexStore';
import type { Settings } from '../settings';
import { pageAssets, tabIcon, webviewOptions } from './webviewAssets';

export const ENTRY_VIEW_TYPE = 'infraIndex.entry';

/** What the webview keeps across reloads (vscode.getState in media/panel.js). */
interface PanelState {
  readonly entryId?: unknown;
  readonly scrollY?: unknown;
}

export interface ShowOptions {
  /** Scroll to this figure (its position in the entry's figures) and highlight it. */
  readonly highlightFigure?: number;
  readonly preserveFocus?: boolean;
}

/**
 * The entry panels: one per entry, revealed when already open, or a single
 * panel that follows the selection when infraIndex.panel.reuse is on.
 */
export class EntryPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<PanelState> {
  private readonly panels = new Map<vscode.WebviewPanel, string>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly activeChanged = new vscode.EventEmitter<string>();
  /** Fires with the entry id whenever an entry's panel becomes the active editor. */
  readonly onDidActivateEntry = this.activeChanged.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly actions: ActionsRef,
  ) {
    this.disposables.push(this.activeChanged, store.onDidChange(() => this.rerenderAll()));
  }

  /** Ids of the entries whose panels are open, in the order they were opened. */
  get openIds(): string[] {
    return [...this.panels.values()];
  }

  panelFor(id: string): vscode.WebviewPanel | undefined {
    for (const [panel, entryId] of this.panels) if (entryId === id) return panel;
    return undefined;
  }

  show(item: CatalogEntry, options: ShowOptions = {}): vscode.WebviewPanel {
    let panel = this.panelFor(item.entry.id);
    if (!panel && this.settings.reusePanel()) panel = this.panels.keys().next().value;
    if (panel) {
      if (this.panels.get(panel) !== item.entry.id || options.highlightFigure !== undefined) {
        this.panels.set(panel, item.entry.id);
        this.render(panel, item, options.highlightFigure);
      }
      panel.reveal(undefined, options.preserveFocus);
      return panel;
    }
    panel = vscode.window.createWebviewPanel(ENTRY_VIEW_TYPE, item.entry.name, {
      viewColumn: vscode.ViewColumn.Active,
      preserveFocus: options.preserveFocus,
    });
    this.adopt(panel, item, options.highlightFigure);
    return panel;
  }

  /** Restores a panel after a window reload, on the entry it showed. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    const id = typeof state?.entryId === 'string' ? state.entryId : undefined;
    const item = id ? (await this.store.ready())?.get(id) : undefined;
    if (!item) {
      this.log.warn(`A restored panel named entry ${JSON.stringify(id)}, which is not in the index; closing it.`);
      panel.dispose();
      return;
    }
    this.adopt(panel, item);
  }

  /** Delivers a message as the webview would post it. */
  async receive(panel: vscode.WebviewPanel, raw: unknown): Promise<WebviewMessage | undefined> {
    const message = parseWebviewMessage(raw);
    const id = this.panels.get(panel);
    const item = id ? this.store.catalog?.get(id) : undefined;
    if (!message || !item) {
      this.log.warn(`Ignored a message from a panel: ${safeJson(raw)}`);
      return undefined;
    }
    await this.handle(item, message);
    return message;
  }

  private async handle(item: CatalogEntry, message: WebviewMessage): Promise<void> {
    const repo = safeHttpUrl(item.entry.repo);
    switch (message.type) {
      case 'openLink': {
        const url = safeHttpUrl(message.url);
        if (url) await this.actions.current.openExternal(url);
        else this.log.warn(`Refused to open a link that is not http(s): ${safeJson(message.url)}`);
        return;
      }
      case 'openEntry': {
        const target = this.store.catalog?.get(message.id);
        if (target) this.show(target, { highlightFigure: message.figure });
        return;
      }
      case 'copyFigure': {
        const figure = item.figures[message.figure];
        if (figure) await this.actions.current.copy(figureCitation(item, figure), 'the figure and its source');
        return;
      }
      case 'openRepository':
        if (repo) await this.actions.current.openExternal(repo);
        return;
      case 'cloneRepository':
        if (!repo) return;
        if (this.actions.current.canClone()) await this.actions.current.clone(repo);
        else void vscode.window.showInformationMessage(`Cloning needs VS Code's Git extension, which is not available here. The repository is ${repo}.`);
        return;
      case 'copyLink': {
        const link = entryLink(item);
        if (link) await this.actions.current.copy(link, 'the link');
        return;
      }
    }
  }

  private adopt(panel: vscode.WebviewPanel, item: CatalogEntry, highlightFigure?: number): void {
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.iconPath = tabIcon(this.extensionUri, 'entry');
    this.panels.set(panel, item.entry.id);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(panel, raw)),
      panel.onDidChangeViewState((e) => {
        const id = this.panels.get(panel);
        if (e.webviewPanel.active && id) this.activeChanged.fire(id);
      }),
    ];
    panel.onDidDispose(() => {
      this.panels.delete(panel);
      vscode.Disposable.from(...subscriptions).dispose();
    });
    this.render(panel, item, highlightFigure);
    if (panel.active) this.activeChanged.fire(item.entry.id);
  }

  private render(panel: vscode.WebviewPanel, item: CatalogEntry, highlightFigure?: number): void {
    panel.title = item.entry.name;
    const catalog = this.store.catalog;
    panel.webview.html = renderEntryPage(item, pageAssets(panel.webview, this.extensionUri, 'panel.css'), {
      related: catalog ? relatedEntries(catalog, item) : [],
      highlightFigure,
      canClone: this.actions.current.canClone(),
    });
  }

  private rerenderAll(): void {
    for (const [panel, id] of this.panels) {
      const item = this.store.catalog?.get(id);
      if (item) this.render(panel, item);
    }
  }

  dispose(): void {
    for (const panel of [...this.panels.keys()]) panel.dispose();
    this.panels.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return String(value).slice(0, 200);
  }
}
