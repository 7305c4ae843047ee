// The language-model tools (issue 15), without VS Code: the four tools chat
// agents call through vscode.lm.registerTool, as pure functions of the
// catalog in use and their checked input (agentToolInput.ts). They read only
// the loaded catalog, never the network, and say only what the index says: an
// entry or a criterion that is not there gets "not in the index" and the
// nearest that are. Every result starts with the index it comes from, keeps to
// RESULT_BUDGET characters, most relevant first, and says how many it left
// out. Figures compare only as the Compare Figures view compares them
// (compareGroups). The results are English text for the model (see
// agentToolText.ts); the invocation messages, which the user sees, are in the
// display language.

import * as l10n from '@vscode/l10n';
import { checkToolInput, isToolName, type CompareFiguresInput, type FindEntriesInput, type FindFiguresInput, type GetEntryInput, type ToolInputs, type ToolName } from './agentToolInput';
import {
  barLine,
  boundedLines,
  clip,
  compact,
  figureLine,
  groupTitle,
  kindText,
  leftOutLine,
  nearest,
  nearText,
  notInIndex,
  RESULT_BUDGET,
  supersession,
} from './agentToolText';
import { entryLink, relatedEntries, type Catalog, type CatalogEntry } from './catalog';
import { compareGroups, type CompareBar, type CompareGroup } from './compare';
import { shortFigure } from './figureText';
import { headlineFigures } from './headlines';
import { isCurrent, type Figure } from './model';
import { entryDocs, figureDoc, figureRefs, normalize, search, type FigureRef } from './search';
import { canonicalUnit, unitInfo } from './units';

export { RESULT_BUDGET } from './agentToolText';

/** What every tool reads. */
export interface ToolContext {
  readonly catalog: Catalog;
  /** Which index is in use, in words, for the first line of every result: "bundled Open Infra Index README (deepseek-ai/open-infra-index @ 56d8685…)". */
  readonly indexLabel: string;
}

export interface ToolResult {
  readonly text: string;
}

/** Each tool's default `limit` (the schemas' maxima are in package.json). */
export const DEFAULT_LIMITS = { entries: 8, figures: 20, perGroup: 10 } as const;

function header(ctx: ToolContext): string {
  return `Index in use: ${clip(ctx.indexLabel, 300)}. Only what this index states; nothing was looked up online.`;
}

/**
 * A result's text: one line per item. Index text may be hostile, so a line
 * break (or any control character) inside what it states becomes a space: it
 * can never start a line of its own that reads as a figure with a source.
 */
function joined(lines: readonly string[]): ToolResult {
  return { text: lines.map((l) => l.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')).join('\n') };
}

/** An entry by its id or name, whatever the case, spaces and hyphens. */
export function resolveEntry(catalog: Catalog, wanted: string): CatalogEntry | undefined {
  const exact = catalog.get(wanted.trim()) ?? catalog.get(wanted.trim().toLowerCase());
  if (exact) return exact;
  const want = compact(wanted);
  return want ? catalog.entries.find((e) => compact(e.entry.id) === want || compact(e.entry.name) === want) : undefined;
}

function entryName(e: CatalogEntry): string {
  return `${e.entry.name} [${e.entry.id}]`;
}

/** The up to three entries nearest to a name that is not in the index: search hits, else names a few edits away. */
export function nearestEntries(catalog: Catalog, wanted: string): CatalogEntry[] {
  const hits = search(wanted, entryDocs(catalog));
  if (hits.length > 0 && normalize(wanted)) return hits.slice(0, 3).map((h) => h.item);
  const byName = new Map<string, CatalogEntry>();
  for (const e of catalog.entries) {
    if (!byName.has(e.entry.name)) byName.set(e.entry.name, e);
    if (!byName.has(e.entry.id)) byName.set(e.entry.id, e);
  }
  return [...new Set(nearest(wanted, [...byName.keys()], 6).map((n) => byName.get(n) as CatalogEntry))].slice(0, 3);
}

function entryNotInIndex(catalog: Catalog, wanted: string): string {
  return notInIndex('The entry', wanted, nearestEntries(catalog, wanted).map(entryName));
}

/** "Day 1, 202502 Open-Source Week · released 2025-02-24" */
function placeText(e: CatalogEntry): string {
  const place = e.entry.day !== undefined ? `Day ${e.entry.day}, ${e.period.heading}` : e.period.heading;
  return [place, e.data?.released && `released ${e.data.released}`].filter(Boolean).join(' · ');
}

function entryLine(e: CatalogEntry): string {
  const headline = headlineFigures(e.figures, e.data).slice(0, 3).map(shortFigure).join(', ');
  const parts = [kindText(e), placeText(e), entryLink(e), headline && `headline figures: ${headline}`];
  return clip(`- ${entryName(e)} · ${parts.filter(Boolean).join(' · ')} — ${e.data?.tagline ?? e.entry.description}`);
}

/** Tool 1: the entries that match a query, best first. */
export function findEntries(ctx: ToolContext, input: FindEntriesInput): ToolResult {
  const limit = input.limit ?? DEFAULT_LIMITS.entries;
  const query = input.query.trim();
  const hits = search(query, entryDocs(ctx.catalog)).map((h) => h.item);
  const head = header(ctx);
  if (hits.length === 0) {
    return joined([head, `No entry in the index matches “${clip(query, 200)}”. ${nearText(nearestEntries(ctx.catalog, query).map(entryName))}`]);
  }
  const what = query ? `Entries matching “${query}”: ${hits.length}, best match first.` : `Every entry of the index: ${hits.length}, in the index's order.`;
  const shown = boundedLines(hits, limit, RESULT_BUDGET - head.length - what.length, entryLine);
  return joined([head, what, ...shown.lines, leftOutLine(shown.leftOut, 'entries', limit, shown.overBudget)]);
}

/** Current performance figures first, then the other current ones, then the superseded ones; otherwise in order. */
function currentFirst<T>(items: readonly T[], figure: (t: T) => Figure): T[] {
  const rank = (f: Figure): number => (!isCurrent(f) ? 2 : f.class === 'performance' ? 0 : 1);
  return items
    .map((item, i) => ({ item, i, rank: rank(figure(item)) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}

/** Tool 2: one entry, its facts and every figure with its source. */
export function getEntry(ctx: ToolContext, input: GetEntryInput): ToolResult {
  const head = header(ctx);
  const e = resolveEntry(ctx.catalog, input.entry);
  if (!e) return joined([head, entryNotInIndex(ctx.catalog, input.entry)]);
  const d = e.data;
  const related = relatedEntries(ctx.catalog, e).map(entryName).join(', ');
  const links = e.entry.links.filter((l) => l.kind !== 'image').map((l) => `${l.label} <${l.url}>`);
  const facts = [
    `Entry: ${entryName(e)} · ${kindText(e)} · ${placeText(e)}`,
    entryLink(e) && `Link: ${entryLink(e)}`,
    d?.tagline && `Tagline: ${d.tagline}`,
    e.entry.description && `The index says: ${e.entry.description}`,
    e.entry.features.length > 0 && `Features: ${e.entry.features.join('; ')}`,
    d && `License: ${d.license} · languages: ${d.languages.join(', ') || 'none stated'}${d.hardware ? ` · hardware: ${d.hardware}` : ''}`,
    related && `Related: ${related}`,
    links.length > 0 && `Links: ${links.join('; ')}`,
  ]
    .filter((l): l is string => typeof l === 'string' && l.length > 0)
    .map((l) => clip(l));
  const relations = supersession(e);
  const figures = currentFirst(e.figures, (f) => f);
  const intro = `Figures: ${figures.length}; current performance figures first, superseded ones last. Quote a figure with its source and date.`;
  const used = [head, ...facts, intro].reduce((n, l) => n + l.length + 1, 0);
  const shown = boundedLines(figures, figures.length, RESULT_BUDGET - used, (f) => figureLine(f, relations));
  const lines = [head, ...facts, figures.length > 0 ? intro : 'Figures: none stated.', ...shown.lines, ...(figures.length > 0 ? [leftOutLine(shown.leftOut, 'figures', figures.length, shown.overBudget)] : [])];
  const room = RESULT_BUDGET - lines.reduce((n, l) => n + l.length + 1, 0) - 'Summary: '.length;
  if (d?.summary && room > 80) lines.push(`Summary: ${clip(d.summary.replace(/\s+/g, ' '), room)}`);
  return joined(lines);
}

/** A criterion of findFigures: its name, the value asked for, and whether a figure meets it. */
interface Criterion {
  readonly name: string;
  readonly value: string;
  readonly test: (ref: FigureRef) => boolean;
  /** The values the index does have, nearest first, for when no figure meets it. */
  readonly nearest: (refs: readonly FigureRef[]) => string[];
}

/** Whether every word of `wanted` starts a word of one of the texts: "H800" is in "H800 SXM5", "memory-bound" in "dense MLA decode, memory-bound". */
function hasWords(wanted: string, ...texts: (string | undefined)[]): boolean {
  const words = new Set(normalize(texts.filter(Boolean).join(' ')).split(' '));
  return normalize(wanted)
    .split(' ')
    .every((w) => [...words].some((x) => x.startsWith(w)));
}

function distinct(refs: readonly FigureRef[], value: (f: Figure) => string | undefined): string[] {
  return [...new Set(refs.map((r) => value(r.figure)).filter((v): v is string => !!v))];
}

function criteria(input: FindFiguresInput): Criterion[] {
  const out: Criterion[] = [];
  const { measure, unit, precision, hardware, scope } = input;
  if (measure !== undefined) {
    out.push({ name: 'measure', value: measure, test: (r) => hasWords(measure, r.figure.measure), nearest: (refs) => nearest(measure, distinct(refs, (f) => f.measure)) });
  }
  if (unit !== undefined) {
    const wanted = canonicalUnit(unit).toLowerCase();
    const dimension = unitInfo(unit)?.dimension;
    out.push({
      name: 'unit',
      value: unit,
      test: (r) => canonicalUnit(r.figure.unit).toLowerCase() === wanted,
      // Units of the same dimension first ("TiB/s" for "TB/s"), then spellings a few edits away.
      nearest: (refs) => {
        const units = distinct(refs, (f) => f.unit);
        const alike = dimension ? units.filter((u) => unitInfo(u)?.dimension === dimension) : [];
        return [...new Set([...alike, ...nearest(unit, units)])].slice(0, 5);
      },
    });
  }
  if (precision !== undefined) out.push({ name: 'precision', value: precision, test: (r) => r.figure.precision === precision, nearest: (refs) => distinct(refs, (f) => f.precision) });
  if (hardware !== undefined) {
    out.push({
      name: 'hardware',
      value: hardware,
      test: (r) => hasWords(hardware, r.figure.hardware, r.figure.conditions),
      nearest: (refs) => nearest(hardware, distinct(refs, (f) => f.hardware)),
    });
  }
  if (scope !== undefined) out.push({ name: 'scope', value: scope, test: (r) => r.figure.scope === scope, nearest: (refs) => distinct(refs, (f) => f.scope) });
  return out;
}

function criteriaText(input: FindFiguresInput, list: readonly Criterion[]): string {
  const all = [...list.map((c) => `${c.name} “${c.value}”`), input.query?.trim() && `words “${input.query.trim()}”`, input.entry && `entry “${input.entry}”`];
  return all.filter(Boolean).join(', ') || 'no criteria';
}

/** Tool 3: the figures that meet every criterion given, current ones first (or best match first, for words). */
export function findFigures(ctx: ToolContext, input: FindFiguresInput): ToolResult {
  const head = header(ctx);
  const limit = input.limit ?? DEFAULT_LIMITS.figures;
  let entries = ctx.catalog.entries;
  if (input.entry !== undefined) {
    const e = resolveEntry(ctx.catalog, input.entry);
    if (!e) return joined([head, entryNotInIndex(ctx.catalog, input.entry)]);
    entries = [e];
  }
  const all = figureRefs(entries).filter((r) => input.includeSuperseded !== false || isCurrent(r.figure));
  const list = criteria(input);
  const met = all.filter((r) => list.every((c) => c.test(r)));
  const query = input.query?.trim() ?? '';
  const matched = query ? search(query, met.map(figureDoc)).map((h) => h.item) : currentFirst(met, (r) => r.figure);
  const asked = criteriaText(input, list);
  if (matched.length === 0) {
    // Each criterion on its own: those that no figure meets are not in the index; say what is.
    const lines = [head, `No figure in the index meets all of: ${asked}.`];
    for (const c of list) {
      const count = all.filter(c.test).length;
      lines.push(count > 0 ? `- ${c.name} “${c.value}”: ${count} figures on its own.` : `- ${notInIndex(`The ${c.name}`, c.value, c.nearest(all))}`);
    }
    if (query) lines.push(`- words “${query}”: ${search(query, all.map(figureDoc)).length} figures on their own.`);
    return joined(lines.map((l) => clip(l)));
  }
  const relations = new Map<CatalogEntry, ReturnType<typeof supersession>>();
  const line = (r: FigureRef): string => {
    let rel = relations.get(r.entry);
    if (!rel) relations.set(r.entry, (rel = supersession(r.entry)));
    return figureLine(r.figure, rel, r.entry);
  };
  const what = clip(`Figures meeting ${asked}: ${matched.length}; ${query ? 'best match first' : 'current performance figures first, superseded last'}. Figures of different scopes or hardware do not compare.`);
  const shown = boundedLines(matched, limit, RESULT_BUDGET - head.length - what.length, line);
  return joined([head, what, ...shown.lines, leftOutLine(shown.leftOut, 'figures', limit, shown.overBudget)]);
}

/** The compare groups the input asks for, each with only the bars of the entries it names. */
function selectedGroups(catalog: Catalog, input: CompareFiguresInput, ids: ReadonlySet<string> | undefined): CompareGroup[] {
  return compareGroups(catalog)
    .filter((g) => (!input.dimension || g.dimension === input.dimension) && (!input.precision || g.precision === input.precision) && (!input.scope || g.scope === input.scope))
    .map((g) => (ids ? { ...g, bars: g.bars.filter((b) => ids.has(b.entryId)) } : g))
    .filter((g) => g.bars.length > 0);
}

/** Tool 4: the current performance figures, like with like, by the Compare Figures view's groups. */
export function compareFigures(ctx: ToolContext, input: CompareFiguresInput): ToolResult {
  const head = header(ctx);
  const limit = input.limit ?? DEFAULT_LIMITS.perGroup;
  const lines = [head];
  let ids: Set<string> | undefined;
  if (input.entries) {
    const found = input.entries.map((name) => ({ name, e: resolveEntry(ctx.catalog, name) }));
    for (const { name, e } of found) if (!e) lines.push(entryNotInIndex(ctx.catalog, name));
    ids = new Set(found.flatMap(({ e }) => (e ? [e.entry.id] : [])));
    if (ids.size === 0) return joined(lines);
  }
  const asked = [input.dimension && `dimension “${input.dimension}”`, input.precision && `precision “${input.precision}”`, input.scope && `scope “${input.scope}”`, ids && `entries ${[...ids].join(', ')}`]
    .filter(Boolean)
    .join(', ');
  const groups = selectedGroups(ctx.catalog, input, ids);
  if (groups.length === 0) {
    const existing = compareGroups(ctx.catalog).map((g) => g.id);
    lines.push(`No group of comparable current performance figures in the index matches ${asked || 'anything'}.`, `Groups in the index: ${existing.join(', ') || 'none'}.`);
    return joined(lines.map((l) => clip(l, 1500)));
  }
  lines.push(
    clip(
      `Like-with-like groups${asked ? ` for ${asked}` : ''}: ${groups.length}, by the Compare Figures view's rules (dimension, precision, scope, node count, GPU generation). ` +
        'Figures compare only within a group, never across groups; superseded figures are left out. Largest first.',
    ),
  );
  return joined([...lines, ...groupLines(groups, limit, RESULT_BUDGET - lines.reduce((n, l) => n + l.length + 1, 0))]);
}

/** The groups' headings and bars within the room left: a heading only with at least one of its bars, and how many were left out. */
function groupLines(groups: readonly CompareGroup[], limit: number, room: number): string[] {
  const out: string[] = [];
  let budget = room;
  let shownBars = 0;
  let hidden = 0;
  let overBudget = false;
  const total = groups.reduce((n, g) => n + g.bars.length, 0);
  for (const g of groups) {
    const heading = `Group ${g.id}: ${groupTitle(g)}, in ${g.unit}${g.bars.length > limit ? ` (${g.bars.length} figures)` : ''}:`;
    const bars = boundedLines<CompareBar>(g.bars, limit, budget - heading.length - 1, barLine);
    overBudget ||= bars.overBudget;
    if (bars.lines.length === 0) {
      hidden++;
      continue;
    }
    out.push(heading, ...bars.lines);
    shownBars += bars.lines.length;
    budget -= [heading, ...bars.lines].reduce((n, l) => n + l.length + 1, 0);
  }
  out.push(leftOutLine(total - shownBars, `figures${hidden > 0 ? ` (${hidden} whole groups among them)` : ''}`, limit, overBudget));
  return out;
}

const TOOLS: { readonly [N in ToolName]: (ctx: ToolContext, input: ToolInputs[N]) => ToolResult } = {
  infraIndex_findEntries: findEntries,
  infraIndex_getEntry: getEntry,
  infraIndex_findFigures: findFigures,
  infraIndex_compareFigures: compareFigures,
};

export type ToolOutcome = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

/**
 * Checks the input against the tool's schema and runs the tool: the result's
 * text, or why the input is not valid (for the model to correct its call).
 */
export function runTool(name: string, ctx: ToolContext, input: unknown): ToolOutcome {
  if (!isToolName(name)) return { ok: false, error: `There is no tool ${name}.` };
  const checked = checkToolInput(name, input);
  if (!checked.ok) return checked;
  const result = TOOLS[name](ctx, checked.input as never);
  return { ok: true, text: result.text };
}


// What the user sees while a tool runs (prepareInvocation's invocationMessage),
// in the display language. The input is not checked yet: only strings are
// shown, and cut short.

/** A string field of an unchecked input, cut to a length that reads in a progress message. */
function field(input: unknown, key: string): string | undefined {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value.trim() ? clip(value.trim(), 60) : undefined;
}

export function findEntriesMessage(input: unknown): string {
  const query = field(input, 'query');
  return query ? l10n.t('Searching the Open Infra Index for “{0}”', query) : l10n.t('Listing the entries of the Open Infra Index');
}

export function getEntryMessage(input: unknown): string {
  return l10n.t('Looking up {0} in the Open Infra Index', field(input, 'entry') ?? '…');
}

export function findFiguresMessage(input: unknown): string {
  const asked = ['entry', 'measure', 'unit', 'precision', 'hardware', 'scope', 'query'].map((k) => field(input, k)).filter(Boolean);
  return asked.length > 0 ? l10n.t('Finding figures in the Open Infra Index: {0}', asked.join(', ')) : l10n.t('Listing the figures of the Open Infra Index');
}

export function compareFiguresMessage(input: unknown): string {
  const list = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).entries : undefined;
  const names = Array.isArray(list) ? list.filter((n): n is string => typeof n === 'string').map((n) => clip(n, 40)) : [];
  return names.length > 0
    ? l10n.t('Comparing the figures of {0} like with like', clip(names.join(', '), 120))
    : l10n.t('Comparing the figures of the Open Infra Index like with like');
}

const MESSAGES: Readonly<Record<ToolName, (input: unknown) => string>> = {
  infraIndex_findEntries: findEntriesMessage,
  infraIndex_getEntry: getEntryMessage,
  infraIndex_findFigures: findFiguresMessage,
  infraIndex_compareFigures: compareFiguresMessage,
};

/** The invocation message of a tool by its name; '' for a name that is not a tool. */
export function invocationMessage(name: string, input: unknown): string {
  return isToolName(name) ? MESSAGES[name](input) : '';
}
