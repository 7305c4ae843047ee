import * as vscode from 'vscode';

export type Severity = 'error' | 'warning' | 'info';

/** The extension's effects on the world outside it: swapped for a recorder in tests. */
export interface Actions {
  openExternal(url: string): Thenable<unknown>;
  copy(text: string, what: string): Thenable<unknown>;
  clone(url: string): Thenable<unknown>;
  /** Whether clone can work here: not in vscode.dev or github.dev, which have no Git extension. */
  canClone(): boolean;
  /** Shows a notification; resolves to the choice clicked. */
  notify(severity: Severity, message: string, choices: readonly string[]): Thenable<string | undefined>;
}

const SHOW = {
  error: vscode.window.showErrorMessage,
  warning: vscode.window.showWarningMessage,
  info: vscode.window.showInformationMessage,
} as const;

export const vscodeActions: Actions = {
  openExternal: (url) => vscode.env.openExternal(vscode.Uri.parse(url, true)),
  copy: async (text, what) => {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(check) Copied ${what}`, 2500);
  },
  clone: (url) => vscode.commands.executeCommand('git.clone', url),
  // An extension host sees only its own extensions: in the web-worker host Git is never
  // there, so clone is hidden rather than offered and broken.
  canClone: () => vscode.extensions.getExtension('vscode.git') !== undefined,
  notify: (severity, message, choices) => SHOW[severity](`Open Infra Index: ${message}`, ...choices),
};

/** A shared, replaceable reference to the actions in use. */
export interface ActionsRef {
  current: Actions;
}
