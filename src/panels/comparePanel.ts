import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { compareGroups } from '../core/compare';
import { renderComparePage } from '../core/compareHtml';
import { describeValue } from '../core/describe';
import { safeHttpUrl } from '../core/html';
import { parseWebviewMessage, type WebviewMessage } from '../core/messages';
import { pageLinks } from '../core/pageLinks';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import { adoptPanel, pageAssets } from './webviewAssets';

export const COMPARE_VIEW_TYPE = 'infraIndex.compare';

/** Opens an entry at a figure; the entry commands do it. */
export type OpenEntryAt = (id: string, figure: number | undefined) => Thenable<unknown>;

/** The single Compare Figures panel. */
export class ComparePanel extends Disposable implements vscode.WebviewPanelSerializer {
  private panel: vscode.WebviewPanel | undefined;
  /** The links the page shows: the only ones an openLink message may open. */
  private links: ReadonlySet<string> = new Set();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly openEntry: OpenEntryAt,
    private readonly actions: ActionsRef,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(store.onDidChange(() => this.panel && this.render(this.panel)));
    this._register({ dispose: () => this.panel?.dispose() });
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  show(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare Figures', vscode.ViewColumn.Active);
    this.adopt(panel);
    return panel;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    await this.store.ready();
    this.adopt(panel);
  }

  /** Delivers a message as the webview would post it. */
  async receive(raw: unknown): Promise<WebviewMessage | undefined> {
    const message = parseWebviewMessage(raw);
    if (message?.type === 'openEntry') {
      if (this.store.catalog?.get(message.id)) await this.openEntry(message.id, message.figure);
      return message;
    }
    if (message?.type === 'openLink') {
      const url = this.links.has(message.url) ? safeHttpUrl(message.url) : undefined;
      if (url) await this.actions.current.openExternal(url);
      else this.log.warn(`Refused to open a link the comparison does not show: ${describeValue(message.url)}`);
      return url ? message : undefined;
    }
    this.log.warn(`Ignored a message from the comparison: ${describeValue(raw)}`);
    return undefined;
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    adoptPanel(panel, this.extensionUri, 'compare', {
      receive: (raw) => this.receive(raw),
      onClose: () => {
        if (this.panel === panel) this.panel = undefined;
      },
    });
    this.render(panel);
  }

  private render(panel: vscode.WebviewPanel): void {
    const catalog = this.store.catalog;
    if (!catalog) return;
    const html = renderComparePage(compareGroups(catalog), pageAssets(panel.webview, this.extensionUri, 'compare.css'));
    this.links = pageLinks(html);
    panel.webview.html = html;
  }
}
