// Draws the H800 roofline (roofline.ts) as inline SVG on log-log axes, with a
// table beside it that says the same in words. A figure with a stated
// intensity is a point; one without is a dashed line, because all its source
// fixes is that it lies somewhere on it: a compute rate on a level line right
// of where the memory ceiling reaches it, a bandwidth on a slope parallel to
// the memory ceiling. Labels sit in a column on the right, joined to their
// marks. Under the same rules as compareHtml.ts: every text escaped, nothing inline.

import * as l10n from '@vscode/l10n';
import { figureLabel, sharePercent, statedLabel } from './figureText';
import { escapeAttribute, escapeHtml } from './html';
import { memoryCeiling, type Roofline, type RooflinePoint } from './roofline';
import { sourceLink, timeHtml } from './sourceHtml';
import { convert, formatNumber } from './units';

const WIDTH = 720;
const HEIGHT = 380;
const PLOT_LEFT = 64;
const PLOT_RIGHT = 500;
const PLOT_TOP = 16;
const PLOT_BOTTOM = 330;
const LABEL_X = 516;
const LABEL_GAP = 14;
/** Intensities from 1 to 10,000 FLOP/byte, rates from 10 to 4,000 TFLOPS. */
const X_DECADES = [0, 4] as const;
const Y_MIN = 10;
const Y_MAX = 4000;

const n = (v: number): string => escapeAttribute(Number(v.toFixed(1)));

function xOf(intensity: number): number {
  const t = (Math.log10(intensity) - X_DECADES[0]) / (X_DECADES[1] - X_DECADES[0]);
  return PLOT_LEFT + t * (PLOT_RIGHT - PLOT_LEFT);
}

function yOf(tflops: number): number {
  const t = (Math.log10(tflops) - Math.log10(Y_MIN)) / (Math.log10(Y_MAX) - Math.log10(Y_MIN));
  return PLOT_BOTTOM - t * (PLOT_BOTTOM - PLOT_TOP);
}

const X_MAX = 10 ** X_DECADES[1];

/** "1550 FP8 TFLOPS (FlashMLA)": what a mark is, for its label. */
function markName(p: RooflinePoint): string {
  return `${p.entryName} ${figureLabel(p.figure)}`;
}

function boundText(p: RooflinePoint): string {
  if (!p.bound) return l10n.t('bound not stated');
  const what = p.bound === 'memory' ? l10n.t('memory-bound') : l10n.t('compute-bound');
  return p.boundFrom === 'source' ? l10n.t('{0} (as its source states)', what) : what;
}

function shareText(p: RooflinePoint): string {
  const ceiling = p.ceiling.unit === 'TFLOPS' && p.intensity !== undefined && p.ceiling.id === 'h800-hbm' ? l10n.t('the HBM ceiling at its intensity') : p.ceiling.basis;
  return l10n.t('{0} of {1}', `${sharePercent(p.share)}${p.figure.lowerBound ? '+' : ''}`, ceiling);
}

/** What a mark stands for: the entry, its figure, intensity, bound and share. */
function pointText(p: RooflinePoint): string {
  const where = p.intensity !== undefined ? l10n.t('at {0} FLOP per byte', formatNumber(p.intensity)) : l10n.t('intensity not stated');
  const text = l10n.t('{0}: {1}, {2}, {3}, {4}', p.entryName, statedLabel(p.figure), where, boundText(p), shareText(p));
  return p.figure.removed ? l10n.t('{0}; removed from its source on {1}', text, p.figure.removed.date) : text;
}

export function pointAriaLabel(p: RooflinePoint): string {
  return l10n.t('Open {0}', pointText(p));
}

/** The mark's anchor (where its label's leader starts) and its shape. */
function mark(p: RooflinePoint, r: Roofline): { x: number; y: number; shape: string } | undefined {
  if (p.intensity !== undefined && p.tflops !== undefined) {
    const x = xOf(p.intensity);
    const y = yOf(p.tflops);
    // A compute-bound point is a diamond, a memory-bound one a dot: told apart by shape, not by colour alone.
    const shape =
      p.bound === 'compute'
        ? `<path class="point" d="M${n(x)} ${n(y - 6)}L${n(x + 6)} ${n(y)}L${n(x)} ${n(y + 6)}L${n(x - 6)} ${n(y)}Z"></path>`
        : `<circle class="point" cx="${n(x)}" cy="${n(y)}" r="5"></circle>`;
    return { x, y, shape };
  }
  if (p.figure.unit === 'TFLOPS') {
    // Somewhere right of where the memory ceiling reaches this rate.
    const from = Math.max(1, (p.figure.value * 1000) / r.memory.value);
    const y = yOf(p.figure.value);
    return { x: PLOT_RIGHT, y, shape: `<line class="span" x1="${n(xOf(from))}" y1="${n(y)}" x2="${n(PLOT_RIGHT)}" y2="${n(y)}"></line>` };
  }
  // A bandwidth: the rate is bandwidth × intensity, which runs up to the compute ceiling.
  const gbs = convert(p.figure.value, p.figure.unit, 'GB/s');
  if (gbs === undefined) return undefined;
  const top = r.compute.find((c) => c.precision === p.precision)?.peak.value ?? Math.max(...r.compute.map((c) => c.peak.value));
  const from = Math.max(1, (Y_MIN * 1000) / gbs);
  const to = Math.min(X_MAX, (top * 1000) / gbs);
  const x2 = xOf(to);
  const y2 = yOf((gbs * to) / 1000);
  return { x: x2, y: y2, shape: `<line class="span" x1="${n(xOf(from))}" y1="${n(yOf((gbs * from) / 1000))}" x2="${n(x2)}" y2="${n(y2)}"></line>` };
}

function ceilings(r: Roofline): string {
  const lines: string[] = [];
  const memoryFrom = (Y_MIN * 1000) / r.memory.value;
  const highest = r.compute[r.compute.length - 1];
  // The memory ceiling, up to where the highest compute ceiling meets it.
  const memoryTo = highest?.ridge ?? X_MAX;
  lines.push(`<line class="ceiling memory" x1="${n(xOf(memoryFrom))}" y1="${n(yOf(Y_MIN))}" x2="${n(xOf(memoryTo))}" y2="${n(yOf(memoryCeiling(memoryTo)))}"></line>`);
  lines.push(`<text class="ceiling-label" x="${n(xOf(memoryFrom * 1.6))}" y="${n(yOf(memoryCeiling(memoryFrom * 1.6)) - 8)}">HBM ${escapeHtml(formatNumber(r.memory.value / 1000))} TB/s</text>`);
  for (const c of r.compute) {
    const from = c.ridge ?? 1;
    const y = yOf(c.peak.value);
    lines.push(`<line class="ceiling compute" x1="${n(xOf(from))}" y1="${n(y)}" x2="${n(PLOT_RIGHT)}" y2="${n(y)}"></line>`);
    lines.push(`<text class="ceiling-label" x="${n(PLOT_RIGHT - 4)}" y="${n(y - 5)}" text-anchor="end">${escapeHtml(`${c.precision} ${formatNumber(c.peak.value)} TFLOPS`)}</text>`);
  }
  return lines.join('\n');
}

function axes(): string {
  const out: string[] = [];
  out.push(`<line class="axis" x1="${PLOT_LEFT}" y1="${PLOT_BOTTOM}" x2="${PLOT_RIGHT}" y2="${PLOT_BOTTOM}"></line>`);
  out.push(`<line class="axis" x1="${PLOT_LEFT}" y1="${PLOT_TOP}" x2="${PLOT_LEFT}" y2="${PLOT_BOTTOM}"></line>`);
  for (let d = X_DECADES[0]; d <= X_DECADES[1]; d++) {
    const x = xOf(10 ** d);
    out.push(`<line class="grid" x1="${n(x)}" y1="${PLOT_TOP}" x2="${n(x)}" y2="${PLOT_BOTTOM}"></line>`);
    out.push(`<text class="tick" x="${n(x)}" y="${PLOT_BOTTOM + 16}" text-anchor="middle">${escapeHtml(formatNumber(10 ** d))}</text>`);
  }
  for (const t of [10, 100, 1000]) {
    const y = yOf(t);
    out.push(`<line class="grid" x1="${PLOT_LEFT}" y1="${n(y)}" x2="${PLOT_RIGHT}" y2="${n(y)}"></line>`);
    out.push(`<text class="tick" x="${PLOT_LEFT - 6}" y="${n(y + 4)}" text-anchor="end">${escapeHtml(formatNumber(t))}</text>`);
  }
  out.push(`<text class="axis-title" x="${n((PLOT_LEFT + PLOT_RIGHT) / 2)}" y="${PLOT_BOTTOM + 36}" text-anchor="middle">${escapeHtml(l10n.t('Arithmetic intensity (FLOP per byte of HBM traffic)'))}</text>`);
  out.push(`<text class="axis-title" x="14" y="${n((PLOT_TOP + PLOT_BOTTOM) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${n((PLOT_TOP + PLOT_BOTTOM) / 2)})">TFLOPS</text>`);
  return out.join('\n');
}

/** The marks, each with its label in the right-hand column, pushed apart so that none overlaps. */
function marks(r: Roofline): string {
  const all = [...r.placed, ...r.unplaced]
    .map((p) => ({ p, m: mark(p, r) }))
    .filter((x): x is { p: RooflinePoint; m: { x: number; y: number; shape: string } } => x.m !== undefined)
    .sort((a, b) => a.m.y - b.m.y);
  let lastY = -Infinity;
  return all
    .map(({ p, m }) => {
      const labelY = Math.max(m.y + 4, lastY + LABEL_GAP);
      lastY = labelY;
      const classes = ['mark', p.intensity === undefined ? 'unplaced' : 'placed', p.bound ? `${p.bound}-bound` : ''].filter(Boolean).join(' ');
      // As a chart's bar: the drawing is hidden from assistive technology, and a transparent
      // button over the mark and its label holds the name, the keys and the focus ring.
      return `<g class="${classes.replace(/^mark\b/, 'mark-row')}">
<g aria-hidden="true">
${m.shape}
<line class="leader" x1="${n(m.x)}" y1="${n(m.y)}" x2="${LABEL_X - 4}" y2="${n(labelY - 4)}"></line>
<text class="mark-label" x="${LABEL_X}" y="${n(labelY)}">${escapeHtml(markName(p))}</text>
</g>
<g class="${classes}" data-action="openEntry" data-entry="${escapeAttribute(p.entryId)}" data-figure="${escapeAttribute(p.figureIndex)}" tabindex="0" role="button" aria-label="${escapeAttribute(pointAriaLabel(p))}">
<title>${escapeHtml(pointText(p))}</title>
<circle class="mark-hit" cx="${n(m.x)}" cy="${n(m.y)}" r="8"></circle>
<rect class="mark-hit" x="${LABEL_X - 4}" y="${n(labelY - 12)}" width="${WIDTH - LABEL_X}" height="16" rx="2"></rect>
</g>
</g>`;
    })
    .join('\n');
}

function tableRow(p: RooflinePoint): string {
  const s = p.source;
  const link = sourceLink(s);
  const date = s?.date ? ` ${timeHtml(s.date)}` : '';
  const intensity =
    p.intensity !== undefined
      ? `${escapeHtml(formatNumber(p.intensity))}<br><span class="basis">${escapeHtml(p.intensityBasis ?? '')}</span>`
      : `<span class="none">${escapeHtml(l10n.t('not stated'))}</span>`;
  return `<tr>
<th scope="row"><button type="button" class="entry-link" data-action="openEntry" data-entry="${escapeAttribute(p.entryId)}" data-figure="${escapeAttribute(p.figureIndex)}" aria-label="${escapeAttribute(pointAriaLabel(p))}">${escapeHtml(p.entryName)}</button></th>
<td>${escapeHtml(statedLabel(p.figure))}<br><span class="basis">${escapeHtml(p.figure.measure ?? '')}</span></td>
<td class="number">${intensity}</td>
<td>${escapeHtml(boundText(p))}</td>
<td>${escapeHtml(shareText(p))}</td>
<td>${link}${date}${p.figure.removed ? `<br><span class="badge warn">${escapeHtml(l10n.t('Removed from its source'))}</span> ${timeHtml(p.figure.removed.date)}` : ''}</td>
</tr>`;
}

function summary(r: Roofline): string {
  const placed = r.placed.length;
  const unplaced = r.unplaced.length;
  const ceilings = l10n.t(
    'H800 roofline: HBM ceiling {0} TB/s; {1}.',
    formatNumber(r.memory.value / 1000),
    r.compute.map((c) => l10n.t('{0} ceiling {1} TFLOPS', String(c.precision), formatNumber(c.peak.value))).join(', '),
  );
  const figures =
    placed === 1 ? l10n.t('1 figure with a stated intensity, {0} without.', unplaced) : l10n.t('{0} figures with a stated intensity, {1} without.', placed, unplaced);
  return `${ceilings} ${figures} ${l10n.t('The table below lists them.')}`;
}

/** The roofline section of the Compare page; empty when no figure qualifies. */
export function rooflineSection(r: Roofline): string {
  if (r.placed.length + r.unplaced.length === 0) return '';
  const head = [l10n.t('Entry'), l10n.t('Figure'), l10n.t('Intensity (FLOP/B)'), l10n.t('Bound'), l10n.t('Share of ceiling'), l10n.t('Source')]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  // "295 FLOP per byte (BF16) and 591 FLOP per byte (FP8)", joined through "{0} and {1}" so that a translation words its own "and".
  const ridges = r.compute
    .map((c) => l10n.t('{0} FLOP per byte ({1})', formatNumber(Math.round(c.ridge ?? 0)), String(c.precision)))
    .reduce((list, ridge) => (list ? l10n.t('{0} and {1}', list, ridge) : ridge), '');
  const rows = [...r.placed, ...r.unplaced].map(tableRow).join('\n');
  return `<section id="roofline" class="group roofline" aria-labelledby="roofline-title">
<h2 id="roofline-title">${escapeHtml(l10n.t('H800 roofline'))} <span class="unit">${escapeHtml(l10n.t('(kernel figures, per GPU)'))}</span></h2>
<p class="intro">${escapeHtml(l10n.t('Each kernel figure against the H800’s ceilings: HBM bandwidth, and dense Tensor Core compute at BF16 and FP8. A figure whose source gives the shapes it was measured at is a point, placed by its arithmetic intensity: a diamond where that makes it compute-bound, a dot where it makes it memory-bound. A figure without them is a dashed line: its source fixes only that the point lies somewhere on it.'))} ${escapeHtml(l10n.t('The compute ceilings meet the HBM ceiling at {0}.', ridges))}</p>
<div class="chart">
<svg class="chart-svg roofline-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="group" aria-label="${escapeAttribute(summary(r))}">
<title>${escapeHtml(l10n.t('H800 roofline of the kernel figures'))}</title>
${axes()}
${ceilings(r)}
${marks(r)}
</svg>
</div>
<div class="table-wrap">
<table class="figures">
<caption>${escapeHtml(l10n.t('The roofline’s figures: intensity, bound and share of the ceiling they are read against'))}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</section>`;
}
