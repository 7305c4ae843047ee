// Renders the Show Changes page: what differs between the index in use and
// the one a check found (or the one it replaced), entry by entry, with both
// versions named and dated. Pure, and under the rules of the other pages:
// every text is escaped, links are http(s) only and open through the
// extension, actions are buttons the page script turns into messages.

import * as l10n from '@vscode/l10n';
import { figureLabel } from './figureText';
import { escapeAttribute, escapeHtml, externalLink, safeHttpUrl } from './html';
import type { EntryChange, FigureChange, IndexDiff } from './indexDiff';
import type { Entry, Link } from './model';
import { htmlDocument, type PageAssets } from './page';

export interface ChangesPageInput {
  readonly diff: IndexDiff;
  readonly before: { readonly name: string; readonly date: string };
  readonly after: { readonly name: string; readonly date: string };
  /** Whether the newer version is in use already; if not, the page offers to use it. */
  readonly applied: boolean;
  /** Entries that exist in the index in use, and so can be opened. */
  readonly openable: ReadonlySet<string>;
}

/** "2026-12-01T14:05:09.000Z" → "2026-12-01 14:05 UTC"; a plain date stays as it is. */
export function readableDate(date: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(date);
  return m ? `${m[1]} ${m[2]} UTC` : date;
}

export function renderChangesPage(input: ChangesPageInput, assets: PageAssets): string {
  const { diff } = input;
  const version = (v: ChangesPageInput['before']) => `<strong>${escapeHtml(v.name)}</strong>, ${escapeHtml(readableDate(v.date))}`;
  const sections = [
    list('added', l10n.t('New entries ({0})', diff.added.length), diff.added.map((e) => entryLine(e, input.openable))),
    list('removed', l10n.t('Removed entries ({0})', diff.removed.length), diff.removed.map((e) => entryLine(e, new Set()))),
    diff.changed.length
      ? `<section aria-labelledby="changed-title"><h2 id="changed-title">${escapeHtml(l10n.t('Changed entries ({0})', diff.changed.length))}</h2>${diff.changed.map((c) => changedEntry(c, input.openable)).join('')}</section>`
      : '',
  ].join('');
  const empty = !diff.added.length && !diff.removed.length && !diff.changed.length;
  const use = input.applied
    ? `<p class="status">${escapeHtml(l10n.t('The newer version is the index in use. New and changed entries are marked in the tree until you open them.'))}</p>`
    : `<div class="actions" role="toolbar" aria-label="${escapeAttribute(l10n.t('Index actions'))}"><button type="button" class="button primary" data-action="useUpstreamIndex">${escapeHtml(l10n.t('Use the newer index'))}</button></div>`;
  const body = `<main class="changes">
<h1>${escapeHtml(l10n.t('What changed in the index'))}</h1>
<p class="versions">${withHtml(l10n.t('From {0}'), version(input.before))}<br>${withHtml(l10n.t('to {0}.'), version(input.after))}</p>
${empty ? `<p>${escapeHtml(l10n.t('Nothing differs: the same entries, figures, links and descriptions.'))}</p>` : use}
${sections}
</main>`;
  return htmlDocument(assets, { title: l10n.t('Index Changes'), body });
}

/**
 * A translated sentence, escaped, with HTML fragments (escaped already) put in
 * at its {0}, {1}…: for text around markup, which l10n.t cannot escape.
 */
function withHtml(sentence: string, ...fragments: string[]): string {
  return escapeHtml(sentence).replace(/\{(\d+)\}/g, (placeholder, i: string) => fragments[Number(i)] ?? placeholder);
}

function list(id: string, title: string, items: string[]): string {
  if (items.length === 0) return '';
  return `<section aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}

/** The entry's name (a button that opens it, where it can be opened) and what it is. */
function entryName(e: Entry, openable: ReadonlySet<string>): string {
  return openable.has(e.id)
    ? `<button type="button" class="chip" data-action="openEntry" data-entry="${escapeAttribute(e.id)}" aria-label="${escapeAttribute(l10n.t('Open {0}', e.name))}">${escapeHtml(e.name)}</button>`
    : `<strong>${escapeHtml(e.name)}</strong>`;
}

function entryLine(e: Entry, openable: ReadonlySet<string>): string {
  return `${entryName(e, openable)}${e.description ? ` ${escapeHtml(`— ${e.description}`)}` : ''}`;
}

function changedEntry(c: EntryChange, openable: ReadonlySet<string>): string {
  const items = [
    ...c.figures.map(figureChange),
    ...c.linksAdded.map((l) => withHtml(l10n.t('Link added: {0}'), linkText(l))),
    ...c.linksRemoved.map((l) => escapeHtml(l10n.t('Link removed: {0}', `${l.label} (${l.url})`))),
    c.description && escapeHtml(l10n.t('Description: {0} → {1}', quoted(c.description.before), quoted(c.description.after))),
  ].filter((i): i is string => Boolean(i));
  return `<article class="change"><h3>${entryName(c.after, openable)}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></article>`;
}

/** “text”, or (none) for an empty description. */
function quoted(text: string): string {
  return text ? `“${text}”` : l10n.t('(none)');
}

function figureChange(f: FigureChange): string {
  if (f.before && f.after) {
    return withHtml(l10n.t('Figure, {0}: {1} → {2}'), escapeHtml(f.what), `<del>${escapeHtml(figureLabel(f.before))}</del>`, `<ins>${escapeHtml(figureLabel(f.after))}</ins>`);
  }
  if (f.after) return withHtml(l10n.t('Figure added, {0}: {1}'), escapeHtml(f.what), `<ins>${escapeHtml(figureLabel(f.after))}</ins>`);
  return withHtml(l10n.t('Figure removed, {0}: {1}'), escapeHtml(f.what), `<del>${escapeHtml(figureLabel(f.before!))}</del>`);
}

function linkText(l: Link): string {
  const url = safeHttpUrl(l.url);
  return url ? externalLink(url, l.label) : escapeHtml(`${l.label} (${l.url})`);
}
