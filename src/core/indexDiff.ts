// What changed between two versions of the index: entries added and removed,
// and, for entries in both, figures whose value or unit changed, figures and
// links that came or went, and a description that was rewritten. Pure and
// linear in the size of both indexes: it backs Show Changes and the marks on
// new and changed entries in the tree.

import { allEntries, type Entry, type Figure, type InfraIndex, type Link } from './model';

export interface FigureChange {
  /** What the figure measures, for the reader: "memory-bound", "aggregate read throughput". */
  readonly what: string;
  /** Absent when the figure is new. */
  readonly before?: Figure;
  /** Absent when the figure was removed. */
  readonly after?: Figure;
}

export interface EntryChange {
  readonly before: Entry;
  readonly after: Entry;
  readonly figures: readonly FigureChange[];
  readonly linksAdded: readonly Link[];
  readonly linksRemoved: readonly Link[];
  /** Set when the description was rewritten. */
  readonly description?: { readonly before: string; readonly after: string };
}

export interface IndexDiff {
  readonly added: readonly Entry[];
  readonly removed: readonly Entry[];
  readonly changed: readonly EntryChange[];
}

export function isEmptyDiff(diff: IndexDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** The ids of the entries that are new or changed in `after`. */
export function touchedIds(diff: IndexDiff): string[] {
  return [...diff.added.map((e) => e.id), ...diff.changed.map((c) => c.after.id)];
}

export function diffIndexes(before: InfraIndex, after: InfraIndex): IndexDiff {
  const old = new Map(allEntries(before).map((e) => [e.id, e]));
  const added: Entry[] = [];
  const changed: EntryChange[] = [];
  for (const entry of allEntries(after)) {
    const previous = old.get(entry.id);
    if (!previous) {
      added.push(entry);
      continue;
    }
    old.delete(entry.id);
    const change = diffEntry(previous, entry);
    if (change) changed.push(change);
  }
  return { added, removed: [...old.values()], changed };
}

/** What changed in one entry between two versions; undefined when nothing on its page did. */
export function diffEntry(before: Entry, after: Entry): EntryChange | undefined {
  return diffEntryWith(before, after, before.description !== after.description);
}

/**
 * The same, where the caller knows whether the description was rewritten: against the record of what
 * upstream wrote (upstreamRecord.ts), a bundle worded differently is not a rewrite.
 */
export function diffEntryWith(before: Entry, after: Entry, rewritten: boolean): EntryChange | undefined {
  const figures = diffFigures(before.figures, after.figures);
  const oldUrls = new Set(before.links.map((l) => l.url));
  const newUrls = new Set(after.links.map((l) => l.url));
  const linksAdded = after.links.filter((l) => !oldUrls.has(l.url));
  const linksRemoved = before.links.filter((l) => !newUrls.has(l.url));
  const description = rewritten ? { before: before.description, after: after.description } : undefined;
  if (figures.length === 0 && linksAdded.length === 0 && linksRemoved.length === 0 && !description) return undefined;
  return { before, after, figures, linksAdded, linksRemoved, description };
}

/**
 * Figures are paired by what they measure (measure, precision, hardware, in
 * that order of occurrence), so that "580 → 660 TFLOPS compute-bound" reads
 * as one change rather than a removal and an addition.
 */
function diffFigures(before: readonly Figure[], after: readonly Figure[]): FigureChange[] {
  const waiting = new Map<string, Figure[]>();
  for (const f of before) {
    const key = figureKey(f);
    const list = waiting.get(key);
    if (list) list.push(f);
    else waiting.set(key, [f]);
  }
  const changes: FigureChange[] = [];
  for (const f of after) {
    const previous = waiting.get(figureKey(f))?.shift();
    if (!previous) changes.push({ what: describe(f), after: f });
    else if (previous.value !== f.value || previous.unit !== f.unit || previous.lowerBound !== f.lowerBound) {
      changes.push({ what: describe(f), before: previous, after: f });
    }
  }
  for (const list of waiting.values()) for (const f of list) changes.push({ what: describe(f), before: f });
  return changes;
}

function figureKey(f: Figure): string {
  // Without a measure, the unit says best which figure it is.
  return `${f.measure ?? f.unit}\u0000${f.precision ?? ''}\u0000${f.hardware ?? ''}`;
}

function describe(f: Figure): string {
  return f.measure ?? f.text;
}
