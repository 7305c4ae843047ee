// Builds the catalog: the parsed index joined with the per-entry data, the
// data checked against its schema first, each entry's summary rendered to
// HTML once. This is the heavy half (marked, the parser, the validator); it
// runs in the parse worker, and the extension host receives the result.

import * as l10n from '@vscode/l10n';
import { commitUrl, isPaperPeriod, sourceUrl, withLookup, type Catalog, type CatalogEntry } from './catalog';
import { withoutUndefined } from './defined';
import { describeError } from './describe';
import type { DataFigure, EntryData, EntryDataFile } from './entryData';
import { checkEntryData } from './entryDataCheck';
import { statedLabel } from './figureText';
import { headlineFigures, headlineText } from './headlines';
import { renderMarkdown } from './markdown';
import type { Entry, Figure, ParseResult, Problem } from './model';
import { BUNDLED_INDEX_SOURCE, type IndexSource } from './indexSource';

export function fromDataFigure(f: DataFigure): Figure {
  return withoutUndefined<Figure>({
    value: f.value,
    unit: f.unit,
    lowerBound: f.lowerBound,
    qualifier: f.qualifier || undefined,
    precision: f.precision,
    measure: f.metric,
    hardware: f.hardware,
    scale: f.scale,
    nodes: f.nodes,
    conditions: f.conditions,
    scope: f.scope,
    class: f.class,
    series: f.series,
    intensity: f.intensity && { value: f.intensity.value, basis: f.intensity.basis },
    status: f.status,
    removed: f.removed && { ...f.removed, url: commitUrl(f.source.repo, f.removed.commit) },
    text: `${f.metric}: ${statedLabel(f)}`,
    source: { repo: f.source.repo, path: f.source.path, commit: f.source.commit, date: f.source.date, url: sourceUrl(f.source) },
  });
}

export interface CatalogOptions {
  /** What the index's own figures cite: the bundled snapshot's commit unless said otherwise. */
  readonly indexSource?: IndexSource;
  /**
   * An index from elsewhere (upstream, the user's file): the bundled entry data
   * may name entries it lacks, which is no problem of that index.
   */
  readonly foreign?: boolean;
}

/**
 * The entry's figures: the index's own (sourced to the index, dated by the
 * entry's release), then the repository's; each pair where the repository
 * reports a newer value is linked both ways.
 */
function entryFigures(entry: Entry, data: EntryData | undefined, indexSource: IndexSource): Figure[] {
  const source = { repo: indexSource.repo, path: indexSource.path, commit: indexSource.commit, date: data?.released, url: indexSource.url ?? sourceUrl(indexSource) };
  const fromIndex: Figure[] = entry.figures.map((f) => ({ ...f, origin: 'index', source: f.source ?? source }));
  const fromRepo: Figure[] = (data?.figures ?? []).map((f) => ({ ...fromDataFigure(f), origin: 'repository' }));
  (data?.figures ?? []).forEach((df, i) => {
    if (!df.supersedes) return;
    const old = fromIndex.findIndex((f) => f.value === df.supersedes?.value && f.unit === df.supersedes.unit && !f.newer);
    if (old === -1) return;
    fromIndex[old] = withoutUndefined<Figure>({ ...fromIndex[old], status: 'superseded', newer: fromRepo[i], series: df.series });
    fromRepo[i] = { ...fromRepo[i], replaces: fromIndex[old] };
  });
  return [...fromIndex, ...fromRepo];
}

export function buildCatalog(parsed: ParseResult, dataFile: EntryDataFile | undefined, options: CatalogOptions = {}): Catalog {
  const indexSource = options.indexSource ?? BUNDLED_INDEX_SOURCE;
  const problems: Problem[] = [...parsed.problems];
  // A Map, so that an id such as "constructor" can never find an inherited member.
  const data = new Map(Object.entries(dataFile?.entries ?? {}));
  const entries: CatalogEntry[] = [];
  for (const period of parsed.index.periods) {
    for (const entry of period.entries) {
      const d = data.get(entry.id);
      const figures = entryFigures(entry, d, indexSource);
      entries.push({
        entry,
        period,
        data: d,
        kind: d?.kind ?? (isPaperPeriod(period.heading) ? 'paper' : 'entry'),
        figures,
        headline: headlineText(headlineFigures(figures, d)),
        summaryHtml: d?.summary ? renderMarkdown(d.summary) : undefined,
        translatedSummaryHtml: d?.translations?.['zh-cn'] ? { 'zh-cn': renderMarkdown(d.translations['zh-cn'].summary) } : undefined,
      });
    }
  }
  const catalog = withLookup({ index: parsed.index, entries, problems });
  for (const id of options.foreign ? [] : data.keys()) {
    if (!catalog.get(id)) problems.push({ line: 0, message: l10n.t('The entry data names "{0}", which is not in the index.', id) });
  }
  return catalog;
}

/**
 * Builds a catalog from the two bundled files' text. Never throws: data that
 * is not valid JSON, or that breaks the schema, is reported and what is
 * invalid is left out (see entryDataCheck.ts).
 */
export function catalogFromSources(markdown: string, dataJson: string | undefined, parse: (md: string) => ParseResult, options: CatalogOptions = {}): Catalog {
  let dataFile: EntryDataFile | undefined;
  const extra: Problem[] = [];
  if (dataJson !== undefined) {
    try {
      const checked = checkEntryData(JSON.parse(dataJson));
      dataFile = checked.data;
      extra.push(...checked.problems);
    } catch (err) {
      extra.push({ line: 0, message: l10n.t('The entry data file is not valid JSON: {0}', describeError(err)) });
    }
  }
  const catalog = safeBuild(markdown, dataFile, parse, extra, options);
  return extra.length === 0 ? catalog : { ...catalog, problems: [...extra, ...catalog.problems] };
}

/** The catalog, or, should building it with the data fail after all, without the data; or else an empty one. */
function safeBuild(markdown: string, dataFile: EntryDataFile | undefined, parse: (md: string) => ParseResult, problems: Problem[], options: CatalogOptions): Catalog {
  try {
    return buildCatalog(parse(markdown), dataFile, options);
  } catch (err) {
    problems.push({
      line: 0,
      message: dataFile
        ? l10n.t('The catalog could not be built with the entry data, which is left out: {0}', describeError(err))
        : l10n.t('The catalog could not be built: {0}', describeError(err)),
    });
  }
  if (dataFile) {
    try {
      return buildCatalog(parse(markdown), undefined, options);
    } catch (err) {
      problems.push({ line: 0, message: l10n.t('The index could not be read: {0}', describeError(err)) });
    }
  }
  return withLookup({ index: { title: '', periods: [] }, entries: [], problems: [] });
}

