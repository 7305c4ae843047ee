import type * as vscode from 'vscode';
import type { CatalogEntry } from './core/catalog';
import type { Figure } from './core/model';
import type { InfraIndexEntry, InfraIndexFigure, OpenInfraIndexApi } from './openInfraIndexApi';
import type { IndexStore } from './indexStore';

/** What activate() gives other extensions: plain copies of the index in use, and a way to open an entry. */
export function createPublicApi(
  store: IndexStore,
  openEntry: (id: string, figure: number | undefined) => Thenable<vscode.WebviewPanel | undefined>,
  onDidChangeIndex: vscode.Event<void>,
): OpenInfraIndexApi {
  return {
    apiVersion: 1,
    entries: () => (store.catalog?.entries ?? []).map(publicEntry),
    onDidChangeIndex,
    openEntry: async (id, options) => {
      if (typeof id !== 'string' || !store.catalog?.get(id)) return false;
      const figure = Number.isInteger(options?.figure) ? options?.figure : undefined;
      return (await openEntry(id, figure)) !== undefined;
    },
  };
}

function publicEntry(item: CatalogEntry): InfraIndexEntry {
  return {
    id: item.entry.id,
    name: item.entry.name,
    kind: item.kind,
    repository: item.entry.repo,
    tagline: item.data?.tagline ?? (item.entry.description || undefined),
    figures: item.figures.map(publicFigure),
  };
}

function publicFigure(f: Figure): InfraIndexFigure {
  return {
    value: f.value,
    unit: f.unit,
    lowerBound: f.lowerBound === true,
    measure: f.measure,
    precision: f.precision,
    hardware: f.hardware,
    source: f.source && { url: f.source.url, date: f.source.date },
    status: f.status ?? 'current',
  };
}
