import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { IndexStore } from '../indexStore';
import type { CodeIndex } from './codeIndex';
import { openEntryCommandUri } from './importHover';

/** The module names in imports link to their entry's panel. */
export class ImportLinkProvider implements vscode.DocumentLinkProvider {
  constructor(
    private readonly code: CodeIndex,
    private readonly store: IndexStore,
  ) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    for (const use of this.code.usesIn(document)) {
      const item = this.store.catalog?.get(use.entryId);
      if (!item) continue;
      const link = new vscode.DocumentLink(new vscode.Range(use.line, use.start, use.line, use.end), openEntryCommandUri(use.entryId));
      link.tooltip = l10n.t('Open {0} in Open Infra Index', item.entry.name);
      links.push(link);
    }
    return links;
  }
}
