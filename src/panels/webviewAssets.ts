import * as vscode from 'vscode';
import type { PageAssets } from '../core/page';

export function mediaUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** The panel tab's icon, drawn for light and for dark themes (media/icons/<name>-light.svg, -dark.svg). */
export function tabIcon(extensionUri: vscode.Uri, name: 'entry' | 'compare'): { light: vscode.Uri; dark: vscode.Uri } {
  const icon = (theme: string) => vscode.Uri.joinPath(mediaUri(extensionUri), 'icons', `${name}-${theme}.svg`);
  return { light: icon('light'), dark: icon('dark') };
}

/** Scripts on, forms off, and nothing loadable but media/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableForms: false, localResourceRoots: [mediaUri(extensionUri)] };
}

/** The assets of one render: base.css then the page's stylesheet, panel.js, and a fresh nonce from a CSPRNG. */
export function pageAssets(webview: vscode.Webview, extensionUri: vscode.Uri, stylesheet: string): PageAssets {
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaUri(extensionUri), name)).toString();
  return {
    cspSource: webview.cspSource,
    styleUris: [asset('base.css'), asset(stylesheet)],
    scriptUri: asset('panel.js'),
    nonce: nonce(),
  };
}

/** 128 random bits from the platform's CSPRNG (Web Crypto: the same in the Node and web-worker hosts). */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
