// Renders the Compare Figures page: one horizontal bar chart per group of
// comparable figures (inline SVG), each followed by the same figures as a
// table. Pure, and under the same rules as panelHtml.ts: the CSP and assets
// come in from the VS Code layer, every text goes through escapeHtml or
// escapeAttribute, nothing is inline (no style attribute, no handler, no
// script body). Colours come from media/compare.css; the page script (src/webview/pageScript.ts) turns
// clicks and Enter/Space on [data-action] into messages.

import * as l10n from '@vscode/l10n';
import type { CompareBar, CompareGroup } from './compare';
import { figureLabel, normalisedLabel, peakLabel, statedLabel } from './figureText';
import { escapeAttribute, escapeHtml } from './html';
import { htmlDocument, type PageAssets } from './page';
import { sourceLink, timeHtml } from './sourceHtml';
import type { Roofline } from './roofline';
import { rooflineSection } from './rooflineHtml';

export interface ComparePageOptions {
  /** An entry whose bars are marked, for a page opened from that entry. */
  readonly highlightEntry?: string;
  /** The H800 roofline of the kernel figures, drawn before the charts. */
  readonly roofline?: Roofline;
  /** What changed, for a page drawn again: its live region says it. */
  readonly announce?: string;
}

/** The chart's coordinate system: the SVG scales to the page's width with CSS. */
export const CHART_WIDTH = 720;
const LABEL_WIDTH = 236;
const BAR_X = 244;
const BAR_MAX = 300;
const ROW_HEIGHT = 48;
const TOP = 6;
const LABEL_CHARS = 30;
const DETAIL_CHARS = 40;

/** Cuts text to a number of characters, with an ellipsis; the full text is in the bar's title and the table. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** "3000 GB/s", or "7256.8 GB/s (6.6 TiB/s)" where the figure was stated in another unit. */
function valueText(bar: CompareBar): string {
  const normalised = normalisedLabel(bar);
  return bar.unit === bar.normalisedUnit ? normalised : `${normalised} (${figureLabel(bar.figure)})`;
}

/** "superseded", "removed from its source", or nothing for a current figure. */
function statusWord(bar: CompareBar): string | undefined {
  if (bar.status === 'superseded') return l10n.t('superseded');
  return bar.status === 'removed' ? l10n.t('removed from its source') : undefined;
}

/** The small line under the bar: peak share, where the figure came from, whether it is superseded or removed. */
function noteText(bar: CompareBar): string {
  return [
    bar.derived ? l10n.t('derived: cluster total ÷ {0} nodes', bar.derived.nodes) : undefined,
    bar.peak && peakLabel(bar.peak, bar.lowerBound),
    bar.origin === 'index' ? l10n.t('index figure') : undefined,
    statusWord(bar),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** "Open FlashMLA: 3000 GB/s, memory-bound, H800, 89.6% of H800 HBM peak" */
export function barAriaLabel(bar: CompareBar): string {
  const parts = [
    normalisedLabel(bar),
    bar.measure,
    bar.figure.hardware,
    bar.precision && bar.normalisedUnit !== 'TFLOPS' ? bar.precision : undefined,
    bar.figure.scale,
    bar.derived && l10n.t('derived per node: {0}', bar.derived.arithmetic),
    bar.peak && peakLabel(bar.peak, bar.lowerBound),
    statusWord(bar),
  ].filter(Boolean);
  return l10n.t('Open {0}: {1}', bar.entryName, parts.join(', '));
}

function chartSummary(group: CompareGroup): string {
  const first = group.bars[0];
  const last = group.bars[group.bars.length - 1];
  if (group.bars.length === 1) return l10n.t('{0}, in {1}: 1 figure, {2} ({3}). The table below lists them.', group.title, group.unit, normalisedLabel(first), first.entryName);
  return l10n.t(
    '{0}, in {1}: {2} figures, from {3} ({4}) down to {5} ({6}). The table below lists them.',
    group.title,
    group.unit,
    group.bars.length,
    normalisedLabel(first),
    first.entryName,
    normalisedLabel(last),
    last.entryName,
  );
}

function barRow(bar: CompareBar, i: number, max: number, highlight: boolean, clipId: string): string {
  const y = TOP + i * ROW_HEIGHT;
  const width = max > 0 ? Math.max(2, (bar.normalised / max) * BAR_MAX) : 2;
  const classes = ['bar', bar.status !== 'current' ? 'superseded' : '', bar.origin === 'index' ? 'index' : '', bar.derived ? 'derived' : '', highlight ? 'highlight' : '']
    .filter(Boolean)
    .join(' ');
  const value = valueText(bar);
  const note = noteText(bar);
  const tooltip = [
    `${bar.entryName}: ${statedLabel(bar.figure)}`,
    bar.derived && l10n.t('Derived here, not stated by the source: {0}', bar.derived.arithmetic),
    bar.detail,
    bar.peak && `${peakLabel(bar.peak, bar.lowerBound)} (${bar.peak.basis})`,
  ]
    .filter(Boolean)
    .join('\n');
  const n = (v: number): string => escapeAttribute(Number(v.toFixed(1)));
  // The row draws; the button on top of it takes clicks, keys and focus. It holds no text of its
  // own, so its name (which says all the row shows, and more) is what assistive technology reads,
  // and the drawn text, clipped to fit, is hidden from it.
  return `<g class="${classes.replace(/^bar\b/, 'bar-row')}">
<rect class="bar-bg" x="0" y="${n(y)}" width="${CHART_WIDTH}" height="${ROW_HEIGHT - 4}" rx="3"></rect>
<g aria-hidden="true">
<g clip-path="url(#${escapeAttribute(clipId)})">
<text class="bar-label" x="6" y="${n(y + 17)}">${escapeHtml(clip(bar.label, LABEL_CHARS))}</text>
<text class="bar-detail" x="6" y="${n(y + 34)}">${escapeHtml(clip(bar.detail, DETAIL_CHARS))}</text>
</g>
<rect class="bar-fill" x="${BAR_X}" y="${n(y + 6)}" width="${n(width)}" height="16" rx="2"></rect>
<text class="bar-value" x="${n(BAR_X + width + 6)}" y="${n(y + 19)}">${escapeHtml(value)}</text>
${note ? `<text class="bar-note" x="${BAR_X}" y="${n(y + 36)}">${escapeHtml(note)}</text>` : ''}
</g>
<g class="${classes}" data-action="openEntry" data-entry="${escapeAttribute(bar.entryId)}" data-figure="${escapeAttribute(bar.figureIndex)}" tabindex="0" role="button" aria-label="${escapeAttribute(barAriaLabel(bar))}">
<title>${escapeHtml(tooltip)}</title>
<rect class="bar-hit" x="0" y="${n(y)}" width="${CHART_WIDTH}" height="${ROW_HEIGHT - 4}" rx="3"></rect>
</g>
</g>`;
}

function chart(group: CompareGroup, options: ComparePageOptions): string {
  const max = Math.max(0, ...group.bars.map((b) => b.normalised));
  const height = TOP * 2 + group.bars.length * ROW_HEIGHT - 4;
  const titleId = `${group.id}-chart-title`;
  // The label column is clipped, so that no font can push a label into the bars.
  const clipId = `${group.id}-labels`;
  const rows = group.bars.map((b, i) => barRow(b, i, max, b.entryId === options.highlightEntry, clipId)).join('\n');
  // role="group", not "img": an img's children are presentational, which
  // would hide the focusable bars inside it from assistive technology.
  return `<div class="chart">
<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="group" aria-label="${escapeAttribute(chartSummary(group))}">
<title id="${escapeAttribute(titleId)}">${escapeHtml(l10n.t('{0}, normalised to {1}', group.title, group.unit))}</title>
<defs><clipPath id="${escapeAttribute(clipId)}"><rect x="0" y="0" width="${LABEL_WIDTH}" height="${height}"></rect></clipPath></defs>
<line class="axis" x1="${BAR_X}" y1="0" x2="${BAR_X}" y2="${height}"></line>
${rows}
</svg>
</div>`;
}

function sourceCell(bar: CompareBar): string {
  const origin = bar.origin === 'index' ? l10n.t('Index') : l10n.t('Repository');
  const s = bar.source;
  const link = sourceLink(s);
  const date = s?.date ? ` ${timeHtml(s.date)}` : '';
  const status = bar.status === 'current' ? '' : ` <span class="badge warn">${escapeHtml(bar.status === 'removed' ? l10n.t('Removed') : l10n.t('Superseded'))}</span>`;
  return `<span class="origin">${escapeHtml(origin)}</span>${status}${link ? `<br>${link}` : ''}${date}`;
}

function tableRow(bar: CompareBar, highlight: boolean): string {
  const peak = bar.peak
    ? `${escapeHtml(peakLabel(bar.peak, bar.lowerBound))}<br><span class="basis">${escapeHtml(bar.peak.basis)}</span>`
    : '<span class="none">—</span>';
  const classes = [bar.status !== 'current' ? 'superseded' : '', highlight ? 'highlight' : ''].filter(Boolean).join(' ');
  return `<tr${classes ? ` class="${classes}"` : ''}>
<th scope="row"><button type="button" class="entry-link" data-action="openEntry" data-entry="${escapeAttribute(bar.entryId)}" data-figure="${escapeAttribute(bar.figureIndex)}" aria-label="${escapeAttribute(barAriaLabel(bar))}">${escapeHtml(bar.entryName)}</button></th>
<td>${escapeHtml(statedLabel(bar.figure))}${bar.derived ? `<br><span class="derived-note">${escapeHtml(`derived per node: ${bar.derived.arithmetic}`)}</span>` : ''}</td>
<td class="number">${escapeHtml(normalisedLabel(bar))}</td>
<td>${escapeHtml(bar.measure ?? '')}</td>
<td>${escapeHtml(bar.context)}</td>
<td>${peak}</td>
<td>${sourceCell(bar)}</td>
</tr>`;
}

function table(group: CompareGroup, options: ComparePageOptions): string {
  const head = [l10n.t('Entry'), l10n.t('Figure'), l10n.t('Normalised'), l10n.t('Measures'), l10n.t('Conditions / hardware'), l10n.t('Share of peak'), l10n.t('Source')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const rows = group.bars.map((b) => tableRow(b, b.entryId === options.highlightEntry)).join('\n');
  return `<div class="table-wrap">
<table class="figures">
<caption>${escapeHtml(l10n.t("{0}: the chart's figures, normalised to {1}, largest first", group.title, group.unit))}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}

function groupSection(group: CompareGroup, options: ComparePageOptions): string {
  const id = `group-${group.id}`;
  return `<section id="${escapeAttribute(id)}" class="group" aria-labelledby="${escapeAttribute(`${id}-title`)}">
<h2 id="${escapeAttribute(`${id}-title`)}">${escapeHtml(group.title)} <span class="unit">(${escapeHtml(group.unit)})</span></h2>
${chart(group, options)}
${table(group, options)}
</section>`;
}

export function renderComparePage(groups: readonly CompareGroup[], assets: PageAssets, options: ComparePageOptions = {}): string {
  const charts = groups.length
    ? groups.map((g) => groupSection(g, options)).join('\n')
    : `<p class="empty">${escapeHtml(l10n.t('None of the index’s performance figures are in units that compare.'))}</p>`;
  const body = `${options.roofline ? rooflineSection(options.roofline) : ''}\n${charts}`;
  return htmlDocument(assets, {
    title: l10n.t('Compare figures'),
    bodyAttributes: { class: 'compare-page' },
    announce: options.announce,
    body: `<main aria-labelledby="page-title">
<header>
<h1 id="page-title">${escapeHtml(l10n.t('Compare figures'))}</h1>
<p class="intro">${escapeHtml(l10n.t('Only like figures share a chart: the same kind of unit (bandwidth normalised to GB/s, latency to µs, compute in TFLOPS with one chart per precision), the same scope (per GPU, per node, per client node, or a cluster of one size) and the same GPU generation. Only performance figures are charted; configuration, cost and size figures, and figures in other units (TiB/min, percentages, counts), are in each entry’s panel. A cluster figure whose node count is known is also shown per node, marked as derived. Select a bar or an entry name to open the entry at that figure.'))}</p>
</header>
${body}
</main>`,
  });
}
