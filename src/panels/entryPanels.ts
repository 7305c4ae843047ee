import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CatalogEntry } from '../core/catalog';
import { renderEntryPage } from '../core/panelHtml';
import type { IndexStore } from '../indexStore';

export const ENTRY_VIEW_TYPE = 'infraIndex.entry';

/** One webview panel per entry, revealed when it is already open. */
export class EntryPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: IndexStore,
  ) {
    this.disposables.push(store.onDidChange(() => this.rerenderAll()));
  }

  /** Ids of the entries whose panels are open. */
  get openIds(): string[] {
    return [...this.panels.keys()];
  }

  show(item: CatalogEntry): vscode.WebviewPanel {
    const existing = this.panels.get(item.entry.id);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      ENTRY_VIEW_TYPE,
      item.entry.name,
      vscode.ViewColumn.Active,
      { enableScripts: true, enableForms: false, localResourceRoots: [media], retainContextWhenHidden: false },
    );
    panel.iconPath = vscode.Uri.joinPath(media, 'infra-index.svg');
    this.panels.set(item.entry.id, panel);
    panel.onDidDispose(() => this.panels.delete(item.entry.id), undefined, this.disposables);
    this.render(panel, item);
    return panel;
  }

  private render(panel: vscode.WebviewPanel, item: CatalogEntry): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const webview = panel.webview;
    panel.title = item.entry.name;
    webview.html = renderEntryPage(item, {
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.js')).toString(),
      nonce: randomBytes(16).toString('base64'),
    });
  }

  private rerenderAll(): void {
    for (const [id, panel] of this.panels) {
      const item = this.store.catalog?.get(id);
      if (item) this.render(panel, item);
    }
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
