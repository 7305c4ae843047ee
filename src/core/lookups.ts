// The text of the command-palette lookups. VS Code's quick pick matches on
// what is shown, so what a user may type (a kind, a precision, a benchmark,
// a GPU) has to be in the description or detail line.

import type { CatalogEntry } from './catalog';
import { kindName, shortPlace } from './catalog';
import { figureLabel, scopeLabel, statedLabel } from './figureText';
import { taglineOf } from './displayLocale';
import { headlineFigures } from './headlines';
import type { Figure } from './model';

/** "3000 GB/s memory-bound (H800)" */
export function figureSummary(f: Figure): string {
  return [figureLabel(f), f.measure, f.hardware ? `(${f.hardware})` : undefined].filter(Boolean).join(' ');
}

export interface EntryPickText {
  readonly description: string;
  readonly detail: string;
}

/** Description: where and what ("Day 5 · file system"); detail: headline figures, then the words describing it. */
export function entryPickText(e: CatalogEntry): EntryPickText {
  // Performance figures only: an entry with none is described by its words alone.
  const figures = headlineFigures(e.figures, e.data).map(figureSummary).join(' · ');
  // The tagline in the project's words, then the index's own description, when it says more.
  // The tagline in the display language first, then in the others, so that either finds the entry.
  const words = [...new Set([taglineOf(e), e.data?.tagline, e.data?.translations?.['zh-cn']?.tagline, e.entry.description].filter(Boolean))];
  return {
    description: `${shortPlace(e)} · ${kindName(e.kind)}`,
    detail: [figures, ...words].filter(Boolean).join(' — '),
  };
}

export interface FigurePickText {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** Label: the figure; description: its entry; detail: what it measures, where, and its source's date. */
export function figurePickText(e: CatalogEntry, f: Figure): FigurePickText {
  const conditions = [f.measure, f.scope && scopeLabel(f.scope, f.nodes), f.hardware, f.scale, f.conditions].filter(Boolean).join(' · ');
  const origin = f.origin === 'index' ? 'index' : (f.source?.repo ?? 'source');
  const status = f.status === 'superseded' ? ', superseded' : f.status === 'removed' ? `, removed from its source ${f.removed?.date ?? ''}`.trimEnd() : '';
  return {
    label: statedLabel(f),
    description: e.entry.name,
    detail: `${conditions || 'no conditions stated'} (${origin}${f.source?.date ? `, ${f.source.date}` : ''}${status})`,
  };
}
