// Open Index Source: the markdown of the index in use, in an editor. The
// user's own index file opens as itself; the bundled index and the upstream
// copy open as read-only documents of this provider, since editing them would
// change nothing.
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';

export const SOURCE_SCHEME = 'infra-index-source';

export class IndexSourceDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;
  private shown: vscode.Uri | undefined;

  constructor(private readonly store: IndexStore) {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, this));
    this._register(store.onDidChange(() => this.shown && this.changed.fire(this.shown)));
  }

  provideTextDocumentContent(): string {
    return this.store.markdown;
  }

  /** Opens the markdown in use; resolves to the editor that shows it. */
  async open(): Promise<vscode.TextEditor> {
    const origin = this.store.origin;
    if (origin.kind === 'file') return vscode.window.showTextDocument(origin.uri, { preview: false });
    const name = origin.kind === 'bundled' ? 'bundled/open-infra-index.md' : 'upstream/README.md';
    this.shown = vscode.Uri.from({ scheme: SOURCE_SCHEME, path: `/${name}` });
    const document = await vscode.workspace.openTextDocument(this.shown);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    return vscode.window.showTextDocument(document, { preview: false });
  }
}
