// How the language-model tools' results read (issue 15): compact text, one
// line per figure or entry, each figure with its source, commit and date and
// what supersedes it; the nearest matches for what is not in the index; and a
// size budget the results keep to, saying how many were left out.
//
// The text is for the model, so it is in English whatever the display
// language: the same call gives the same text, the words the index and the
// repositories state (measures, conditions, taglines) are English anyway, and
// the model answers the user in the user's language. So it does not use the
// localised labels of the pages (scopeLabel, kindName, a compare group's
// title); only what the user sees (agentTools.ts: the invocation messages)
// goes through l10n.

import type { CatalogEntry } from './catalog';
import type { CompareBar, CompareDimension, CompareGroup } from './compare';
import { figureSeries } from './figureHistory';
import { figureNumber, normalisedLabel, sharePercent, shortFigure } from './figureText';
import type { Peak } from './peaks';
import { isCurrent, type Figure, type FigureScope } from './model';
import { normalize } from './search';

/** The most characters a tool's result runs to. */
export const RESULT_BUDGET = 6000;

/** The most characters one line runs to (a hostile index may state very long conditions). */
const MAX_LINE = 600;

/** Room kept for the line that says how many were left out. */
const FOOTER_ROOM = 240;

export function clip(text: string, max = MAX_LINE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const SCOPE_TEXT: Readonly<Record<FigureScope, string>> = {
  gpu: 'per GPU',
  node: 'per node',
  client: 'per client node',
  cluster: 'cluster',
  system: 'whole system',
};

/** "per GPU", "180-node cluster", "scope not stated". */
export function scopeText(scope: FigureScope | undefined, nodes?: number): string {
  if (scope === 'cluster' && nodes) return `${nodes}-node cluster`;
  return scope ? SCOPE_TEXT[scope] : 'scope not stated';
}

const DIMENSION_TEXT: Readonly<Record<CompareDimension, string>> = {
  bandwidth: 'Bandwidth',
  compute: 'Compute',
  'token-throughput': 'Token throughput',
  latency: 'Latency',
};

const PEAK_TEXT: Readonly<Record<Peak['id'], string>> = {
  'h800-bf16': 'H800 SXM5 dense BF16 peak (989.4 TFLOPS)',
  'h800-fp8': 'H800 SXM5 dense FP8 peak (1978.9 TFLOPS)',
  'h800-hbm': 'H800 SXM5 HBM3 peak (3.35 TB/s)',
  'h800-nvlink': 'H800 NVLink peak (200 GB/s per direction)',
};

/** "Compute, BF16 · per GPU · Hopper": a compare group's title, in English. */
export function groupTitle(g: CompareGroup): string {
  const what = g.dimension === 'compute' ? `Compute, ${g.precision ?? 'precision not stated'}` : DIMENSION_TEXT[g.dimension];
  return [what, scopeText(g.scope, g.nodes), g.generation ?? 'hardware not stated'].join(' · ');
}

/** "kernel library" */
export function kindText(e: CatalogEntry): string {
  return e.kind.replace(/-/g, ' ');
}

/** "up to 660 TFLOPS BF16": the figure as stated, precision after the unit. */
export function statedFigure(f: Figure): string {
  return [f.qualifier, figureNumber(f), f.unit, f.precision].filter(Boolean).join(' ');
}

/** "deepseek-ai/FlashMLA README.md @ 9241ae3…, 2025-04-22 (repository)": where a figure is stated, in full. */
export function figureSourceText(f: Figure): string {
  const origin = f.origin === 'index' ? 'index' : 'repository';
  const s = f.source;
  if (!s) return `the index (${origin})`;
  const where = [s.repo, s.path].filter(Boolean).join(' ');
  return `${where}${s.commit ? ` @ ${s.commit}` : ''}${s.date ? `, ${s.date}` : ''} (${origin})`;
}

/** "580 TFLOPS (index)", "580 TFLOPS (deepseek-ai/FlashMLA, 2025-02-21)": a figure named in another's line. */
function otherFigure(f: Figure): string {
  const from = f.origin === 'index' ? 'index' : [f.source?.repo, f.source?.date].filter(Boolean).join(', ') || 'repository';
  return `${shortFigure(f)} (${from})`;
}

/** For one entry's figures: what supersedes each, and what each supersedes (by figureKey). */
export interface Supersession {
  readonly by: ReadonlyMap<string, Figure>;
  readonly of: ReadonlyMap<string, readonly Figure[]>;
}

/**
 * A figure's identity by what it states and where: an index figure's `newer`
 * is a copy of its repository figure, not the same object (and the catalog
 * crosses from the parse worker as a copy besides).
 */
function figureKey(f: Figure): string {
  const s = f.source;
  return [f.origin, f.value, f.unit, f.precision, f.measure, f.hardware, s?.repo, s?.path, s?.commit, s?.date].join('|');
}

/**
 * Who supersedes whom in an entry: an index figure's `newer`, a repository
 * figure's `replaces`, and within a series (figureHistory.ts) the current
 * figure over the older ones. Linear in the entry's figures.
 */
export function supersession(e: Pick<CatalogEntry, 'figures'>): Supersession {
  const by = new Map<string, Figure>();
  const of = new Map<string, Figure[]>();
  const link = (old: Figure, newer: Figure): void => {
    const [oldKey, newKey] = [figureKey(old), figureKey(newer)];
    if (oldKey === newKey || by.has(oldKey)) return;
    by.set(oldKey, newer);
    of.set(newKey, [...(of.get(newKey) ?? []), old]);
  };
  for (const f of e.figures) if (f.newer) link(f, f.newer);
  for (const f of e.figures) if (f.replaces) link(f.replaces, f);
  for (const series of figureSeries(e)) {
    const current = series.points.find((p) => isCurrent(p.figure) && p.figure.origin !== 'index');
    if (!current) continue;
    for (const p of series.points) if (p.figure.status === 'superseded') link(p.figure, current.figure);
  }
  return { by, of };
}

/**
 * One figure in a line:
 * "- 660 TFLOPS BF16 · compute-bound · per GPU · on H800 — source: deepseek-ai/FlashMLA README.md @ <commit>, 2025-04-22 (repository); supersedes 580 TFLOPS (index)".
 * With an entry, the line starts with its name and id.
 */
export function figureLine(f: Figure, relations: Supersession, entry?: CatalogEntry): string {
  const scope = scopeText(f.scope, f.nodes);
  const parts = [
    statedFigure(f),
    f.measure,
    scope,
    f.scale && normalize(f.scale) !== normalize(scope) ? f.scale : undefined,
    f.hardware && `on ${f.hardware}`,
    f.conditions && `conditions: ${f.conditions}`,
    f.class && f.class !== 'performance' ? `${f.class} figure` : undefined,
  ];
  const newer = relations.by.get(figureKey(f));
  const older = relations.of.get(figureKey(f)) ?? [];
  const removed = f.status === 'removed' ? `; REMOVED from its source${f.removed ? ` by ${f.removed.commit.slice(0, 7)} (${f.removed.date})` : ''}: shown as last published` : '';
  const status =
    removed ||
    f.status === 'superseded' || newer
      ? `; SUPERSEDED${newer ? ` by ${shortFigure(newer)}${newer.source?.date ? ` (${newer.source.date})` : ''}` : ''}`
      : older.length > 0
        ? `; supersedes ${older.map(otherFigure).join(', ')}`
        : '';
  const who = entry ? `${entry.entry.name} [${entry.entry.id}]: ` : '';
  return clip(`- ${who}${parts.filter(Boolean).join(' · ')} — source: ${figureSourceText(f)}${status}`);
}

/** A compare bar in a line: stated value, value in the group's unit, share of a peak, source; a derived bar says so, with its arithmetic. */
export function barLine(bar: CompareBar): string {
  // Outside the compute groups the bar's context names the precision already.
  const stated = statedFigure(bar.normalisedUnit === 'TFLOPS' ? bar.figure : { ...bar.figure, precision: undefined });
  const inUnit = normalisedLabel(bar);
  if (bar.derived) {
    return clip(
      `- ${bar.entryName} [${bar.entryId}]: ${inUnit} per node, DERIVED here, stated by no source: ${bar.derived.arithmetic}` +
        `${bar.measure ? ` · ${bar.measure}` : ''} — from the ${bar.derived.nodes}-node cluster figure of ${figureSourceText(bar.figure)}`,
    );
  }
  const value = shortFigure(bar.figure) === inUnit ? stated : `${stated} (= ${inUnit})`;
  const peak = bar.peak ? `${sharePercent(bar.peak.share)}${bar.lowerBound ? '+' : ''} of the ${PEAK_TEXT[bar.peak.id]}` : undefined;
  const parts = [value, bar.measure, bar.context, peak];
  return clip(`- ${bar.entryName} [${bar.entryId}]: ${parts.filter(Boolean).join(' · ')} — source: ${figureSourceText(bar.figure)}`);
}

/** "flashmla" and "FlashMLA" alike: lower case, spaces, hyphens and accents off. */
export function compact(text: string): string {
  return normalize(text).replace(/ /g, '');
}

/** Past this length, names and queries are cut before their edit distance is taken. */
const DISTANCE_CHARS = 48;

/**
 * The edit distance of two short strings, counting a swap of neighbours as
 * one edit ("FlashMAL" is 1 from "FlashMLA"), or undefined past `max`.
 * Both are cut to DISTANCE_CHARS first, so a call is bounded.
 */
function editDistance(a: string, b: string, max: number): number | undefined {
  const s = a.slice(0, DISTANCE_CHARS);
  const t = b.slice(0, DISTANCE_CHARS);
  if (Math.abs(s.length - t.length) > max) return undefined;
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return undefined;
    before = previous;
    previous = row;
  }
  const d = previous[t.length];
  return d <= max ? d : undefined;
}

/**
 * Up to `max` candidates nearest to what was asked for: those whose words
 * start with or contain every word of it, else those within a few edits of
 * it (a third of its length, at least 2). Each candidate is looked at once.
 */
export function nearest(wanted: string, candidates: readonly string[], max = 3): string[] {
  const want = compact(wanted);
  const words = normalize(wanted).split(' ').filter(Boolean);
  const unique = [...new Set(candidates)];
  const containing = unique.filter((c) => {
    const n = normalize(c);
    return words.length > 0 && words.every((w) => n.includes(w));
  });
  if (containing.length > 0) return containing.slice(0, max);
  const limit = Math.max(2, Math.floor(want.length / 3));
  return unique
    .map((c, i) => ({ c, i, d: editDistance(want, compact(c), limit) }))
    .filter((x): x is { c: string; i: number; d: number } => x.d !== undefined)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((x) => x.c);
}

/** What is nearest in the index, or that nothing is. */
export function nearText(near: readonly string[]): string {
  return near.length > 0 ? `Nearest in the index: ${near.join(', ')}.` : 'Nothing in the index is near it.';
}

/** “X” is not in the index, and what is nearest, or that nothing is. */
export function notInIndex(what: string, wanted: string, near: readonly string[]): string {
  return `${what} “${clip(wanted, 100)}” is not in the index. ${nearText(near)}`;
}

export interface BoundedLines {
  /** The lines that fit, in order. */
  readonly lines: readonly string[];
  /** How many items were left out, past the limit or the budget. */
  readonly leftOut: number;
  /** Whether the size budget (rather than the limit alone) cut the list. */
  readonly overBudget: boolean;
}

/**
 * The first items' lines, at most `limit` of them and together at most
 * `room` characters; each line is made only when it is about to be used.
 */
export function boundedLines<T>(items: readonly T[], limit: number, room: number, line: (item: T) => string): BoundedLines {
  const lines: string[] = [];
  let used = 0;
  let overBudget = false;
  for (const item of items) {
    if (lines.length >= limit) break;
    const text = line(item);
    if (used + text.length + 1 > room - FOOTER_ROOM) {
      overBudget = true;
      break;
    }
    lines.push(text);
    used += text.length + 1;
  }
  return { lines, leftOut: items.length - lines.length, overBudget };
}

/** "15 more entries left out (past the limit of 8)." or "None left out." */
export function leftOutLine(leftOut: number, noun: string, limit: number, overBudget: boolean): string {
  if (leftOut === 0) return 'None left out.';
  return overBudget
    ? `${leftOut} more ${noun} left out (past the size budget of ${RESULT_BUDGET} characters); ask again with narrower criteria.`
    : `${leftOut} more ${noun} left out (past the limit of ${limit}); ask again with a higher limit or narrower criteria.`;
}
