import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';
import { CODE_SELECTOR, codeLanguageOf, type CodeIndex } from './codeIndex';
import { ImportHoverProvider } from './importHover';
import { ImportLinkProvider } from './importLinks';

/**
 * Registers the hover and link providers for Python, C, C++ and CUDA, and
 * only once a document in one of them is open: until then VS Code asks
 * nothing of this extension while the user edits.
 */
export class CodeFeatures extends Disposable {
  private registered = false;
  private waiting?: vscode.Disposable;

  constructor(
    private readonly code: CodeIndex,
    private readonly store: IndexStore,
  ) {
    super();
    if (vscode.workspace.textDocuments.some((d) => codeLanguageOf(d.languageId))) {
      this.register();
    } else {
      this.waiting = this._register(vscode.workspace.onDidOpenTextDocument((d) => codeLanguageOf(d.languageId) && this.register()));
    }
  }

  get isRegistered(): boolean {
    return this.registered;
  }

  private register(): void {
    if (this.registered) return;
    this.registered = true;
    this.waiting?.dispose();
    this._register(vscode.languages.registerHoverProvider(CODE_SELECTOR, new ImportHoverProvider(this.code, this.store)));
    this._register(vscode.languages.registerDocumentLinkProvider(CODE_SELECTOR, new ImportLinkProvider(this.code, this.store)));
  }
}
