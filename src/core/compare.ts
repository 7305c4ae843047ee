// Puts the catalog's performance figures side by side, but only like with
// like: one chart per dimension (bandwidth normalised to GB/s, compute in
// TFLOPS with one chart per precision, token throughput, latency in µs), per
// scope (per GPU, per node, per client, a cluster of N nodes) and per GPU
// generation. Configuration, cost and size figures are never charted, nor
// superseded ones (the entry's panel shows them in its history). A
// cluster figure of a known node count is also shown per node, as a derived
// bar. Pure: the Compare Figures panel renders these groups with compareHtml.ts.

import * as l10n from '@vscode/l10n';
import type { Catalog, CatalogEntry } from './catalog';
import { withoutUndefined } from './defined';
import { figureLabel, normalisedLabel, scopeLabel } from './figureText';
import { generationOf, type Generation } from './hardware';
import type { Figure, FigureScope, FigureSource, Precision } from './model';
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
  readonly status: 'current' | 'superseded' | 'removed';
  readonly source?: FigureSource;
  readonly peak?: ComparePeak;
  /** What the figure is a figure of (for a derived bar: per node). */
  readonly scope?: FigureScope;
  /** The cluster's node count, for a cluster figure. */
  readonly nodes?: number;
  readonly generation?: Generation;
  /** A per-node bar worked out from a cluster figure: not stated by any source. */
  readonly derived?: DerivedPerNode;
}

/** How a per-node bar was worked out from a cluster figure. */
export interface DerivedPerNode {
  readonly nodes: number;
  /** "6.6 TiB/s = 7256.8 GB/s ÷ 180 nodes = 40.3 GB/s per node" */
  readonly arithmetic: string;
}

export interface CompareGroup {
  /** "bandwidth-gpu-hopper", "compute-bf16-gpu-hopper", "bandwidth-cluster-180-any"… */
  readonly id: string;
  /** "Bandwidth · per GPU · Hopper", "Compute, BF16 · per GPU · Hopper"… */
  readonly title: string;
  readonly dimension: CompareDimension;
  /** The unit every bar's normalised value is in. */
  readonly unit: string;
  /** For the compute groups: the precision, absent for "precision not stated". */
  readonly precision?: Precision;
  /** Every bar's scope; absent for figures whose scope is not stated. */
  readonly scope?: FigureScope;
  /** For a cluster group: the node count every bar's cluster has. */
  readonly nodes?: number;
  /** Every bar's GPU generation; absent where the hardware is not stated. */
  readonly generation?: Generation;
  /** Sorted by normalised value, largest first. */
  readonly bars: readonly CompareBar[];
}

const PRECISIONS: readonly Precision[] = ['BF16', 'FP8', 'FP16', 'FP32'];

/** A peak's short name, in the display language. */
function peakName(id: Peak['id']): string {
  switch (id) {
    case 'h800-bf16':
      return l10n.t('H800 BF16 peak');
    case 'h800-fp8':
      return l10n.t('H800 FP8 peak');
    case 'h800-hbm':
      return l10n.t('H800 HBM peak');
    default:
      return l10n.t('H800 NVLink peak');
  }
}

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
  return withoutUndefined<CompareBar>({
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
    peak: share && { id: share.peak.id, share: share.share, name: peakName(share.peak.id), basis: share.peak.basis },
    scope: f.scope,
    nodes: f.scope === 'cluster' ? f.nodes : undefined,
    generation: generationOf(f),
  });
}

/** Dimensions in which a cluster's figure shared out over its nodes means something: rates, not latencies. */
const PER_NODE_DIMENSIONS: ReadonlySet<CompareDimension> = new Set(['bandwidth', 'token-throughput']);

/** The bar a cluster figure of a known node count gives per node, labelled as worked out here. */
function perNodeBar(bar: CompareBar): CompareBar | undefined {
  const nodes = bar.nodes;
  if (bar.scope !== 'cluster' || !nodes || !PER_NODE_DIMENSIONS.has(compareDimension(bar.normalisedUnit) as CompareDimension)) return undefined;
  const normalised = Number((bar.normalised / nodes).toPrecision(12));
  const perNode = normalisedLabel({ normalised, normalisedUnit: bar.normalisedUnit, lowerBound: bar.lowerBound });
  const whole = normalisedLabel(bar);
  const stated = figureLabel(bar.figure);
  const arithmetic = `${stated}${stated === whole ? '' : ` = ${whole}`} ÷ ${nodes} nodes = ${perNode} per node`;
  return withoutUndefined<CompareBar>({
    ...bar,
    normalised,
    scope: 'node',
    nodes: undefined,
    peak: undefined,
    detail: [bar.measure, `derived: ${arithmetic}`].filter(Boolean).join(' · '),
    derived: { nodes, arithmetic },
  });
}

const SCOPE_ORDER: readonly (FigureScope | undefined)[] = ['gpu', 'node', 'client', 'cluster', 'system', undefined];
const GENERATION_ORDER: readonly (Generation | undefined)[] = ['Hopper', 'Blackwell', 'Ampere', undefined];
const DIMENSION_ORDER: readonly CompareDimension[] = ['bandwidth', 'compute', 'token-throughput', 'latency'];
function dimensionTitle(dimension: CompareDimension): string {
  switch (dimension) {
    case 'bandwidth':
      return l10n.t('Bandwidth');
    case 'compute':
      return l10n.t('Compute');
    case 'token-throughput':
      return l10n.t('Token throughput');
    default:
      return l10n.t('Latency');
  }
}

/** The position of a precision among the groups: BF16, FP8, FP16, FP32, any other, then none. */
function precisionRank(p: Precision | undefined): number {
  if (p === undefined) return PRECISIONS.length + 1;
  const i = PRECISIONS.indexOf(p);
  return i === -1 ? PRECISIONS.length : i;
}

/** What a bar is grouped by: bars compare only when all of it agrees. */
interface GroupKey {
  readonly dimension: CompareDimension;
  readonly precision?: Precision;
  readonly scope?: FigureScope;
  readonly nodes?: number;
  readonly generation?: Generation;
}

function keyOf(bar: CompareBar, dimension: CompareDimension): GroupKey {
  return {
    dimension,
    precision: dimension === 'compute' ? bar.precision : undefined,
    scope: bar.scope,
    nodes: bar.scope === 'cluster' ? bar.nodes : undefined,
    generation: bar.generation,
  };
}

function keyId(k: GroupKey): string {
  const parts = [
    k.dimension,
    k.dimension === 'compute' ? (k.precision ?? 'unstated') : undefined,
    k.scope ?? 'scope-unstated',
    k.scope === 'cluster' ? (k.nodes ?? 'size-unstated') : undefined,
    k.generation ?? 'any',
  ];
  return parts
    .filter((p) => p !== undefined)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

function keyTitle(k: GroupKey): string {
  const what = k.dimension === 'compute' ? l10n.t('Compute, {0}', k.precision ?? l10n.t('precision not stated')) : dimensionTitle(k.dimension);
  return [what, scopeLabel(k.scope, k.nodes), k.generation ?? l10n.t('hardware not stated')].join(' · ');
}

function compareKeys(a: GroupKey, b: GroupKey): number {
  return (
    DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension) ||
    precisionRank(a.precision) - precisionRank(b.precision) ||
    (a.precision ?? '').localeCompare(b.precision ?? '') ||
    SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope) ||
    (a.nodes ?? Infinity) - (b.nodes ?? Infinity) ||
    GENERATION_ORDER.indexOf(a.generation) - GENERATION_ORDER.indexOf(b.generation)
  );
}

/**
 * The groups of comparable performance figures: one per dimension (and
 * precision, for compute), scope and generation, each only where it has
 * figures, in a fixed order. Figures of any other class are left out.
 */
export function compareGroups(catalog: Catalog): CompareGroup[] {
  const groups = new Map<string, { key: GroupKey; bars: { bar: CompareBar; order: number }[] }>();
  let order = 0;
  const add = (bar: CompareBar, dimension: CompareDimension): void => {
    const key = keyOf(bar, dimension);
    const id = keyId(key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, bars: [] }));
    group.bars.push({ bar, order: order++ });
  };
  for (const item of catalog.entries) {
    for (const c of comparableFigures(item)) {
      // Older values of a measure are its history, in the entry's panel; a chart shows what holds now.
      // A figure its source has since dropped stays, marked removed, as last published; one a newer figure replaces does not.
      if (c.figure.class !== 'performance' || c.figure.status === 'superseded') continue;
      const bar = toBar(item, c);
      add(bar, c.dimension);
      const perNode = perNodeBar(bar);
      if (perNode) add(perNode, c.dimension);
    }
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => compareKeys(a.key, b.key))
    .map(([id, { key, bars }]) =>
      withoutUndefined<CompareGroup>({
        id,
        title: keyTitle(key),
        dimension: key.dimension,
        unit: DISPLAY_UNITS[key.dimension],
        precision: key.precision,
        scope: key.scope,
        nodes: key.nodes,
        generation: key.generation,
        // Largest first; ties keep the catalog's order.
        bars: bars.sort((a, b) => b.bar.normalised - a.bar.normalised || a.order - b.order).map((b) => b.bar),
      }),
    );
}
