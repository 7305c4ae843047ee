// The Node extension host's entry point (package.json `main`), a few hundred
// bytes. VS Code reports an extension's activation as the time to load its
// code and run activate() up to its first await, and the extension host's
// thread does nothing else meanwhile. So activate() here loads nothing: the
// extension proper (dist/extension.js, the bundle the web worker host runs
// directly as `browser`) is loaded in the host's next task, and activation
// resolves, with the same API, once it has run. Commands, views and restored
// panels wait for that, as VS Code waits for any activation to resolve.
import type * as vscode from 'vscode';
import type * as Extension from './extension';

type ExtensionModule = typeof Extension;

let loaded: ExtensionModule | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Extension.ActivationResult> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on purpose after activate() returns
  loaded = require('./extension.js') as ExtensionModule;
  return loaded.activate(context);
}

export function deactivate(): void {
  loaded?.deactivate();
}
