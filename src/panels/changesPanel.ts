import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { renderChangesPage } from '../core/changesHtml';
import { describeValue } from '../core/describe';
import { safeHttpUrl } from '../core/html';
import { parseWebviewMessage, type WebviewMessage } from '../core/messages';
import { pageLinks } from '../core/pageLinks';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import type { Updates } from '../upstream/updates';
import type { OpenEntryAt } from './comparePanel';
import { adoptPanel, pageAssets } from './webviewAssets';

export const CHANGES_VIEW_TYPE = 'infraIndex.changes';

/** The single Show Changes panel: what the last check found, or what the last update changed. */
export class ChangesPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The links the page shows: the only ones an openLink message may open. */
  private links: ReadonlySet<string> = new Set();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly updates: Updates,
    private readonly openEntry: OpenEntryAt,
    private readonly actions: ActionsRef,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this._register(updates.onDidChangeChanges(() => this.panel && this.render(this.panel)));
    this._register(store.onDidChange(() => this.panel && this.render(this.panel)));
    this._register({ dispose: () => this.panel?.dispose() });
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the page, or says there is nothing to show yet. */
  show(): vscode.WebviewPanel | undefined {
    if (!this.updates.changes) {
      void this.actions.current.notify('info', 'No changes to show yet: Check for Updates compares the index in use with upstream.', []);
      return undefined;
    }
    if (this.panel) {
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(CHANGES_VIEW_TYPE, 'Index Changes', vscode.ViewColumn.Active);
    this.panel = panel;
    adoptPanel(panel, this.extensionUri, 'compare', {
      receive: (raw) => this.receive(raw),
      onClose: () => {
        if (this.panel === panel) this.panel = undefined;
      },
    });
    this.render(panel);
    return panel;
  }

  /** Delivers a message as the webview would post it. */
  async receive(raw: unknown): Promise<WebviewMessage | undefined> {
    const message = parseWebviewMessage(raw);
    if (message?.type === 'openEntry') {
      if (this.store.catalog?.get(message.id)) await this.openEntry(message.id, undefined);
      return message;
    }
    if (message?.type === 'useUpstreamIndex') {
      await this.updates.usePending();
      return message;
    }
    if (message?.type === 'openLink') {
      const url = this.links.has(message.url) ? safeHttpUrl(message.url) : undefined;
      if (url) await this.actions.current.openExternal(url);
      else this.log.warn(`Refused to open a link the changes page does not show: ${describeValue(message.url)}`);
      return url ? message : undefined;
    }
    this.log.warn(`Ignored a message from the changes page: ${describeValue(raw)}`);
    return undefined;
  }

  private render(panel: vscode.WebviewPanel): void {
    const changes = this.updates.changes;
    if (!changes) return;
    const openable = new Set(this.store.catalog?.entries.map((e) => e.entry.id) ?? []);
    const html = renderChangesPage({ ...changes, openable }, pageAssets(panel.webview, this.extensionUri, 'panel.css'));
    this.links = pageLinks(html);
    panel.webview.html = html;
  }
}
