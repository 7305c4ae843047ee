import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { compareUpdateText } from '../core/announcements';
import type { Catalog } from '../core/catalog';
import { compareGroups } from '../core/compare';
import { renderComparePage } from '../core/compareHtml';
import type { WebviewMessage } from '../core/messages';
import { roofline } from '../core/roofline';
import type { IndexStore } from '../indexStore';
import { SinglePagePanel } from './singlePagePanel';
import { pageAssets } from './webviewAssets';

export const COMPARE_VIEW_TYPE = 'infraIndex.compare';

/** Opens an entry at a figure; the entry commands do it. */
export type OpenEntryAt = (id: string, figure: number | undefined) => Thenable<unknown>;

/** The single Compare Figures panel; it comes back after a window reload. */
export class ComparePanel extends SinglePagePanel implements vscode.WebviewPanelSerializer {
  constructor(
    extensionUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly openEntry: OpenEntryAt,
    actions: ActionsRef,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, { viewType: COMPARE_VIEW_TYPE, title: l10n.t('Compare Figures'), name: 'the comparison' }, actions, log);
    this._register(
      store.onDidChange((catalog) => {
        // A check that found nothing new leaves the same catalog: the page stays as the reader left it.
        if (catalog !== this.drawn) this.rerender(true);
      }),
    );
  }

  /** The catalog the open page was drawn from. */
  private drawn: Catalog | undefined;

  show(): vscode.WebviewPanel {
    return this.reveal();
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    await this.store.ready();
    this.adopt(panel);
  }

  protected html(webview: vscode.Webview, redrawn: boolean): string | undefined {
    const catalog = this.store.catalog;
    this.drawn = catalog;
    if (!catalog) return undefined;
    const groups = compareGroups(catalog);
    return renderComparePage(groups, pageAssets(webview, this.extensionUri, 'compare.css'), { roofline: roofline(catalog), announce: redrawn ? compareUpdateText(groups) : undefined });
  }

  protected async handle(message: WebviewMessage): Promise<boolean> {
    if (message.type !== 'openEntry') return false;
    if (this.store.catalog?.get(message.id)) await this.openEntry(message.id, message.figure);
    return true;
  }
}
