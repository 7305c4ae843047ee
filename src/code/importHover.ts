import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { CatalogEntry } from '../core/catalog';
import { kindName } from '../core/catalog';
import { taglineOf } from '../core/displayLocale';
import { sourceLabel, statedLabel } from '../core/figureText';
import { headlineFigures } from '../core/headlines';
import { safeHttpUrl } from '../core/html';
import { useAt, useOfName, type CodeUse } from '../core/importScan';
import { COMMAND } from '../commandIds';
import type { IndexStore } from '../indexStore';
import type { CodeIndex } from './codeIndex';

/** How many figures a hover card lists. */
const CARD_FIGURES = 3;

/**
 * Hovers on an import of one of the index's libraries, or on a name bound by
 * such an import, show the entry's card: name, tagline, headline figures with
 * their sources, and links to its panel and repository.
 */
export class ImportHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly code: CodeIndex,
    private readonly store: IndexStore,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const uses = this.code.usesIn(document);
    if (uses.length === 0) return undefined;
    const at = useAt(uses, position.line, position.character);
    let use: CodeUse | undefined = at;
    let range: vscode.Range | undefined = at && new vscode.Range(at.line, at.start, at.line, at.end);
    if (!use) {
      const word = document.getWordRangeAtPosition(position, /[A-Za-z_][A-Za-z0-9_]*/);
      if (!word) return undefined;
      use = useOfName(uses, document.getText(word));
      range = word;
    }
    const item = use && this.store.catalog?.get(use.entryId);
    return item && use ? new vscode.Hover(entryCard(item, use), range) : undefined;
  }
}

/** A link target in markdown: parentheses and spaces would end it early. */
function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
}

/** The command link that opens an entry's panel; openEntry checks the id it is given. */
export function openEntryCommandUri(entryId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMAND.openEntry}?${encodeURIComponent(JSON.stringify([entryId]))}`);
}

/** The hover card of an entry: every text from the index goes in as text, never as markdown. */
export function entryCard(item: CatalogEntry, use: Pick<CodeUse, 'written'>): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [COMMAND.openEntry] };
  md.appendMarkdown('**').appendText(item.entry.name).appendMarkdown('**');
  md.appendMarkdown(' — ').appendText(kindName(item.kind)).appendMarkdown('  \n');
  md.appendMarkdown('_').appendText(l10n.t('{0} is part of {1} in the Open Infra Index', use.written, item.entry.name)).appendMarkdown('_\n\n');
  const tagline = taglineOf(item);
  if (tagline) md.appendText(tagline).appendMarkdown('\n\n');
  for (const f of headlineFigures(item.figures, item.data).slice(0, CARD_FIGURES)) {
    md.appendMarkdown('- ').appendText(`${statedLabel(f)}${f.measure ? ` — ${f.measure}` : ''}${f.hardware ? `, ${f.hardware}` : ''}`);
    const s = f.source;
    const url = safeHttpUrl(s?.url);
    if (s && url) md.appendMarkdown(' (').appendMarkdown('[').appendText(sourceLabel(s)).appendMarkdown(`](${markdownUrl(url)})`).appendText(s.date ? `, ${s.date}` : '').appendMarkdown(')');
    md.appendMarkdown('\n');
  }
  md.appendMarkdown('\n');
  md.appendMarkdown(`[$(book) ${escapeLinkText(l10n.t('Open {0} in Infra Index', item.entry.name))}](${openEntryCommandUri(item.entry.id).toString()})`);
  const repo = safeHttpUrl(item.entry.repo);
  if (repo) md.appendMarkdown(` · [$(github) ${escapeLinkText(l10n.t('Repository'))}](${markdownUrl(repo)})`);
  return md;
}

/** Text inside a link's brackets: what markdown would read as syntax is escaped. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
