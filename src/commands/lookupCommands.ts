import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { figurePickText } from '../core/lookups';
import { figureDoc, figureRefs, search, type FigureRef } from '../core/search';
import { COPY_LINK_BUTTON, OPEN_REPO_BUTTON, entryPickItem, type EntryCommands, type EntryPickItem } from './entryCommands';

interface FigurePickItem extends vscode.QuickPickItem {
  readonly ref: FigureRef;
}

/** Find Entry… and Find Figure…: the palette lookups. */
export class LookupCommands {
  constructor(private readonly entries: EntryCommands) {}

  /** A quick pick of every entry; Enter opens it, its buttons open or copy its repository. */
  async findEntry(): Promise<vscode.WebviewPanel | undefined> {
    const catalog = this.entries.catalog();
    if (!catalog) return undefined;
    const pick = vscode.window.createQuickPick<EntryPickItem>();
    pick.title = l10n.t('Find Entry');
    pick.placeholder = l10n.t('Search by name, kind, figure, benchmark or hardware (e.g. GraySort, FP8, H800)');
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = catalog.entries.map((e) => entryPickItem(e, true));
    const chosen = await new Promise<EntryPickItem | undefined>((resolve) => {
      pick.onDidTriggerItemButton(({ item, button }) => {
        if (button === OPEN_REPO_BUTTON) void this.entries.openRepository(item.id);
        else if (button === COPY_LINK_BUTTON) void this.entries.copyLink(item.id);
      });
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    return chosen && this.entries.openEntry(chosen.id);
  }

  /**
   * A quick pick of every figure (of one entry, given its id), ranked by the
   * core search as the user types; choosing one opens its entry at that figure.
   */
  async findFigure(entryId?: string): Promise<vscode.WebviewPanel | undefined> {
    const catalog = this.entries.catalog();
    if (!catalog) return undefined;
    // With an id, one entry's figures; resolve() reports an unknown id.
    const one = typeof entryId === 'string' ? await this.entries.resolve(entryId, '') : undefined;
    if (typeof entryId === 'string' && !one) return undefined;
    const scope = one ? [one] : catalog.entries;
    const docs = figureRefs(scope).map(figureDoc);
    const toItem = (ref: FigureRef): FigurePickItem => ({ ...figurePickText(ref.entry, ref.figure), ref, alwaysShow: true });
    const pick = vscode.window.createQuickPick<FigurePickItem>();
    pick.title = l10n.t('Find Figure');
    pick.placeholder = l10n.t('Search figures: a value, a unit, what is measured, a GPU (e.g. TFLOPS, GraySort, H800)');
    // The core search decides which figures match and their order; alwaysShow keeps
    // the quick pick's own label filter from hiding what it found in other fields.
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.items = docs.map((d) => toItem(d.item));
    const chosen = await new Promise<FigurePickItem | undefined>((resolve) => {
      pick.onDidChangeValue((value) => {
        pick.items = search(value, docs).map((h) => toItem(h.item));
      });
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    return chosen && this.entries.openEntry(chosen.ref.entry.entry.id, { highlightFigure: chosen.ref.index });
  }
}
