// Puts the catalog's figures side by side, but only where their units
// compare: bandwidth (normalised to GB/s), compute (TFLOPS, one group per
// precision), token throughput and latency (normalised to µs). Pure: the
// Compare Figures panel renders these groups with compareHtml.ts.

import type { Catalog, CatalogEntry } from './catalog';
import { withoutUndefined } from './defined';
import type { Figure, FigureSource, Precision } from './model';
import { shareOfPeak, type Peak } from './peaks';
import { convert, unitInfo, type Dimension } from './units';
import { oneSpaced } from './whitespace';

/** The dimensions that are charted, with the unit each is shown in. */
export type CompareDimension = Extract<Dimension, 'bandwidth' | 'compute' | 'token-throughput' | 'latency'>;

export const DISPLAY_UNITS: Readonly<Record<CompareDimension, string>> = {
  bandwidth: 'GB/s',
  compute: 'TFLOPS',
  'token-throughput': 'tokens/s',
  latency: 'µs',
};

export interface ComparePeak {
  readonly id: Peak['id'];
  /** The figure as a share of the peak: 0.896 for 3000 of 3350 GB/s. */
  readonly share: number;
  /** A short name for the peak: "H800 HBM peak". */
  readonly name: string;
  /** The peak in words, with its value: "H800 SXM5 HBM3 bandwidth, 3.35 TB/s". */
  readonly basis: string;
}

export interface CompareBar {
  readonly entryId: string;
  readonly entryName: string;
  /** The figure's position in its catalog entry's `figures`, so a click can open the entry at it. */
  readonly figureIndex: number;
  readonly figure: Figure;
  /** The figure as stated: value and unit. */
  readonly value: number;
  readonly unit: string;
  readonly lowerBound: boolean;
  /** The value in the group's unit. */
  readonly normalised: number;
  /** The group's unit. */
  readonly normalisedUnit: string;
  /** What the bar is labelled with: the entry's name. */
  readonly label: string;
  readonly measure?: string;
  readonly precision?: Precision;
  /** Hardware, scale, conditions (and precision outside the compute groups), in one line. */
  readonly context: string;
  /** Measure and context in one line. */
  readonly detail: string;
  readonly origin: 'index' | 'repository';
  readonly status: 'current' | 'superseded';
  readonly source?: FigureSource;
  readonly peak?: ComparePeak;
}

export interface CompareGroup {
  /** "bandwidth", "compute-bf16", "compute-unstated", "token-throughput", "latency". */
  readonly id: string;
  /** "Bandwidth", "Compute, BF16"… */
  readonly title: string;
  readonly dimension: CompareDimension;
  /** The unit every bar's normalised value is in. */
  readonly unit: string;
  /** For the compute groups: the precision, absent for "precision not stated". */
  readonly precision?: Precision;
  /** Sorted by normalised value, largest first. */
  readonly bars: readonly CompareBar[];
}

const PRECISIONS: readonly Precision[] = ['BF16', 'FP8', 'FP16', 'FP32'];

const PEAK_NAMES: Readonly<Record<Peak['id'], string>> = {
  'h800-bf16': 'H800 BF16 peak',
  'h800-fp8': 'H800 FP8 peak',
  'h800-hbm': 'H800 HBM peak',
  'h800-nvlink': 'H800 NVLink peak',
};

/** The charted dimension of a unit; undefined for units that are never charted (TiB/min, %, counts…). */
export function compareDimension(unit: string): CompareDimension | undefined {
  const dimension = unitInfo(unit)?.dimension;
  return dimension && Object.prototype.hasOwnProperty.call(DISPLAY_UNITS, dimension) ? (dimension as CompareDimension) : undefined;
}

function norm(text: string | undefined): string {
  return oneSpaced(text ?? '').toLowerCase();
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'per', 'the', 'to', 'with']);

function words(text: string | undefined): Set<string> {
  return new Set(
    norm(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !STOP_WORDS.has(w)),
  );
}

/**
 * Whether two figures state the same measure. Figures of the same origin
 * must name it alike. The index words its measures briefly ("memory-bound")
 * where the repository data is specific ("dense MLA decode, memory-bound"),
 * so across origins a shared word is enough; a missing measure matches any.
 */
function sameMeasure(a: Figure, b: Figure): boolean {
  if (!a.measure || !b.measure) return !a.measure && !b.measure ? true : a.origin !== b.origin;
  if (a.origin === b.origin) return norm(a.measure) === norm(b.measure);
  const wb = words(b.measure);
  return [...words(a.measure)].some((w) => wb.has(w));
}

/** Hardware agrees when either leaves it out or one names the other ("H800" and "H800 SXM5"). */
function sameHardware(a: Figure, b: Figure): boolean {
  const ha = norm(a.hardware);
  const hb = norm(b.hardware);
  return !ha || !hb || ha.includes(hb) || hb.includes(ha);
}

function samePrecision(a: Figure, b: Figure): boolean {
  return !a.precision || !b.precision || a.precision === b.precision;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);
}

export interface ComparableFigure {
  readonly figure: Figure;
  readonly index: number;
  readonly dimension: CompareDimension;
  readonly normalised: number;
}

/**
 * An entry's comparable figures, in the entry's order, less those that
 * restate one before them: the same normalised value of the same measure
 * (and, where both give them, the same precision and hardware). The index's
 * figures come first in an entry, so the index's copy is the one kept.
 */
export function comparableFigures(item: CatalogEntry): ComparableFigure[] {
  const kept: ComparableFigure[] = [];
  item.figures.forEach((figure, index) => {
    const dimension = compareDimension(figure.unit);
    if (!dimension) return;
    const converted = convert(figure.value, figure.unit, DISPLAY_UNITS[dimension]);
    if (converted === undefined || !Number.isFinite(converted)) return;
    // Twelve significant digits: 2 ms is 2000 µs, not 2000.0000000000002.
    const normalised = Number(converted.toPrecision(12));
    const duplicate = kept.some(
      (k) =>
        k.dimension === dimension &&
        sameValue(k.normalised, normalised) &&
        samePrecision(k.figure, figure) &&
        sameHardware(k.figure, figure) &&
        sameMeasure(k.figure, figure),
    );
    if (!duplicate) kept.push({ figure, index, dimension, normalised });
  });
  return kept;
}

function context(f: Figure, withPrecision: boolean): string {
  const conditions = f.conditions?.trim();
  const hardware = f.hardware && !(conditions && norm(conditions).includes(norm(f.hardware))) ? f.hardware : undefined;
  const precision = withPrecision && f.precision && !(conditions && conditions.includes(f.precision)) ? f.precision : undefined;
  return [precision, hardware, f.scale, conditions].filter(Boolean).join(' · ');
}

function toBar(item: CatalogEntry, c: ComparableFigure): CompareBar {
  const f = c.figure;
  const share = shareOfPeak(f);
  const ctx = context(f, c.dimension !== 'compute');
  return {
    entryId: item.entry.id,
    entryName: item.entry.name,
    figureIndex: c.index,
    figure: f,
    value: f.value,
    unit: f.unit,
    lowerBound: !!f.lowerBound,
    normalised: c.normalised,
    normalisedUnit: DISPLAY_UNITS[c.dimension],
    label: item.entry.name,
    measure: f.measure,
    precision: f.precision,
    context: ctx,
    detail: [f.measure, ctx].filter(Boolean).join(' · '),
    origin: f.origin ?? 'repository',
    status: f.status ?? 'current',
    source: f.source,
    peak: share && { id: share.peak.id, share: share.share, name: PEAK_NAMES[share.peak.id], basis: share.peak.basis },
  };
}

/** The precisions the compute figures state: BF16, FP8, FP16, FP32 in that order, then any other. */
function computePrecisions(bars: readonly CompareBar[]): Precision[] {
  const stated = new Set(bars.filter((b) => b.normalisedUnit === DISPLAY_UNITS.compute && b.precision).map((b) => b.precision as Precision));
  const known = PRECISIONS.filter((p) => stated.has(p));
  const other = [...stated].filter((p) => !PRECISIONS.includes(p)).sort();
  return [...known, ...other];
}

/** The groups of comparable figures, in a fixed order, each only where it has figures. */
export function compareGroups(catalog: Catalog): CompareGroup[] {
  const bars: { bar: CompareBar; dimension: CompareDimension; order: number }[] = [];
  for (const item of catalog.entries) {
    for (const c of comparableFigures(item)) bars.push({ bar: toBar(item, c), dimension: c.dimension, order: bars.length });
  }
  const group = (id: string, title: string, dimension: CompareDimension, pick: (b: CompareBar) => boolean, precision?: Precision): CompareGroup | undefined => {
    const picked = bars
      .filter((b) => b.dimension === dimension && pick(b.bar))
      // Largest first; ties keep the catalog's order.
      .sort((a, b) => b.bar.normalised - a.bar.normalised || a.order - b.order)
      .map((b) => b.bar);
    if (picked.length === 0) return undefined;
    return withoutUndefined({ id, title, dimension, unit: DISPLAY_UNITS[dimension], precision, bars: picked });
  };
  const groups = [
    group('bandwidth', 'Bandwidth', 'bandwidth', () => true),
    ...computePrecisions(bars.map((b) => b.bar)).map((p) =>
      group(`compute-${p.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, `Compute, ${p}`, 'compute', (b) => b.precision === p, p),
    ),
    group('compute-unstated', 'Compute, precision not stated', 'compute', (b) => !b.precision),
    group('token-throughput', 'Token throughput', 'token-throughput', () => true),
    group('latency', 'Latency', 'latency', () => true),
  ];
  return groups.filter((g): g is CompareGroup => !!g);
}
