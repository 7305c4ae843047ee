import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { ActionsRef } from '../actions';
import { renderChangesPage } from '../core/changesHtml';
import type { WebviewMessage } from '../core/messages';
import type { IndexStore } from '../indexStore';
import type { Updates } from '../upstream/updates';
import type { OpenEntryAt } from './comparePanel';
import { SinglePagePanel } from './singlePagePanel';
import { pageAssets } from './webviewAssets';

export const CHANGES_VIEW_TYPE = 'infraIndex.changes';

/** The single Show Changes panel: what the last check found, or what the last update changed. */
export class ChangesPanel extends SinglePagePanel {
  constructor(
    extensionUri: vscode.Uri,
    private readonly store: IndexStore,
    private readonly updates: Updates,
    private readonly openEntry: OpenEntryAt,
    actions: ActionsRef,
    log: vscode.LogOutputChannel,
  ) {
    super(extensionUri, { viewType: CHANGES_VIEW_TYPE, title: l10n.t('Index Changes'), name: 'the changes page' }, actions, log);
    this._register(updates.onDidChangeChanges(() => this.rerender()));
    this._register(store.onDidChange(() => this.rerender()));
  }

  /** Opens the page, or says there is nothing to show yet. */
  show(): vscode.WebviewPanel | undefined {
    if (this.updates.changes) return this.reveal();
    void this.actions.current.notify('info', l10n.t('No changes to show yet: Check for Updates compares the index in use with upstream.'), []);
    return undefined;
  }

  protected html(webview: vscode.Webview): string | undefined {
    const changes = this.updates.changes;
    if (!changes) return undefined;
    const openable = new Set(this.store.catalog?.entries.map((e) => e.entry.id) ?? []);
    return renderChangesPage({ ...changes, openable }, pageAssets(webview, this.extensionUri, 'panel.css'));
  }

  protected async handle(message: WebviewMessage): Promise<boolean> {
    if (message.type === 'openEntry') {
      if (this.store.catalog?.get(message.id)) await this.openEntry(message.id, undefined);
      return true;
    }
    if (message.type === 'useUpstreamIndex') {
      await this.updates.usePending();
      return true;
    }
    return false;
  }
}
