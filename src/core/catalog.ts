// The catalog: the parsed index joined with the bundled per-entry data, as
// the tree, panels and lookups read it. It is built in the parse worker
// (catalogBuild.ts), off the extension host's thread, and arrives as plain
// data; withLookup() gives it back its lookup by id.

import * as l10n from '@vscode/l10n';
import type { DataFigure, EntryData, EntryKind } from './entryData';
import { safeHttpUrl } from './html';
import type { Entry, Figure, InfraIndex, Period, Problem } from './model';

export interface CatalogEntry {
  readonly entry: Entry;
  readonly period: Period;
  readonly data?: EntryData;
  readonly kind: EntryKind | 'entry';
  /** The index's own figures, then those from the component's repository. */
  readonly figures: readonly Figure[];
  /** A few figures in a line: "3000 GB/s · 580 TFLOPS". Empty when the entry has none. */
  readonly headline: string;
  /** The data's summary, rendered once when the catalog is built (escaped, no raw HTML). */
  readonly summaryHtml?: string;
  /** Its translations, rendered the same way, by locale. */
  readonly translatedSummaryHtml?: Readonly<Partial<Record<'zh-cn', string>>>;
}

export interface Catalog {
  readonly index: InfraIndex;
  readonly entries: readonly CatalogEntry[];
  readonly problems: readonly Problem[];
  get(id: string): CatalogEntry | undefined;
}

/**
 * A link to the file a figure is stated in: on GitHub, the file at its
 * commit; a source whose "repo" is a host path (arxiv.org/abs) links there.
 */
export function sourceUrl(source: Pick<DataFigure['source'], 'repo' | 'path' | 'commit'>): string {
  const [owner] = source.repo.split('/');
  if (owner.includes('.')) return `https://${source.repo}/${source.path}`;
  return `https://github.com/${source.repo}/blob/${source.commit ?? 'HEAD'}/${source.path}`;
}

/** A commit of a GitHub repository ("owner/name"), on GitHub. */
export function commitUrl(repo: string, commit: string): string {
  return `https://github.com/${repo}/commit/${commit}`;
}

/** "kernel-library" → "kernel library" */
export function kindName(kind: CatalogEntry['kind']): string {
  switch (kind) {
    case 'kernel-library':
      return l10n.t('kernel library');
    case 'communication-library':
      return l10n.t('communication library');
    case 'parallelism-algorithm':
      return l10n.t('parallelism algorithm');
    case 'load-balancer':
      return l10n.t('load balancer');
    case 'profiling-data':
      return l10n.t('profiling data');
    case 'file-system':
      return l10n.t('file system');
    case 'data-framework':
      return l10n.t('data framework');
    case 'system-overview':
      return l10n.t('system overview');
    case 'post':
      return l10n.t('post');
    case 'paper':
      return l10n.t('paper');
    default:
      return l10n.t('entry');
  }
}

/** Whether a period's heading or title names papers ("2024 AI Infrastructure Paper (SC24)"). */
export function isPaperPeriod(heading: string): boolean {
  return /paper/i.test(heading);
}

/** "Day 5", or the period's title for entries outside the week. */
export function shortPlace(e: CatalogEntry): string {
  return e.entry.day !== undefined ? l10n.t('Day {0}', e.entry.day) : e.period.title;
}

/** Related entries that exist in this catalog. */
export function relatedEntries(catalog: Catalog, entry: CatalogEntry): CatalogEntry[] {
  return (entry.data?.related ?? []).map((id) => catalog.get(id)).filter((e): e is CatalogEntry => !!e);
}

/** The link that stands for an entry: its repository, else its first http(s) link (a paper). */
export function entryLink(e: CatalogEntry): string | undefined {
  return safeHttpUrl(e.entry.repo) ?? e.entry.links.map((l) => safeHttpUrl(l.url)).find(Boolean);
}

/** A catalog as it crosses from the worker: everything but the lookup. */
export type CatalogData = Omit<Catalog, 'get'>;

/** The catalog with its lookup by id (a Map: an id such as "constructor" finds nothing inherited). */
export function withLookup(data: CatalogData): Catalog {
  const byId = new Map(data.entries.map((e) => [e.entry.id, e]));
  return { index: data.index, entries: data.entries, problems: data.problems, get: (id) => byId.get(id) };
}
