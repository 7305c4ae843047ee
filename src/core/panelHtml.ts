// Renders an entry's panel as HTML. Pure: the VS Code layer passes in the
// webview's CSP source, asset URIs and a fresh nonce (see page.ts). Every piece of index
// text goes through escapeHtml/escapeAttribute; the summary's markdown goes
// through the sanitising renderer; the page holds no inline script or
// handler: the page script (src/webview/pageScript.ts) reads data-* attributes and posts messages.

import * as l10n from '@vscode/l10n';
import type { CatalogEntry } from './catalog';
import { entryLink, kindName } from './catalog';
import { periodWhen, summaryHtmlOf, taglineOf } from './displayLocale';
import { figureSeries, type FigureSeries } from './figureHistory';
import { classLabel, figureNumber, scopeLabel, shortFigure, sharePercent, sourceLabel, statedLabel } from './figureText';
import { escapeAttribute, escapeHtml, externalLink, safeHttpUrl } from './html';
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
  /** What changed, for a page drawn again: its live region says it. */
  readonly announce?: string;
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
  const when = periodWhen(item.period);
  const period = when ? `${item.period.title} (${when})` : item.period.title;
  return item.entry.day !== undefined ? l10n.t('Day {0} · {1}', item.entry.day, period) : period;
}


function fact(label: string, value: string | undefined): string {
  return value ? `<div class="fact"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>` : '';
}

function header(item: CatalogEntry, canClone: boolean): string {
  const { entry, data } = item;
  const facts = [
    fact(l10n.t('When'), entryPlace(item)),
    fact(l10n.t('Kind'), kindName(item.kind)),
    fact(l10n.t('Released'), data?.released),
    fact(l10n.t('License'), data?.license),
    fact(l10n.t('Languages'), data?.languages.join(', ')),
  ].join('');
  const tagline = taglineOf(item);
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
    // Each name starts with the button's own words, then says what it acts on.
    repo && button('openRepository', l10n.t('Open Repository'), l10n.t('{0} ({1})', l10n.t('Open Repository'), l10n.t('the {0} repository, in the browser', item.entry.name)), 'primary'),
    canClone &&
      githubCloneUrl(item.entry.repo) &&
      button('cloneRepository', l10n.t('Clone…'), l10n.t('{0} ({1})', l10n.t('Clone…'), l10n.t('the {0} repository, with Git', item.entry.name))),
    link && button('copyLink', l10n.t('Copy Link'), l10n.t('{0} ({1})', l10n.t('Copy Link'), l10n.t('the link to {0}', item.entry.name))),
  ].filter(Boolean);
  return buttons.length ? `<div class="actions" role="toolbar" aria-label="${escapeAttribute(l10n.t('Entry actions'))}">${buttons.join('')}</div>` : '';
}

function button(action: string, label: string, aria: string, variant = 'secondary', extra = ''): string {
  return `<button type="button" class="button ${variant}" data-action="${escapeAttribute(action)}"${extra} aria-label="${escapeAttribute(aria)}">${escapeHtml(label)}</button>`;
}

function summary(item: CatalogEntry): string {
  // Rendered from the data's markdown when the catalog was built (see catalogBuild.ts).
  const body = summaryHtmlOf(item) ?? (item.entry.description ? `<p>${escapeHtml(item.entry.description)}</p>` : '');
  return body ? section('summary', l10n.t('Summary'), `<div class="markdown">${body}</div>`) : '';
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2>${body}</section>`;
}

function sourceLine(f: Figure): string {
  const s = f.source;
  if (!s) return '';
  const source = `<p class="source">${escapeHtml(l10n.t('Source:'))} ${sourceLink(s)}${s.date ? ` · ${escapeHtml(l10n.t('first published'))} ${timeHtml(s.date)}` : ''}</p>`;
  // A figure its source has dropped: shown as last published, with the commit that dropped it.
  const removed = f.removed
    ? `<p class="source removed">${escapeHtml(l10n.t('Removed from its source by'))} ${externalLink(safeHttpUrl(f.removed.url), f.removed.commit.slice(0, 7))} · ${timeHtml(f.removed.date)}</p>`
    : '';
  return source + removed;
}

function peakBar(f: Figure): string {
  const share = shareOfPeak(f);
  if (!share) return '';
  const shown = Math.min(100, Math.max(0, share.share * 100));
  const label = l10n.t('{0} of peak', sharePercent(share.share));
  return `<div class="peak">
<progress class="peak-bar" max="100" value="${escapeAttribute(shown.toFixed(1))}" aria-label="${escapeAttribute(`${label}: ${share.peak.basis}`)}"></progress>
<p class="peak-text"><strong>${escapeHtml(label)}</strong> · ${escapeHtml(share.peak.basis)}</p>
</div>`;
}

function compareLine(f: Figure): string {
  if (f.newer) {
    const n = f.newer;
    return `<p class="newer"><span class="badge warn">${escapeHtml(l10n.t('Newer figure'))}</span> ${escapeHtml(shortFigure(f))} → <strong>${escapeHtml(shortFigure(n))}</strong>${
      n.source?.date ? ` (${escapeHtml(n.source.date)}, ${escapeHtml(n.source.repo)})` : ''
    }</p>`;
  }
  if (f.replaces) {
    const o = f.replaces;
    return `<p class="newer"><span class="badge">${escapeHtml(l10n.t('Newer than the index'))}</span> ${escapeHtml(l10n.t('index: {0}', shortFigure(o)))}${
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
    `<span class="badge">${escapeHtml(f.origin === 'index' ? l10n.t('Index') : l10n.t('Primary source'))}</span>`,
    f.precision ? `<span class="badge">${escapeHtml(f.precision)}</span>` : '',
    // Only a figure that is not of performance says what it is instead: a setting, a size, a cost.
    f.class && f.class !== 'performance' ? `<span class="badge">${escapeHtml(classLabel(f.class))}</span>` : '',
    f.status === 'superseded' ? `<span class="badge warn">${escapeHtml(l10n.t('Superseded'))}</span>` : '',
    f.status === 'removed' ? `<span class="badge warn">${escapeHtml(l10n.t('Removed from its source'))}</span>` : '',
  ].join('');
  const details = [
    fact(l10n.t('Measures'), f.measure),
    fact(l10n.t('Of'), scopeLabel(f.scope, f.nodes)),
    fact(l10n.t('Hardware'), f.hardware),
    fact(l10n.t('Scale'), f.scale),
    fact(l10n.t('Conditions'), f.conditions),
  ].join('');
  const aria = `${statedLabel(f)}${f.measure ? `, ${f.measure}` : ''}`;
  return `<article class="card${highlight ? ' highlight' : ''}" id="figure-${i}" data-figure="${i}" tabindex="-1" aria-label="${escapeAttribute(aria)}">
<div class="card-top"><div class="value">${value}</div><div class="tags">${tags}</div></div>
<dl class="card-details">${details}</dl>
${peakBar(f)}${compareLine(f)}${sourceLine(f)}
${button('copyFigure', l10n.t('Copy'), l10n.t('Copy {0} with its source', aria), 'icon', ` data-figure="${i}"`)}
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
  return section('figures', l10n.t('Figures'), group('index', l10n.t('As the index states them')) + group('repository', l10n.t('From primary sources: the project’s repository, documents or paper')));
}

/** "+13.8%", "−52.8%" */
function changeText(change: number): string {
  const percent = `${Math.abs(change * 100).toFixed(1)}%`;
  return change >= 0 ? `+${percent}` : `−${percent}`;
}

function seriesTable(series: FigureSeries, i: number): string {
  const first = series.points[0].figure;
  const last = series.points[series.points.length - 1].figure;
  const title = series.measure ?? first.measure ?? l10n.t('Figure');
  const headingId = `history-${i}-title`;
  const rows = series.points
    .map((p) => {
      const f = p.figure;
      const source = sourceLink(f.source);
      const status =
        f.status === 'superseded'
          ? `<span class="badge warn">${escapeHtml(l10n.t('Superseded'))}</span>`
          : f.status === 'removed'
            ? `<span class="badge warn">${escapeHtml(l10n.t('Removed from its source'))}</span>`
            : `<span class="badge">${escapeHtml(l10n.t('Current'))}</span>`;
      return `<tr>
<td>${p.date ? timeHtml(p.date) : '<span class="none">not dated</span>'}</td>
<th scope="row"><button type="button" class="figure-link" data-action="showFigure" data-figure="${escapeAttribute(p.index)}" aria-label="${escapeAttribute(p.date ? l10n.t('Show the card of {0} of {1}', statedLabel(f), p.date) : l10n.t('Show the card of {0}', statedLabel(f)))}">${escapeHtml(statedLabel(f))}</button></th>
<td>${escapeHtml(f.origin === 'index' ? l10n.t('Index') : l10n.t('Primary source'))}${f.origin === 'index' ? '' : ` ${status}`}</td>
<td>${source}</td>
</tr>`;
    })
    .join('\n');
  const change = series.change !== undefined ? ` (${changeText(series.change)})` : '';
  return `<div class="history">
<h3 id="${headingId}">${escapeHtml(title)}</h3>
<p class="history-summary">${escapeHtml(l10n.t('{0} → {1}{2}, over {3} statements', shortFigure(first), shortFigure(last), change, series.points.length))}</p>
<div class="table-wrap"><table class="figures" aria-labelledby="${headingId}">
<thead><tr>${[l10n.t('Stated'), l10n.t('Figure'), l10n.t('Where'), l10n.t('Source')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
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
  return section('history', l10n.t('Figure history'), series.map(seriesTable).join('\n'));
}

function features(item: CatalogEntry): string {
  const list = [...item.entry.features];
  if (list.length === 0) return '';
  return section('features', l10n.t('Features'), `<ul class="features">${list.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`);
}

/** What a link is, in the display language. */
function linkKindLabel(kind: LinkKind): string {
  switch (kind) {
    case 'repo':
      return l10n.t('Repository');
    case 'paper':
      return l10n.t('Paper');
    case 'doc':
      return l10n.t('Deep dive');
    case 'translation':
      return l10n.t('Other language');
    case 'image':
      return l10n.t('Figure');
    default:
      return l10n.t('Link');
  }
}

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
        `<li><span class="link-kind">${escapeHtml(linkKindLabel(l.kind))}</span> <a class="external" href="${escapeAttribute(l.url)}" title="${escapeAttribute(l.url)}" aria-label="${escapeAttribute(l10n.t('{0}: {1} (opens in the browser)', linkKindLabel(l.kind), linkLabel(l)))}">${escapeHtml(linkLabel(l))}</a> <span class="url">${escapeHtml(l.url)}</span></li>`,
    );
  return rows.length ? section('links', l10n.t('Links'), `<ul class="links">${rows.join('')}</ul>`) : '';
}

/** Where the workspace imports the entry; each place opens its file at the line. */
function usedHere(item: CatalogEntry, uses: readonly PageUse[] | undefined): string {
  if (!uses?.length) return '';
  const rows = uses
    .map(
      (u, i) =>
        `<li><button type="button" class="figure-link" data-action="openUse" data-use="${i}" aria-label="${escapeAttribute(l10n.t('Open {0} at line {1}', u.path, u.line))}">${escapeHtml(`${u.path}:${u.line}`)}</button> <code>${escapeHtml(u.text)}</code></li>`,
    )
    .join('');
  const count = uses.length === 1 ? l10n.t('{0} is imported in 1 place.', item.entry.name) : l10n.t('{0} is imported in {1} places.', item.entry.name, uses.length);
  return section('used-here', l10n.t('Used in this workspace'), `<p class="history-summary">${escapeHtml(count)}</p><ul class="uses">${rows}</ul>`);
}

function related(entries: readonly CatalogEntry[] | undefined): string {
  if (!entries?.length) return '';
  const chips = entries
    .map(
      (r) =>
        `<button type="button" class="chip" data-action="openEntry" data-entry="${escapeAttribute(r.entry.id)}" aria-label="${escapeAttribute(l10n.t('Open {0}', r.entry.name))}">${escapeHtml(r.entry.name)}</button>`,
    )
    .join('');
  return section('related', l10n.t('Related entries'), `<div class="chips">${chips}</div>`);
}

export function renderEntryPage(item: CatalogEntry, assets: PageAssets, options: PageOptions = {}): string {
  return htmlDocument(assets, {
    title: item.entry.name,
    bodyAttributes: { 'data-entry-id': item.entry.id, 'data-highlight': options.highlightFigure },
    announce: options.announce,
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

/**
 * The page of an open panel whose entry the index in use no longer has
 * (another index was chosen, or an update removed it): it says so, rather than
 * showing buttons that can no longer act. `source` names the index in use;
 * with `announce`, the page's live region says so too.
 */
export function renderMissingEntryPage(name: string, source: string, assets: PageAssets, announce = false): string {
  const missing = l10n.t('{0} is not in the index in use ({1}).', name, source);
  return htmlDocument(assets, {
    title: name,
    announce: announce ? missing : undefined,
    body: `<main aria-labelledby="entry-name">
<header class="entry-header">
<h1 id="entry-name">${escapeHtml(name)}</h1>
</header>
<p class="empty">${escapeHtml(missing)}</p>
<p>${escapeHtml(l10n.t('This page shows it again when an index that has it is in use: Use Bundled Index goes back to the one that ships with the extension.'))}</p>
</main>`,
  });
}
