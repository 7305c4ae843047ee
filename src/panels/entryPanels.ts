import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { entryUpdateText, usesUpdateText } from '../core/announcements';
import { entryLink, relatedEntries, type CatalogEntry } from '../core/catalog';
import { describeValue } from '../core/describe';
import { safeHttpUrl } from '../core/html';
import { githubCloneUrl } from '../core/ids';
import { parseWebviewMessage, type PageMessage, type WebviewMessage } from '../core/messages';
import { pageLinks } from '../core/pageLinks';
import { figureCitation, renderEntryPage, renderMissingEntryPage } from '../core/panelHtml';
import { indexOriginText } from '../indexOriginText';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import type { Reporter } from '../reporter';
import type { Settings } from '../settings';
import type { WorkspaceUse, WorkspaceUses } from '../code/workspaceUses';
import { adoptPanel, pageAssets } from './webviewAssets';

export const ENTRY_VIEW_TYPE = 'infraIndex.entry';

/** What the page kept across a reload (PageState, as stored by the untrusted page: checked on use). */
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
export class EntryPanels extends Disposable implements vscode.WebviewPanelSerializer<PanelState> {
  private readonly panels = new Map<vscode.WebviewPanel, string>();
  /** The links each panel's page shows: the only ones an openLink message may open. */
  private readonly links = new Map<vscode.WebviewPanel, ReadonlySet<string>>();
  /** The places each panel's page lists: an openUse message names one by its position. */
  private readonly shownUses = new Map<vscode.WebviewPanel, readonly WorkspaceUse[]>();
  /** The catalog entry each panel's page was drawn from, to tell what a newer index changed on it. */
  private readonly drawn = new Map<vscode.WebviewPanel, CatalogEntry>();
  private readonly activeChanged = this._register(new vscode.EventEmitter<string>());
  /** Fires with the entry id whenever an entry's panel becomes the active editor. */
  readonly onDidActivateEntry = this.activeChanged.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly actions: ActionsRef,
    private readonly report: Reporter,
    private readonly uses?: WorkspaceUses,
  ) {
    super();
    this._register(store.onDidChange(() => this.rerenderAll('index')));
    if (uses) this._register(uses.onDidChange(() => this.rerenderAll('uses')));
    this._register({ dispose: () => [...this.panels.keys()].forEach((panel) => panel.dispose()) });
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
      if (this.panels.get(panel) !== item.entry.id) {
        this.panels.set(panel, item.entry.id);
        this.render(panel, item, options.highlightFigure);
      } else if (options.highlightFigure !== undefined) {
        // A visible page of this entry moves to the figure itself, keeping its state. A hidden
        // one is rebuilt from its HTML when shown, and a message to it would be lost: render.
        if (panel.visible) void this.post(panel, { type: 'highlightFigure', figure: options.highlightFigure });
        else this.render(panel, item, options.highlightFigure);
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
      this.log.warn(`Ignored a message from a panel: ${describeValue(raw)}`);
      return undefined;
    }
    await this.handle(panel, item, message);
    return message;
  }

  private async handle(panel: vscode.WebviewPanel, item: CatalogEntry, message: WebviewMessage): Promise<void> {
    const repo = safeHttpUrl(item.entry.repo);
    switch (message.type) {
      case 'openLink': {
        const url = this.links.get(panel)?.has(message.url) ? safeHttpUrl(message.url) : undefined;
        if (url) await this.actions.current.openExternal(url);
        else this.log.warn(`Refused to open a link its page does not show: ${describeValue(message.url)}`);
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
      case 'cloneRepository': {
        const clone = githubCloneUrl(item.entry.repo);
        if (!clone) return;
        if (this.actions.current.canClone()) await this.actions.current.clone(clone);
        else void this.report.info(l10n.t("Cloning needs VS Code's Git extension, which is not available here. The repository is {0}.", clone));
        return;
      }
      case 'copyLink': {
        const link = entryLink(item);
        if (link) await this.actions.current.copy(link, 'the link');
        return;
      }
      case 'openUse': {
        const use = this.shownUses.get(panel)?.[message.use];
        if (use) await vscode.window.showTextDocument(use.uri, { selection: new vscode.Range(use.line, use.start, use.line, use.end), viewColumn: vscode.ViewColumn.Beside });
        return;
      }
    }
  }

  private adopt(panel: vscode.WebviewPanel, item: CatalogEntry, highlightFigure?: number): void {
    this.panels.set(panel, item.entry.id);
    adoptPanel(panel, this.extensionUri, 'entry', {
      receive: (raw) => this.receive(panel, raw),
      onActive: () => {
        const id = this.panels.get(panel);
        if (id) this.activeChanged.fire(id);
      },
      onClose: () => {
        this.panels.delete(panel);
        this.links.delete(panel);
        this.shownUses.delete(panel);
        this.drawn.delete(panel);
      },
    });
    this.render(panel, item, highlightFigure);
    if (panel.active) this.activeChanged.fire(item.entry.id);
  }

  /** Sends a page a message; the page script (src/webview/pageScript.ts) acts on it. */
  private post(panel: vscode.WebviewPanel, message: PageMessage): Thenable<boolean> {
    return panel.webview.postMessage(message);
  }

  /**
   * Draws the page of an entry the index in use does not have: it says so, and
   * offers nothing to act on. The panel keeps the entry it showed, and shows
   * it again (saying what changed) once an index that has it is in use.
   */
  private renderMissing(panel: vscode.WebviewPanel, item: CatalogEntry, announce: boolean): void {
    const source = indexOriginText(this.store.origin, Date.now());
    this.shownUses.set(panel, []);
    this.links.set(panel, new Set());
    panel.webview.html = renderMissingEntryPage(item.entry.name, source, pageAssets(panel.webview, this.extensionUri, 'panel.css'), announce);
  }

  private render(panel: vscode.WebviewPanel, item: CatalogEntry, highlightFigure?: number, announce?: string): void {
    panel.title = item.entry.name;
    const catalog = this.store.catalog;
    const uses = this.uses?.usesOf(item.entry.id) ?? [];
    this.shownUses.set(panel, uses);
    this.drawn.set(panel, item);
    const html = renderEntryPage(item, pageAssets(panel.webview, this.extensionUri, 'panel.css'), {
      related: catalog ? relatedEntries(catalog, item) : [],
      highlightFigure,
      canClone: this.actions.current.canClone(),
      uses: uses.map((u) => ({ path: u.path, line: u.line + 1, text: u.text })),
      announce,
    });
    this.links.set(panel, pageLinks(html));
    panel.webview.html = html;
  }

  /**
   * Renders every open panel again: after the index, the workspace's imports
   * or the display language changed. For the first two, the page's live
   * region says what changed on it; a page with nothing new stays as it is.
   */
  rerenderAll(reason?: 'index' | 'uses'): void {
    for (const [panel, id] of this.panels) {
      const item = this.store.catalog?.get(id);
      const before = this.drawn.get(panel);
      if (!item) {
        if (before && (reason === 'index' || reason === undefined)) this.renderMissing(panel, before, reason === 'index');
        continue;
      }
      if (reason === 'index') {
        if (item === before) continue;
        this.render(panel, item, undefined, before && entryUpdateText(before, item));
      } else if (reason === 'uses') {
        const uses = this.uses?.usesOf(id) ?? [];
        const shown = this.shownUses.get(panel) ?? [];
        if (sameUses(uses, shown)) continue;
        this.render(panel, item, undefined, uses.length !== shown.length ? usesUpdateText(item.entry.name, uses.length) : undefined);
      } else {
        this.render(panel, item);
      }
    }
  }
}

function sameUses(a: readonly WorkspaceUse[], b: readonly WorkspaceUse[]): boolean {
  return a.length === b.length && a.every((u, i) => u.uri.toString() === b[i].uri.toString() && u.line === b[i].line && u.start === b[i].start && u.text === b[i].text);
}
