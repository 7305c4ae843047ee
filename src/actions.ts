import * as vscode from 'vscode';

/** What opens links, copies and clones: swapped for a recorder in tests. */
export interface Actions {
  openExternal(url: string): Thenable<unknown>;
  copy(text: string, what: string): Thenable<unknown>;
  clone(url: string): Thenable<unknown>;
  /** Whether clone can work here: not in vscode.dev or github.dev, which have no Git extension. */
  canClone(): boolean;
}

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
};

/** A shared, replaceable reference to the actions in use. */
export interface ActionsRef {
  current: Actions;
}
