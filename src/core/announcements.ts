// What a screen reader is told when something changes what is shown: an
// open page drawn again with a newer index (through the page's live region,
// see page.ts and pageScript.ts), and the tree filtered or marked after an
// update (through the view's message). In the display language; pure.

import * as l10n from '@vscode/l10n';
import type { CatalogEntry } from './catalog';
import type { CompareGroup } from './compare';
import { figureLabel } from './figureText';
import { diffEntry } from './indexDiff';

/** How many figure changes an announcement spells out before it counts the rest. */
const SPELLED_OUT = 3;

/**
 * What an entry's page says when a new index redraws it: "FlashMLA was
 * updated by the new index: BF16 580 → 660 TFLOPS; 1 link added.", or that
 * nothing on it changed, so that a reader whose place on the page was reset
 * knows why.
 */
export function entryUpdateText(before: CatalogEntry, after: CatalogEntry): string {
  const change = diffEntry(before.entry, after.entry);
  const name = after.entry.name;
  if (!change) return l10n.t('{0} was drawn again with the new index; nothing on this page changed.', name);
  const parts: string[] = [];
  const figures = change.figures;
  for (const f of figures.slice(0, SPELLED_OUT)) {
    if (f.before && f.after) parts.push(l10n.t('{0}: {1} → {2}', f.what, figureLabel(f.before), figureLabel(f.after)));
    else if (f.after) parts.push(l10n.t('new figure {0}', figureLabel(f.after)));
    else if (f.before) parts.push(l10n.t('figure {0} removed', figureLabel(f.before)));
  }
  if (figures.length > SPELLED_OUT) parts.push(l10n.t('{0} more figure changes', figures.length - SPELLED_OUT));
  if (change.linksAdded.length) parts.push(l10n.t('links added: {0}', change.linksAdded.length));
  if (change.linksRemoved.length) parts.push(l10n.t('links removed: {0}', change.linksRemoved.length));
  if (change.description) parts.push(l10n.t('description rewritten'));
  return l10n.t('{0} was updated by the new index: {1}.', name, parts.join('; '));
}

/** What an entry's page says when the places the workspace imports it change. */
export function usesUpdateText(name: string, count: number): string {
  return count === 0 ? l10n.t('The workspace no longer imports {0}.', name) : l10n.t('The workspace imports {0} in {1} places now.', name, count);
}

/** What Compare Figures says when a new index redraws it. */
export function compareUpdateText(groups: readonly CompareGroup[]): string {
  const bars = groups.reduce((n, g) => n + g.bars.length, 0);
  return l10n.t('Compare Figures was drawn again with the new index: {0} charts, {1} figures.', groups.length, bars);
}

/** The tree's message while a filter is on. */
export function filterMessage(query: string, shown: number, total: number): string {
  return shown === 0 ? l10n.t('No entries match "{0}". Clear the filter to see all {1}.', query, total) : l10n.t('Filtered by "{0}": {1} of {2} entries.', query, shown, total);
}

/** The tree's message after an update, while entries it added or changed are still unopened; undefined when none is. */
export function marksMessage(added: number, changed: number): string | undefined {
  if (added === 0 && changed === 0) return undefined;
  return l10n.t('Since the last update: {0} new and {1} changed entries, marked ● New and ● Changed until opened.', added, changed);
}
