// The figures that sum an entry up, in the tree's description and tooltip and
// in Find Entry's detail line: how well it performs, never a setting or a
// size. The index's own figures come first, each replaced by the newer one
// its repository reports; where the index gives none, the repository
// figures the entry data flags. An entry with no performance figure is
// described by its kind (in the tree) or its tagline (in Find Entry), never
// by a configuration number.

import { kindName, type CatalogEntry } from './catalog';
import type { EntryData } from './entryData';
import { shortFigure } from './figureText';
import { isCurrent, type Figure } from './model';

/** How many figures the tree's description shows. */
export const HEADLINE_FIGURES = 2;

const isHeadline = (f: Figure): boolean => f.class === 'performance' && isCurrent(f);

/** The entry's headline figures, best first; empty when it has no current performance figure. */
export function headlineFigures(figures: readonly Figure[], data: EntryData | undefined): Figure[] {
  const picked: Figure[] = [];
  const add = (f: Figure | undefined): void => {
    if (f && isHeadline(f) && !picked.includes(f)) picked.push(f);
  };
  for (const f of figures) if (f.origin === 'index') add(f.status === 'superseded' ? f.newer : f);
  if (picked.length > 0) return picked;
  const flagged = new Set((data?.figures ?? []).filter((d) => d.headline).map((d) => `${d.value} ${d.unit} ${d.metric}`));
  for (const f of figures) if (f.origin !== 'index' && flagged.has(`${f.value} ${f.unit} ${f.measure}`)) add(f);
  return picked;
}

/** "3000 GB/s · 660 TFLOPS": the first headline figures, or '' for none. */
export function headlineText(figures: readonly Figure[]): string {
  return figures.slice(0, HEADLINE_FIGURES).map(shortFigure).join(' · ');
}

/**
 * What the tree's row says beside the name: the headline figures, else the
 * entry's kind ("parallelism algorithm"), short enough to scan down a list;
 * its tagline is in the tooltip.
 */
export function rowDescription(e: Pick<CatalogEntry, 'headline' | 'kind'>): string {
  return e.headline || (e.kind === 'entry' ? '' : kindName(e.kind));
}

/**
 * The entry's current performance figures, headline ones first, each value
 * once (the index's "3000 GB/s" and its repository's restating it are one):
 * what the tree's tooltip lists.
 */
export function performanceFigures(e: Pick<CatalogEntry, 'figures' | 'data'>, max = 6): Figure[] {
  const picked: Figure[] = [];
  const seen = new Set<string>();
  for (const f of [...headlineFigures(e.figures, e.data), ...e.figures]) {
    const key = `${f.value} ${f.unit}`;
    if (!isHeadline(f) || seen.has(key)) continue;
    seen.add(key);
    picked.push(f);
    if (picked.length === max) break;
  }
  return picked;
}
