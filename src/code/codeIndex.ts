import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog';
import { codeNamesOf, type CodeNames } from '../core/codeNames';
import { scanImports, type CodeUse } from '../core/importScan';
import type { CodeLanguage } from '../core/model';
import { Disposable } from '../dispose';
import type { IndexStore } from '../indexStore';

/** The editor languages whose imports are read, and how. */
export const CODE_LANGUAGES: Readonly<Record<string, CodeLanguage>> = { python: 'python', cpp: 'cpp', c: 'cpp', 'cuda-cpp': 'cpp' };
export const CODE_SELECTOR: vscode.DocumentSelector = Object.keys(CODE_LANGUAGES).map((language) => ({ language }));

/** The import reading of a language id, or undefined for any other language. */
export function codeLanguageOf(languageId: string): CodeLanguage | undefined {
  return Object.prototype.hasOwnProperty.call(CODE_LANGUAGES, languageId) ? CODE_LANGUAGES[languageId] : undefined;
}

/**
 * The index's code names, and each open document's imports of them, read once
 * per version of the document: a hover or a link request on a file that
 * imports none of them is a lookup in this cache.
 */
export class CodeIndex extends Disposable {
  private built?: { catalog: Catalog; names: CodeNames };
  private readonly documents = new Map<string, { version: number; names: CodeNames; uses: readonly CodeUse[] }>();

  constructor(private readonly store: IndexStore) {
    super();
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.documents.delete(d.uri.toString())));
  }

  /** The code names of the index in use; undefined before it is loaded. */
  names(): CodeNames | undefined {
    const catalog = this.store.catalog;
    if (!catalog) return undefined;
    if (this.built?.catalog !== catalog) this.built = { catalog, names: codeNamesOf(catalog) };
    return this.built.names;
  }

  /** The imports of mapped modules in the document, as of its current version. */
  usesIn(document: vscode.TextDocument): readonly CodeUse[] {
    const language = codeLanguageOf(document.languageId);
    const names = this.names();
    if (!language || !names || names.size === 0) return [];
    const key = document.uri.toString();
    const cached = this.documents.get(key);
    if (cached && cached.version === document.version && cached.names === names) return cached.uses;
    const text = document.getText();
    const uses = names.mightUse(text) ? scanImports(text, language, names) : [];
    this.documents.set(key, { version: document.version, names, uses });
    return uses;
  }
}
