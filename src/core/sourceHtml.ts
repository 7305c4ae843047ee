// How a figure's source and date read on every page: a link to the file at
// its commit, and a <time> element. Escaped like all page text.

import { sourceLabel } from './figureText';
import { escapeAttribute, escapeHtml, externalLink, safeHttpUrl } from './html';
import type { FigureSource } from './model';

/** "deepseek-ai/FlashMLA · README.md @ 414a2f3", linked to the file at its commit; '' for no source. */
export function sourceLink(s: FigureSource | undefined): string {
  return s ? externalLink(safeHttpUrl(s.url), sourceLabel(s)) : '';
}

/** A date (YYYY-MM-DD) as a <time> element. */
export function timeHtml(date: string): string {
  return `<time datetime="${escapeAttribute(date)}">${escapeHtml(date)}</time>`;
}
