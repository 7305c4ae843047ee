// What the bundled index was drawn from, kept as facts and digests rather than
// upstream's sentences: upstream's commit, a digest of its exact text, and per
// entry a digest of upstream's own wording with its figures and links. The
// bundle words every entry in the project's own words, so comparing it with
// upstream's text would call every description rewritten; comparing upstream
// with this record instead tells what upstream itself changed, and only that.
// Pure; the digests are SHA-256 through Web Crypto, which both extension hosts have.

import { diffEntryWith, type EntryChange, type IndexDiff } from './indexDiff';
import { allEntries, type Entry, type InfraIndex } from './model';
import type { CatalogData, CatalogEntry } from './catalog';

/** One entry as upstream wrote it. */
export interface RecordedEntry {
  /** SHA-256 (hex) of upstream's description and features, white space folded (see entryText). */
  readonly text: string;
  /** The entry's figures as facts: value and unit, with what they measure. */
  readonly figures: readonly RecordedFigure[];
  /** The URLs the entry links to. */
  readonly links: readonly string[];
}

export interface RecordedFigure {
  readonly value: number;
  readonly unit: string;
  readonly lowerBound?: boolean;
  readonly measure?: string;
  readonly precision?: string;
  readonly hardware?: string;
}

export interface UpstreamRecord {
  /** Where upstream's index was read: the repository, file, full commit and the commit's date. */
  readonly source: { readonly repo: string; readonly path: string; readonly commit: string; readonly date: string };
  /** SHA-256 (hex) of the file's text at that commit, as UTF-8. */
  readonly sha256: string;
  /** By entry id. */
  readonly entries: Readonly<Record<string, RecordedEntry>>;
}

/** SHA-256 of text as UTF-8, in lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The words of an entry that the bundle rewrites: its description and features, white space folded. */
export function entryText(entry: Entry): string {
  return [entry.description, ...entry.features].map((s) => s.replace(/\s+/g, ' ').trim()).join('\n');
}

/** The record of one entry. */
export async function recordEntry(entry: Entry): Promise<RecordedEntry> {
  return {
    text: await sha256Hex(entryText(entry)),
    figures: entry.figures.map((f) => ({
      value: f.value,
      unit: f.unit,
      ...(f.lowerBound ? { lowerBound: true } : {}),
      ...(f.measure !== undefined ? { measure: f.measure } : {}),
      ...(f.precision !== undefined ? { precision: f.precision } : {}),
      ...(f.hardware !== undefined ? { hardware: f.hardware } : {}),
    })),
    links: entry.links.map((l) => l.url),
  };
}

/** The record of upstream's index `text`, parsed as `index`, read at `source`. */
export async function recordUpstream(text: string, index: InfraIndex, source: UpstreamRecord['source']): Promise<UpstreamRecord> {
  const entries: Record<string, RecordedEntry> = {};
  for (const entry of allEntries(index)) entries[entry.id] = await recordEntry(entry);
  return { source, sha256: await sha256Hex(text), entries };
}

/** The digest of each entry's text in `index`, by id: what compareWithRecord and keepBundledWording need of upstream. */
export async function textDigests(index: InfraIndex): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const entry of allEntries(index)) digests.set(entry.id, await sha256Hex(entryText(entry)));
  return digests;
}

/** Whether upstream's entry `id` still has the text the record holds. */
function textUnchanged(record: UpstreamRecord, id: string, digests: ReadonlyMap<string, string>): boolean {
  return Object.hasOwn(record.entries, id) && record.entries[id].text === digests.get(id);
}

/**
 * What upstream changed since the record, with the bundle standing for the recorded version: entries that
 * upstream added or removed, and for the others their figures and links (facts the bundle keeps as upstream
 * states them) and their text, which counts as rewritten only where its digest differs from the record's.
 * `digests` is textDigests(upstream). `bases` are what relative links resolved against in each (the bundle's,
 * and that of the address upstream was fetched from): a relative link is the same link from any address.
 */
export function compareWithRecord(
  record: UpstreamRecord,
  bundled: InfraIndex,
  upstream: InfraIndex,
  digests: ReadonlyMap<string, string>,
  bases?: { readonly bundled: string; readonly upstream: string },
): IndexDiff {
  const rebase = (entry: Entry): Entry =>
    bases && bases.upstream !== bases.bundled
      ? { ...entry, links: entry.links.map((l) => (l.url.startsWith(bases.upstream) ? { ...l, url: bases.bundled + l.url.slice(bases.upstream.length) } : l)) }
      : entry;
  const bundledById = new Map(allEntries(bundled).map((e) => [e.id, e]));
  const seen = new Set<string>();
  const added: Entry[] = [];
  const changed: EntryChange[] = [];
  for (const entry of allEntries(upstream)) {
    seen.add(entry.id);
    const before = bundledById.get(entry.id);
    if (!Object.hasOwn(record.entries, entry.id) || !before) {
      added.push(entry);
      continue;
    }
    const change = diffEntryWith(before, rebase(entry), !textUnchanged(record, entry.id, digests));
    if (change) changed.push({ ...change, after: entry });
  }
  const removed = Object.keys(record.entries)
    .filter((id) => !seen.has(id))
    .map((id) => bundledById.get(id))
    .filter((e): e is Entry => e !== undefined);
  return { added, removed, changed };
}

/**
 * Upstream's catalog with the bundle's wording kept wherever upstream did not change it: an entry whose text
 * digest is the recorded one keeps the bundle's description and features (its figures and links are upstream's,
 * as facts). Entries upstream added or rewrote read as upstream wrote them.
 */
export function keepBundledWording(upstream: CatalogData, bundled: CatalogData, record: UpstreamRecord, digests: ReadonlyMap<string, string>): CatalogData {
  const bundledById = new Map(bundled.entries.map((e) => [e.entry.id, e.entry]));
  const reworded = new Map<string, Entry>();
  for (const { entry } of upstream.entries) {
    const mine = bundledById.get(entry.id);
    if (mine && textUnchanged(record, entry.id, digests)) reworded.set(entry.id, { ...entry, description: mine.description, features: mine.features });
  }
  if (reworded.size === 0) return upstream;
  const entryOf = (e: Entry): Entry => reworded.get(e.id) ?? e;
  const periods = upstream.index.periods.map((p) => ({ ...p, entries: p.entries.map(entryOf) }));
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const entries: CatalogEntry[] = upstream.entries.map((e) => ({ ...e, entry: entryOf(e.entry), period: periodById.get(e.period.id) ?? e.period }));
  return { ...upstream, index: { ...upstream.index, periods }, entries };
}
