// The H800 roofline: the kernels' figures against the GPU's memory-bandwidth
// ceiling and its compute ceiling at each precision, from the same peaks the
// panels use (peaks.ts). A figure with a stated arithmetic intensity (FLOP
// per byte) is placed on the chart, and whether it is memory- or
// compute-bound follows from which ceiling is lower there. A figure without
// one cannot be placed; it is read against the ceiling its unit measures, and
// its bound is the one its source states, if any. Pure: compareHtml.ts draws it.

import type { Catalog } from './catalog';
import { comparableFigures } from './compare';
import { generationOf } from './hardware';
import type { Figure, FigureSource, Precision } from './model';
import { H800_PEAKS, peakFor, type Peak } from './peaks';
import { convert } from './units';

export type Bound = 'memory' | 'compute';

export interface RooflineCeiling {
  readonly peak: Peak;
  /** For a compute ceiling: its precision. */
  readonly precision?: Precision;
  /** For a compute ceiling: the intensity where it meets the memory ceiling, FLOP/byte. */
  readonly ridge?: number;
}

export interface RooflinePoint {
  readonly entryId: string;
  readonly entryName: string;
  /** The figure's position in its catalog entry's `figures`. */
  readonly figureIndex: number;
  readonly figure: Figure;
  /** The figure's precision, or for a bandwidth figure the precision of the kernel's arithmetic. */
  readonly precision?: Precision;
  /** FLOP per byte, where the source's shapes give it; the point is then placed on the chart. */
  readonly intensity?: number;
  readonly intensityBasis?: string;
  /** The compute rate the figure stands for, in TFLOPS, where it is known. */
  readonly tflops?: number;
  /** The ceiling the figure is read against. */
  readonly ceiling: Peak;
  /** The ceiling's value where the figure sits, in the figure's unit (TFLOPS or GB/s). */
  readonly ceilingValue: number;
  /** The figure as a share of that ceiling. */
  readonly share: number;
  /** Memory- or compute-bound; absent where neither the intensity nor the source says. */
  readonly bound?: Bound;
  /** How the bound is known: from where the intensity sits, or from the source's own words. */
  readonly boundFrom?: 'intensity' | 'source';
  readonly source?: FigureSource;
}

export interface Roofline {
  readonly memory: Peak;
  /** The compute ceilings, lowest first. */
  readonly compute: readonly RooflineCeiling[];
  /** Figures with an intensity, placed on the chart. */
  readonly placed: readonly RooflinePoint[];
  /** Figures without one, read against their ceiling alone. */
  readonly unplaced: readonly RooflinePoint[];
}

const HBM = H800_PEAKS.find((p) => p.id === 'h800-hbm') as Peak;
const COMPUTE: readonly RooflineCeiling[] = (['BF16', 'FP8'] as const).map((precision) => {
  const peak = H800_PEAKS.find((p) => p.id === (precision === 'BF16' ? 'h800-bf16' : 'h800-fp8')) as Peak;
  return { peak, precision, ridge: ridgeOf(peak) };
});

/** Where a compute peak (TFLOPS) meets the HBM ceiling (GB/s): FLOP per byte. */
function ridgeOf(peak: Peak): number {
  return (peak.value * 1000) / HBM.value;
}

/** TFLOPS that the HBM ceiling allows at an intensity. */
export function memoryCeiling(intensity: number): number {
  return (intensity * HBM.value) / 1000;
}

/** The bound the source's own words state: "memory-bound", "compute-bound". */
function statedBound(f: Figure): Bound | undefined {
  const words = `${f.measure ?? ''} ${f.conditions ?? ''}`;
  const memory = /memory[- ]bound/i.test(words);
  const compute = /compute[- ]bound/i.test(words);
  return memory === compute ? undefined : memory ? 'memory' : 'compute';
}

/** A kernel figure for the roofline: a current per-GPU performance figure on Hopper, in TFLOPS or in HBM bandwidth. */
function qualifies(f: Figure): boolean {
  if (f.class !== 'performance' || f.scope !== 'gpu' || f.status === 'superseded' || generationOf(f) !== 'Hopper') return false;
  const peak = peakFor(f);
  return peak !== undefined && (peak.unit === 'TFLOPS' || peak.id === 'h800-hbm');
}

function point(entryId: string, entryName: string, figureIndex: number, f: Figure): RooflinePoint | undefined {
  const compute = COMPUTE.find((c) => c.precision === f.precision);
  const intensity = f.intensity?.value;
  const common = { entryId, entryName, figureIndex, figure: f, precision: f.precision, source: f.source };
  if (f.unit === 'TFLOPS') {
    if (!compute) return undefined;
    if (intensity !== undefined) {
      const memory = memoryCeiling(intensity);
      const bound: Bound = memory < compute.peak.value ? 'memory' : 'compute';
      const ceilingValue = Math.min(memory, compute.peak.value);
      return { ...common, intensity, intensityBasis: f.intensity?.basis, tflops: f.value, ceiling: bound === 'memory' ? HBM : compute.peak, ceilingValue, share: f.value / ceilingValue, bound, boundFrom: 'intensity' };
    }
    const bound = statedBound(f);
    return { ...common, ceiling: compute.peak, ceilingValue: compute.peak.value, share: f.value / compute.peak.value, bound, boundFrom: bound && 'source' };
  }
  // A bandwidth against the HBM ceiling.
  const gbs = convert(f.value, f.unit, 'GB/s');
  if (gbs === undefined) return undefined;
  if (intensity !== undefined && compute) {
    const tflops = (gbs * intensity) / 1000;
    const bound: Bound = intensity < (compute.ridge ?? 0) ? 'memory' : 'compute';
    return { ...common, intensity, intensityBasis: f.intensity?.basis, tflops, ceiling: HBM, ceilingValue: HBM.value, share: gbs / HBM.value, bound, boundFrom: 'intensity' };
  }
  const bound = statedBound(f);
  return { ...common, ceiling: HBM, ceilingValue: HBM.value, share: gbs / HBM.value, bound, boundFrom: bound && 'source' };
}

/** The roofline of the catalog's Hopper kernel figures. */
export function roofline(catalog: Catalog): Roofline {
  const placed: RooflinePoint[] = [];
  const unplaced: RooflinePoint[] = [];
  for (const item of catalog.entries) {
    // Each measure once: the index's "3000 GB/s" and the repository's restating it are one point.
    for (const { figure, index } of comparableFigures(item)) {
      if (!qualifies(figure)) continue;
      const p = point(item.entry.id, item.entry.name, index, figure);
      if (p) (p.intensity !== undefined ? placed : unplaced).push(p);
    }
  }
  return { memory: HBM, compute: COMPUTE, placed, unplaced };
}
