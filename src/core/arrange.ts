// How the tree arranges entries: grouped by period (as the index does), by
// kind, or not at all; sorted in the index's order, by name or by date; and
// narrowed to the entries a filter matched.

import { periodWhen } from './displayLocale';
import { kindName, type CatalogEntry } from './catalog';

export const GROUP_BY = ['period', 'kind', 'none'] as const;
export const SORT_BY = ['index', 'name', 'date'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export type SortBy = (typeof SORT_BY)[number];

export interface EntryGroup {
  /** Stable: "period:<id>" or "kind:<kind>"; "" for the single group of an ungrouped tree. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly kind: 'period' | 'kind' | 'none';
  readonly entries: readonly CatalogEntry[];
}

export interface ArrangeOptions {
  readonly groupBy: GroupBy;
  readonly sortBy: SortBy;
  /** Only these entries, when a filter is on. */
  readonly only?: ReadonlySet<string>;
}

function compare(sortBy: SortBy, order: Map<CatalogEntry, number>): (a: CatalogEntry, b: CatalogEntry) => number {
  const byIndex = (a: CatalogEntry, b: CatalogEntry) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  switch (sortBy) {
    case 'name':
      return (a, b) => a.entry.name.localeCompare(b.entry.name, 'en', { sensitivity: 'base', numeric: true }) || byIndex(a, b);
    case 'date':
      // Undated entries go last; the same date keeps the index's order.
      return (a, b) => (a.data?.released ?? '9999').localeCompare(b.data?.released ?? '9999') || byIndex(a, b);
    case 'index':
      return byIndex;
  }
}

export function arrangeEntries(entries: readonly CatalogEntry[], options: ArrangeOptions): EntryGroup[] {
  const order = new Map(entries.map((e, i) => [e, i]));
  const kept = options.only ? entries.filter((e) => options.only?.has(e.entry.id)) : [...entries];
  const sorted = kept.sort(compare(options.sortBy, order));
  if (options.groupBy === 'none') return sorted.length ? [{ id: '', label: '', kind: 'none', entries: sorted }] : [];
  const groups = new Map<string, { label: string; description?: string; entries: CatalogEntry[]; first: number }>();
  for (const e of sorted) {
    const [id, label, description] =
      options.groupBy === 'period'
        ? [`period:${e.period.id}`, e.period.title, periodWhen(e.period)]
        : [`kind:${e.kind}`, kindName(e.kind), undefined];
    let group = groups.get(id);
    if (!group) {
      group = { label, description, entries: [], first: order.get(e) ?? 0 };
      groups.set(id, group);
    }
    group.entries.push(e);
    group.first = Math.min(group.first, order.get(e) ?? 0);
  }
  // Groups appear in the order of their first entry in the index; kinds read best alphabetically.
  const list = [...groups.entries()].map(([id, g]) => ({ id, label: g.label, description: g.description, kind: options.groupBy, entries: g.entries, first: g.first }));
  list.sort((a, b) => (options.groupBy === 'kind' ? a.label.localeCompare(b.label) : a.first - b.first));
  return list.map(({ first: _first, ...g }) => g as EntryGroup);
}
