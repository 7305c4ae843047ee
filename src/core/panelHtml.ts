// Renders an entry's panel as HTML. Pure: the VS Code layer passes in the
// webview's CSP source, asset URIs and a fresh nonce (see page.ts). Every piece of index
// text goes through escapeHtml/escapeAttribute; the summary's markdown goes
// through the sanitising renderer; the page holds no inline script or
// handler: the page script (src/webview/pageScript.ts) reads data-* attributes and posts messages.

import type { CatalogEntry } from './catalog';
import { entryLink, kindName } from './catalog';
import { figureSeries, type FigureSeries } from './figureHistory';
import { classLabel, figureNumber, scopeLabel, shortFigure, sharePercent, sourceLabel, statedLabel } from './figureText';
import { escapeAttribute, escapeHtml, safeHttpUrl } from './html';
import { githubCloneUrl } from './ids';
import { htmlDocument, type PageAssets } from './page';
import { sourceLink, timeHtml } from './sourceHtml';
import type { Figure, Link, LinkKind } from './model';
import { shareOfPeak } from './peaks';

export interface PageOptions {
  /** Entries related to this one, to show as chips. */
  readonly related?: readonly CatalogEntry[];
  /** The figure to scroll to and highlight, by its position in the entry's figures. */
  readonly highlightFigure?: number;
  /** Offer Clone… (false where Git is not available, as in vscode.dev). */
  readonly canClone?: boolean;
  /** Where the open workspace imports the entry, once a scan has looked. */
  readonly uses?: readonly PageUse[];
}

/** A place in the workspace that imports the entry. */
export interface PageUse {
  /** Relative to its workspace folder. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  /** The import, as written. */
  readonly text: string;
}

/** "Day 1 · Open-Source Week (February 2025)" */
export function entryPlace(item: CatalogEntry): string {
  const period = item.period.when ? `${item.period.title} (${item.period.when})` : item.period.title;
  return item.entry.day !== undefined ? `Day ${item.entry.day} · ${period}` : period;
}


function fact(label: string, value: string | undefined): string {
  return value ? `<div class="fact"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>` : '';
}

function header(item: CatalogEntry, canClone: boolean): string {
  const { entry, data } = item;
  const facts = [
    fact('When', entryPlace(item)),
    fact('Kind', kindName(item.kind)),
    fact('Released', data?.released),
    fact('License', data?.license),
    fact('Languages', data?.languages.join(', ')),
  ].join('');
  const tagline = data?.tagline ?? entry.description;
  return `<header class="entry-header">
<h1 id="entry-name">${escapeHtml(entry.name)}</h1>
${tagline ? `<p class="tagline">${escapeHtml(tagline)}</p>` : ''}
<dl class="facts">${facts}</dl>
${actions(item, canClone)}
</header>`;
}

function actions(item: CatalogEntry, canClone: boolean): string {
  const repo = safeHttpUrl(item.entry.repo);
  const link = entryLink(item);
  const buttons = [
    repo && button('openRepository', 'Open Repository', `Open the ${item.entry.name} repository in the browser`, 'primary'),
    canClone && githubCloneUrl(item.entry.repo) && button('cloneRepository', 'Clone…', `Clone the ${item.entry.name} repository with Git`),
    link && button('copyLink', 'Copy Link', `Copy the link to ${item.entry.name}`),
  ].filter(Boolean);
  return buttons.length ? `<div class="actions" role="toolbar" aria-label="Entry actions">${buttons.join('')}</div>` : '';
}

function button(action: string, label: string, aria: string, variant = 'secondary', extra = ''): string {
  return `<button type="button" class="button ${variant}" data-action="${escapeAttribute(action)}"${extra} aria-label="${escapeAttribute(aria)}">${escapeHtml(label)}</button>`;
}

function summary(item: CatalogEntry): string {
  // Rendered from the data's markdown when the catalog was built (see catalogBuild.ts).
  const body = item.summaryHtml ?? (item.entry.description ? `<p>${escapeHtml(item.entry.description)}</p>` : '');
  return body ? section('summary', 'Summary', `<div class="markdown">${body}</div>`) : '';
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

function sourceLine(f: Figure): string {
  const s = f.source;
  if (!s) return '';
  return `<p class="source">Source: ${sourceLink(s)}${s.date ? ` · ${timeHtml(s.date)}` : ''}</p>`;
}

function peakBar(f: Figure): string {
  const share = shareOfPeak(f);
  if (!share) return '';
  const shown = Math.min(100, Math.max(0, share.share * 100));
  const label = `${sharePercent(share.share)} of peak`;
  return `<div class="peak">
<progress class="peak-bar" max="100" value="${escapeAttribute(shown.toFixed(1))}" aria-label="${escapeAttribute(`${label}: ${share.peak.basis}`)}"></progress>
<p class="peak-text"><strong>${escapeHtml(label)}</strong> · ${escapeHtml(share.peak.basis)}</p>
</div>`;
}

function compareLine(f: Figure): string {
  if (f.newer) {
    const n = f.newer;
    return `<p class="newer"><span class="badge warn">Newer figure</span> ${escapeHtml(shortFigure(f))} → <strong>${escapeHtml(shortFigure(n))}</strong>${
      n.source?.date ? ` (${escapeHtml(n.source.date)}, ${escapeHtml(n.source.repo)})` : ''
    }</p>`;
  }
  if (f.replaces) {
    const o = f.replaces;
    return `<p class="newer"><span class="badge">Newer than the index</span> index: ${escapeHtml(shortFigure(o))}${
      o.source?.date ? ` (${escapeHtml(o.source.date)})` : ''
    } → ${escapeHtml(shortFigure(f))}</p>`;
  }
  return '';
}

/** One line of text that copies a figure with its source. */
export function figureCitation(item: CatalogEntry, f: Figure): string {
  const detail = [f.measure, f.precision && f.unit !== 'TFLOPS' ? f.precision : undefined, f.hardware, f.scale, f.conditions]
    .filter(Boolean)
    .join('; ');
  const source = f.source ? ` Source: ${f.source.url || sourceLabel(f.source)}${f.source.date ? ` (${f.source.date})` : ''}` : '';
  return `${item.entry.name}: ${statedLabel(f)}${detail ? ` (${detail})` : ''}.${source}`;
}

function figureCard(f: Figure, i: number, highlight: boolean): string {
  const value = `${f.qualifier ? `<span class="qualifier">${escapeHtml(f.qualifier)}</span> ` : ''}<span class="number">${escapeHtml(figureNumber(f))}</span> <span class="unit">${escapeHtml(f.unit)}</span>`;
  const tags = [
    f.origin === 'index' ? '<span class="badge">Index</span>' : '<span class="badge">Primary source</span>',
    f.precision ? `<span class="badge">${escapeHtml(f.precision)}</span>` : '',
    // Only a figure that is not of performance says what it is instead: a setting, a size, a cost.
    f.class && f.class !== 'performance' ? `<span class="badge">${escapeHtml(classLabel(f.class))}</span>` : '',
    f.status === 'superseded' ? '<span class="badge warn">Superseded</span>' : '',
  ].join('');
  const details = [
    fact('Measures', f.measure),
    fact('Of', scopeLabel(f.scope, f.nodes)),
    fact('Hardware', f.hardware),
    fact('Scale', f.scale),
    fact('Conditions', f.conditions),
  ].join('');
  const aria = `${statedLabel(f)}${f.measure ? `, ${f.measure}` : ''}`;
  return `<article class="card${highlight ? ' highlight' : ''}" id="figure-${i}" data-figure="${i}" tabindex="-1" aria-label="${escapeAttribute(aria)}">
<div class="card-top"><div class="value">${value}</div><div class="tags">${tags}</div></div>
<dl class="card-details">${details}</dl>
${peakBar(f)}${compareLine(f)}${sourceLine(f)}
${button('copyFigure', 'Copy', `Copy ${aria} with its source`, 'icon', ` data-figure="${i}"`)}
</article>`;
}

function figures(item: CatalogEntry, highlight: number | undefined): string {
  if (item.figures.length === 0) return '';
  // Cards keep their position in item.figures as their number, for copy and highlight.
  const group = (origin: 'index' | 'repository', title: string): string => {
    const cards = item.figures
      .map((f, i) => (f.origin === origin || (origin === 'repository' && f.origin === undefined) ? figureCard(f, i, i === highlight) : ''))
      .filter(Boolean);
    return cards.length ? `<h3>${escapeHtml(title)}</h3><div class="cards">${cards.join('\n')}</div>` : '';
  };
  return section('figures', 'Figures', group('index', 'As the index states them') + group('repository', 'From primary sources: the project’s repository, documents or paper'));
}

/** "+13.8%", "−52.8%" */
function changeText(change: number): string {
  const percent = `${Math.abs(change * 100).toFixed(1)}%`;
  return change >= 0 ? `+${percent}` : `−${percent}`;
}

function seriesTable(series: FigureSeries, i: number): string {
  const first = series.points[0].figure;
  const last = series.points[series.points.length - 1].figure;
  const title = series.measure ?? first.measure ?? 'Figure';
  const headingId = `history-${i}-title`;
  const rows = series.points
    .map((p) => {
      const f = p.figure;
      const source = sourceLink(f.source);
      const status = f.status === 'superseded' ? '<span class="badge warn">Superseded</span>' : '<span class="badge">Current</span>';
      return `<tr>
<td>${p.date ? timeHtml(p.date) : '<span class="none">not dated</span>'}</td>
<th scope="row"><button type="button" class="figure-link" data-action="showFigure" data-figure="${escapeAttribute(p.index)}" aria-label="${escapeAttribute(`Show the card of ${statedLabel(f)}${p.date ? ` of ${p.date}` : ''}`)}">${escapeHtml(statedLabel(f))}</button></th>
<td>${escapeHtml(f.origin === 'index' ? 'Index' : 'Primary source')}${f.origin === 'index' ? '' : ` ${status}`}</td>
<td>${source}</td>
</tr>`;
    })
    .join('\n');
  const change = series.change !== undefined ? ` (${changeText(series.change)})` : '';
  return `<div class="history">
<h3 id="${headingId}">${escapeHtml(title)}</h3>
<p class="history-summary">${escapeHtml(`${shortFigure(first)} → ${shortFigure(last)}${change}, over ${series.points.length} statements`)}</p>
<div class="table-wrap"><table class="figures" aria-labelledby="${headingId}">
<thead><tr><th scope="col">Stated</th><th scope="col">Figure</th><th scope="col">Where</th><th scope="col">Source</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</div>`;
}

/** The figures whose values changed over time, each series oldest first, with dates and sources. */
function history(item: CatalogEntry): string {
  const series = figureSeries(item);
  if (series.length === 0) return '';
  return section('history', 'Figure history', series.map(seriesTable).join('\n'));
}

function features(item: CatalogEntry): string {
  const list = [...item.entry.features];
  if (list.length === 0) return '';
  return section('features', 'Features', `<ul class="features">${list.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`);
}

const LINK_KIND_LABELS: Readonly<Record<LinkKind, string>> = {
  repo: 'Repository',
  paper: 'Paper',
  doc: 'Deep dive',
  translation: 'Other language',
  image: 'Figure',
  other: 'Link',
};

/** How a link reads on the page: "arXiv" and "DOI" for papers, else its label. */
export function linkLabel(l: Link): string {
  if (l.kind === 'paper') {
    if (/arxiv\.org/.test(l.url)) return 'arXiv';
    if (/doi/.test(l.url)) return 'DOI';
  }
  return l.label || l.url;
}

function links(item: CatalogEntry): string {
  const rows = item.entry.links
    .map((l) => ({ ...l, url: safeHttpUrl(l.url) }))
    .filter((l): l is Link => !!l.url)
    .map(
      (l) =>
        `<li><span class="link-kind">${escapeHtml(LINK_KIND_LABELS[l.kind])}</span> <a class="external" href="${escapeAttribute(l.url)}" title="${escapeAttribute(l.url)}" aria-label="${escapeAttribute(`${LINK_KIND_LABELS[l.kind]}: ${linkLabel(l)} (opens in the browser)`)}">${escapeHtml(linkLabel(l))}</a> <span class="url">${escapeHtml(l.url)}</span></li>`,
    );
  return rows.length ? section('links', 'Links', `<ul class="links">${rows.join('')}</ul>`) : '';
}

/** Where the workspace imports the entry; each place opens its file at the line. */
function usedHere(item: CatalogEntry, uses: readonly PageUse[] | undefined): string {
  if (!uses?.length) return '';
  const rows = uses
    .map(
      (u, i) =>
        `<li><button type="button" class="figure-link" data-action="openUse" data-use="${i}" aria-label="${escapeAttribute(`Open ${u.path} at line ${u.line}`)}">${escapeHtml(`${u.path}:${u.line}`)}</button> <code>${escapeHtml(u.text)}</code></li>`,
    )
    .join('');
  return section('used-here', 'Used in this workspace', `<p class="history-summary">${escapeHtml(`${item.entry.name} is imported in ${uses.length} place${uses.length === 1 ? '' : 's'}.`)}</p><ul class="uses">${rows}</ul>`);
}

function related(entries: readonly CatalogEntry[] | undefined): string {
  if (!entries?.length) return '';
  const chips = entries
    .map(
      (r) =>
        `<button type="button" class="chip" data-action="openEntry" data-entry="${escapeAttribute(r.entry.id)}" aria-label="${escapeAttribute(`Open ${r.entry.name}`)}">${escapeHtml(r.entry.name)}</button>`,
    )
    .join('');
  return section('related', 'Related entries', `<div class="chips">${chips}</div>`);
}

export function renderEntryPage(item: CatalogEntry, assets: PageAssets, options: PageOptions = {}): string {
  return htmlDocument(assets, {
    title: item.entry.name,
    bodyAttributes: { 'data-entry-id': item.entry.id, 'data-highlight': options.highlightFigure },
    body: `<main aria-labelledby="entry-name">
${header(item, options.canClone ?? false)}
${summary(item)}
${figures(item, options.highlightFigure)}
${history(item)}
${usedHere(item, options.uses)}
${features(item)}
${links(item)}
${related(options.related)}
</main>`,
  });
}
