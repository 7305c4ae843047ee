import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { GROUP_BY, SORT_BY } from '../core/arrange';
import type { Settings } from '../settings';
import type { EntriesView } from '../tree/entriesView';

/** The choices' labels, in the display language. */
const GROUP_LABELS = (): Readonly<Record<(typeof GROUP_BY)[number], string>> => ({
  period: l10n.t('Period (as the index groups them)'),
  kind: l10n.t('Kind'),
  none: l10n.t('None'),
});
const SORT_LABELS = (): Readonly<Record<(typeof SORT_BY)[number], string>> => ({
  index: l10n.t("The index's order"),
  name: l10n.t('Name'),
  date: l10n.t('Release date'),
});

/** Filter, group and sort the sidebar tree. */
export class TreeCommands {
  constructor(
    private readonly view: EntriesView,
    private readonly settings: Settings,
  ) {}

  /** Sets the tree filter; with a string argument, without asking. An empty filter clears it. */
  async filter(query?: string): Promise<void> {
    const value =
      typeof query === 'string'
        ? query
        : await vscode.window.showInputBox({
            title: l10n.t('Filter the Open Infra Index tree'),
            prompt: l10n.t('Matches names, summaries, features and figures. Leave empty to clear the filter.'),
            placeHolder: l10n.t('e.g. FP8, GraySort, H800, file system'),
            value: this.view.filter,
          });
    if (value === undefined) return;
    await this.view.setFilter(value);
  }

  async clearFilter(): Promise<void> {
    await this.view.setFilter('');
  }

  async groupBy(value?: string): Promise<void> {
    const chosen = value ?? (await this.pick(l10n.t('Group the tree by'), GROUP_LABELS(), this.settings.groupBy()));
    if (chosen && (GROUP_BY as readonly string[]).includes(chosen)) await this.settings.update('tree.groupBy', chosen);
  }

  async sortBy(value?: string): Promise<void> {
    const chosen = value ?? (await this.pick(l10n.t('Sort the entries by'), SORT_LABELS(), this.settings.sortBy()));
    if (chosen && (SORT_BY as readonly string[]).includes(chosen)) await this.settings.update('tree.sortBy', chosen);
  }

  private async pick(title: string, labels: Readonly<Record<string, string>>, current: string): Promise<string | undefined> {
    const items = Object.entries(labels).map(([value, label]) => ({
      label,
      value,
      description: value === current ? 'current' : undefined,
      picked: value === current,
    }));
    return (await vscode.window.showQuickPick(items, { title }))?.value;
  }
}
