import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PageAssets } from '../core/page';

export function mediaUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
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
    nonce: randomBytes(16).toString('base64'),
  };
}
