import * as vscode from 'vscode';
import type { PageAssets } from '../core/page';
import { liveRegistrations } from '../dispose';

/** Where a page may load from: the styles in media/ and the bundled page script. */
function resourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')];
}

/** The panel tab's icon, drawn for light and for dark themes (media/icons/<name>-light.svg, -dark.svg). */
function tabIcon(extensionUri: vscode.Uri, name: 'entry' | 'compare'): { light: vscode.Uri; dark: vscode.Uri } {
  const icon = (theme: string) => vscode.Uri.joinPath(extensionUri, 'media', 'icons', `${name}-${theme}.svg`);
  return { light: icon('light'), dark: icon('dark') };
}

export interface PanelHandlers {
  /** Each message the page posts (untrusted). */
  receive(raw: unknown): unknown;
  /** When the panel becomes the active editor. */
  onActive?(): void;
  /** When the panel has closed. */
  onClose(): void;
}

/**
 * Makes a new or restored panel one of ours: scripts on, forms off, nothing
 * loadable but our own files, our tab icon, and its events delivered to the
 * handlers until it closes; then every subscription is let go.
 */
export function adoptPanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, icon: 'entry' | 'compare', handlers: PanelHandlers): void {
  panel.webview.options = { enableScripts: true, enableForms: false, localResourceRoots: resourceRoots(extensionUri) };
  panel.iconPath = tabIcon(extensionUri, icon);
  const subscriptions = [
    panel.webview.onDidReceiveMessage((raw: unknown) => handlers.receive(raw)),
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) handlers.onActive?.();
    }),
  ];
  subscriptions.push(
    panel.onDidDispose(() => {
      liveRegistrations.count -= subscriptions.length;
      vscode.Disposable.from(...subscriptions).dispose();
      handlers.onClose();
    }),
  );
  liveRegistrations.count += subscriptions.length;
}

/** The assets of one render: base.css then the page's stylesheet, the page script, and a fresh nonce from a CSPRNG. */
export function pageAssets(webview: vscode.Webview, extensionUri: vscode.Uri, stylesheet: string): PageAssets {
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  return {
    cspSource: webview.cspSource,
    styleUris: [asset('media', 'base.css'), asset('media', stylesheet)],
    scriptUri: asset('dist', 'webview', 'page.js'),
    nonce: nonce(),
  };
}

/** 128 random bits from the platform's CSPRNG (Web Crypto: the same in the Node and web-worker hosts). */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
