// Renders the Show Changes page: what differs between the index in use and
// the one a check found (or the one it replaced), entry by entry, with both
// versions named and dated. Pure, and under the rules of the other pages:
// every text is escaped, links are http(s) only and open through the
// extension, actions are buttons the page script turns into messages.

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
    list('added', `New entries (${diff.added.length})`, diff.added.map((e) => entryLine(e, input.openable))),
    list('removed', `Removed entries (${diff.removed.length})`, diff.removed.map((e) => entryLine(e, new Set()))),
    diff.changed.length ? `<section aria-labelledby="changed-title"><h2 id="changed-title">Changed entries (${diff.changed.length})</h2>${diff.changed.map((c) => changedEntry(c, input.openable)).join('')}</section>` : '',
  ].join('');
  const empty = !diff.added.length && !diff.removed.length && !diff.changed.length;
  const use = input.applied
    ? '<p class="status">The newer version is the index in use. New and changed entries are marked in the tree until you open them.</p>'
    : '<div class="actions" role="toolbar" aria-label="Index actions"><button type="button" class="button primary" data-action="useUpstreamIndex">Use the newer index</button></div>';
  const body = `<main class="changes">
<h1>What changed in the index</h1>
<p class="versions">From ${version(input.before)}<br>to ${version(input.after)}.</p>
${empty ? '<p>Nothing differs: the same entries, figures, links and descriptions.</p>' : use}
${sections}
</main>`;
  return htmlDocument(assets, { title: 'Index Changes', body });
}

function list(id: string, title: string, items: string[]): string {
  if (items.length === 0) return '';
  return `<section aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(title)}</h2><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`;
}

/** The entry's name (a button that opens it, where it can be opened) and what it is. */
function entryName(e: Entry, openable: ReadonlySet<string>): string {
  return openable.has(e.id)
    ? `<button type="button" class="chip" data-action="openEntry" data-entry="${escapeAttribute(e.id)}" aria-label="${escapeAttribute(`Open ${e.name}`)}">${escapeHtml(e.name)}</button>`
    : `<strong>${escapeHtml(e.name)}</strong>`;
}

function entryLine(e: Entry, openable: ReadonlySet<string>): string {
  return `${entryName(e, openable)}${e.description ? ` ${escapeHtml(`— ${e.description}`)}` : ''}`;
}

function changedEntry(c: EntryChange, openable: ReadonlySet<string>): string {
  const items = [
    ...c.figures.map(figureChange),
    ...c.linksAdded.map((l) => `Link added: ${linkText(l)}`),
    ...c.linksRemoved.map((l) => `Link removed: ${escapeHtml(`${l.label} (${l.url})`)}`),
    c.description && `Description: ${escapeHtml(`${quoted(c.description.before)} → ${quoted(c.description.after)}`)}`,
  ].filter((i): i is string => Boolean(i));
  return `<article class="change"><h3>${entryName(c.after, openable)}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></article>`;
}

/** “text”, or (none) for an empty description. */
function quoted(text: string): string {
  return text ? `“${text}”` : '(none)';
}

function figureChange(f: FigureChange): string {
  if (f.before && f.after) return `Figure, ${escapeHtml(f.what)}: <del>${escapeHtml(figureLabel(f.before))}</del> → <ins>${escapeHtml(figureLabel(f.after))}</ins>`;
  if (f.after) return `Figure added, ${escapeHtml(f.what)}: <ins>${escapeHtml(figureLabel(f.after))}</ins>`;
  return `Figure removed, ${escapeHtml(f.what)}: <del>${escapeHtml(figureLabel(f.before!))}</del>`;
}

function linkText(l: Link): string {
  const url = safeHttpUrl(l.url);
  return url ? externalLink(url, l.label) : escapeHtml(`${l.label} (${l.url})`);
}
