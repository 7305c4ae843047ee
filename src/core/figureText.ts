// How figures read as text, on every page, in lookups and in tooltips: the
// number with its lower-bound mark, the unit, the precision of compute
// figures, the qualifier, the share of a hardware peak, and the source.

import * as l10n from '@vscode/l10n';
import type { CompareBar, ComparePeak } from './compare';
import type { Figure, FigureClass, FigureScope, FigureSource } from './model';
import { formatNumber } from './units';

/** "1350+": a number as written, marked where it is a lower bound. */
function bounded(number: string, lowerBound: boolean | undefined): string {
  return lowerBound ? `${number}+` : number;
}

/** "1350+", "73.7k": the figure's number. */
export function figureNumber(f: Pick<Figure, 'value' | 'lowerBound'>): string {
  return bounded(formatNumber(f.value), f.lowerBound);
}

/** "3000 GB/s", "1350+ TFLOPS": a figure as it reads in a one-line description. */
export function shortFigure(f: Pick<Figure, 'value' | 'unit' | 'lowerBound'>): string {
  return `${figureNumber(f)} ${f.unit}`;
}

/** "1350+ FP8 TFLOPS": the figure as a short label; only compute figures name their precision. */
export function figureLabel(f: Pick<Figure, 'value' | 'unit' | 'lowerBound' | 'precision'>): string {
  return f.precision && f.unit === 'TFLOPS' ? `${figureNumber(f)} ${f.precision} ${f.unit}` : shortFigure(f);
}

/** "up to 580 BF16 TFLOPS": the figure as its source states it. */
export function statedLabel(f: Pick<Figure, 'value' | 'unit' | 'lowerBound' | 'precision' | 'qualifier'>): string {
  return f.qualifier ? `${f.qualifier} ${figureLabel(f)}` : figureLabel(f);
}

/** Rounds a normalised value for display: 7256.78 → "7256.8", 42.9497 → "42.95", 73700 → "73.7k". */
function formatNormalised(value: number): string {
  return formatNumber(Math.abs(value) >= 100 ? Math.round(value * 10) / 10 : value);
}

/** "3000 GB/s", "42.95+ GB/s": a bar's value in its group's unit. */
export function normalisedLabel(bar: Pick<CompareBar, 'normalised' | 'normalisedUnit' | 'lowerBound'>): string {
  return `${bounded(formatNormalised(bar.normalised), bar.lowerBound)} ${bar.normalisedUnit}`;
}

/** 0.896 → "89.6%" */
export function sharePercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** "89.6% of H800 HBM peak"; "68.2%+ of H800 FP8 peak" for a lower bound (1350+ TFLOPS). */
export function peakLabel(peak: Pick<ComparePeak, 'share' | 'name'>, lowerBound = false): string {
  return l10n.t('{0} of {1}', bounded(sharePercent(peak.share), lowerBound), peak.name);
}

/** "deepseek-ai/FlashMLA · README.md @ 1a2b3c4": the file a figure is stated in. */
export function sourceLabel(s: Pick<FigureSource, 'repo' | 'path' | 'commit'>): string {
  return `${s.repo}${s.path ? ` · ${s.path}` : ''}${s.commit ? ` @ ${s.commit.slice(0, 7)}` : ''}`;
}

/** "per GPU", "cluster of 180 nodes": what a figure is a figure of, in words. */
export function scopeLabel(scope: FigureScope | undefined, nodes?: number): string {
  switch (scope) {
    case 'gpu':
      return l10n.t('per GPU');
    case 'node':
      return l10n.t('per node');
    case 'client':
      return l10n.t('per client node');
    case 'cluster':
      return nodes ? l10n.t('cluster of {0} nodes', formatNumber(nodes)) : l10n.t('cluster');
    case 'system':
      return l10n.t('whole system');
    default:
      return l10n.t('scope not stated');
  }
}

/** "performance", "configuration"…, or "class not stated". */
export function classLabel(figureClass: FigureClass | undefined): string {
  switch (figureClass) {
    case 'performance':
      return l10n.t('performance');
    case 'cost':
      return l10n.t('cost');
    case 'configuration':
      return l10n.t('configuration');
    case 'size':
      return l10n.t('size');
    default:
      return l10n.t('class not stated');
  }
}
