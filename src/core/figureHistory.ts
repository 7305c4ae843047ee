// Figure history: the same measure of one entry, stated with different values
// at different dates: FlashMLA's 580 then 660 TFLOPS, DeepGEMM's 1358 up to
// 1550. The entry data puts such figures in one series; an index figure that a
// repository figure supersedes joins that figure's series. Pure: panelHtml.ts
// draws each series as a table.

import type { CatalogEntry } from './catalog';
import { isCurrent, type Figure } from './model';
import { convert } from './units';

export interface HistoryPoint {
  readonly figure: Figure;
  /** The figure's position in its catalog entry's `figures`. */
  readonly index: number;
  /** When the figure was stated, YYYY-MM-DD, where its source says. */
  readonly date?: string;
}

export interface FigureSeries {
  readonly id: string;
  /** What the series measures, in the words of its current figure. */
  readonly measure?: string;
  /** Oldest first; undated points last, in the entry's order. */
  readonly points: readonly HistoryPoint[];
  /** The current figure's change over the oldest one, as a fraction: 0.138 for 580 → 660. */
  readonly change?: number;
}

/** The entry's series with more than one value, in the order their first figure appears. */
export function figureSeries(item: Pick<CatalogEntry, 'figures'>): FigureSeries[] {
  const byId = new Map<string, HistoryPoint[]>();
  item.figures.forEach((figure, index) => {
    if (!figure.series) return;
    let points = byId.get(figure.series);
    if (!points) byId.set(figure.series, (points = []));
    points.push({ figure, index, date: figure.source?.date });
  });
  const out: FigureSeries[] = [];
  for (const [id, points] of byId) {
    if (new Set(points.map((p) => `${p.figure.value} ${p.figure.unit}`)).size < 2) continue;
    const sorted = points
      .map((p, order) => ({ p, order }))
      .sort((a, b) => (a.p.date && b.p.date ? a.p.date.localeCompare(b.p.date) : a.p.date ? -1 : b.p.date ? 1 : 0) || a.order - b.order)
      .map(({ p }) => p);
    const current = sorted.find((p) => isCurrent(p.figure) && p.figure.origin !== 'index') ?? sorted[sorted.length - 1];
    const oldest = sorted[0];
    const from = convert(oldest.figure.value, oldest.figure.unit, current.figure.unit);
    const change = from ? current.figure.value / from - 1 : undefined;
    out.push({ id, measure: current.figure.measure, points: sorted, change: change !== undefined && Number.isFinite(change) ? change : undefined });
  }
  return out;
}
