// One ranked search for the tree filter and the figure lookup. A document is
// a list of weighted text fields; every query term must match some field
// (AND), and a term scores by how well it matches (whole word, word start,
// inside a word) times the field's weight. Hyphens, slashes and case do not
// matter: "expert parallel" finds "expert-parallel".

import type { Catalog, CatalogEntry } from './catalog';
import { kindName } from './catalog';
import { figureLabel, scopeLabel, shortFigure } from './figureText';
import type { Figure } from './model';

export interface SearchField {
  readonly text: string;
  readonly weight: number;
}

export interface SearchDoc<T> {
  readonly item: T;
  readonly fields: readonly SearchField[];
}

export interface SearchHit<T> {
  readonly item: T;
  readonly score: number;
}

/** Lower case, accents off; anything but letters, digits, "." "%" and "+" becomes a space. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/μ/g, 'µ')
    // "tokens per second" reads as the unit "tokens/s" does.
    .replace(/\bper\s+second\b/g, '/s')
    .replace(/\bper\s+minute\b/g, '/min')
    .replace(/[^\p{L}\p{N}.%+]+/gu, ' ')
    // A run of dots is tried at its first dot only: retried inside it, the run is rescanned to its end.
    .replace(/(^|\s)[.+]+|(?<!\.)\.+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface PreparedField {
  readonly norm: string;
  readonly words: readonly string[];
  readonly weight: number;
}

const WHOLE_WORD = 1;
const WORD_START = 0.6;
const INSIDE_WORD = 0.25;
const PHRASE_BONUS = 0.5;

// Normalising is most of the work, and a lookup searches the same documents at every keystroke.
const prepared = new WeakMap<SearchDoc<unknown>, PreparedField[]>();

function prepare(doc: SearchDoc<unknown>): PreparedField[] {
  let fields = prepared.get(doc);
  if (!fields) {
    fields = doc.fields.map((f) => {
      const norm = normalize(f.text);
      return { norm, words: norm ? norm.split(' ') : [], weight: f.weight };
    });
    prepared.set(doc, fields);
  }
  return fields;
}

function termScore(term: string, field: PreparedField): number {
  let best = 0;
  for (const word of field.words) {
    if (word === term || word === `${term}+`) return WHOLE_WORD;
    if (word.startsWith(term)) best = Math.max(best, WORD_START);
    else if (term.length >= 3 && word.includes(term)) best = Math.max(best, INSIDE_WORD);
  }
  return best;
}

function scoreDoc(terms: readonly string[], phrase: string, fields: readonly PreparedField[]): number {
  let total = 0;
  for (const term of terms) {
    let best = 0;
    for (const field of fields) best = Math.max(best, termScore(term, field) * field.weight);
    if (best === 0) return 0;
    total += best;
  }
  if (terms.length > 1) {
    const phraseWeight = Math.max(0, ...fields.filter((f) => f.norm.includes(phrase)).map((f) => f.weight));
    total += phraseWeight * PHRASE_BONUS * terms.length;
  }
  return total;
}

/**
 * The documents that match every term of the query, best first; ties keep
 * the documents' order. An empty query matches everything, in order.
 */
export function search<T>(query: string, docs: readonly SearchDoc<T>[]): SearchHit<T>[] {
  const phrase = normalize(query);
  const terms = [...new Set(phrase.split(' ').filter(Boolean))];
  if (terms.length === 0) return docs.map((d) => ({ item: d.item, score: 0 }));
  return docs
    .map((d, i) => ({ item: d.item, score: scoreDoc(terms, phrase, prepare(d)), i }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ item, score }) => ({ item, score }));
}

function figureSearchText(f: Figure): string {
  return [figureLabel(f), shortFigure(f), f.qualifier, f.measure, f.precision, f.hardware, f.scale, f.scope && scopeLabel(f.scope, f.nodes), f.conditions].filter(Boolean).join(' ');
}

/** What the tree filter and Find Entry search in an entry. */
export function entryDoc(e: CatalogEntry): SearchDoc<CatalogEntry> {
  return {
    item: e,
    fields: [
      { text: e.entry.name, weight: 10 },
      { text: e.entry.id, weight: 8 },
      { text: kindName(e.kind), weight: 5 },
      { text: e.data?.tagline ?? '', weight: 3 },
      // The Chinese tagline too, whatever the display language: a search finds an entry in either.
      { text: e.data?.translations?.['zh-cn']?.tagline ?? '', weight: 3 },
      { text: e.entry.description, weight: 3 },
      { text: e.entry.day !== undefined ? `Day ${e.entry.day} ${e.period.heading}` : e.period.heading, weight: 2 },
      { text: e.entry.features.join(' · '), weight: 2 },
      { text: e.figures.map(figureSearchText).join(' · '), weight: 2 },
      { text: [e.data?.hardware, e.data?.license, ...(e.data?.languages ?? [])].filter(Boolean).join(' '), weight: 1.5 },
      { text: e.data?.summary ?? '', weight: 1 },
      { text: e.data?.translations?.['zh-cn']?.summary ?? '', weight: 1 },
    ],
  };
}

const entryDocsByCatalog = new WeakMap<Catalog, readonly SearchDoc<CatalogEntry>[]>();

/**
 * The search documents of a catalog's entries, made once per catalog (the
 * tree filter and the language-model tools share them): search caches each
 * document's normalised text, so keeping the documents keeps that work.
 */
export function entryDocs(catalog: Catalog): readonly SearchDoc<CatalogEntry>[] {
  let docs = entryDocsByCatalog.get(catalog);
  if (!docs) entryDocsByCatalog.set(catalog, (docs = catalog.entries.map(entryDoc)));
  return docs;
}

/** A figure with the entry it belongs to and its position there. */
export interface FigureRef {
  readonly entry: CatalogEntry;
  readonly figure: Figure;
  readonly index: number;
}

export function figureRefs(entries: readonly CatalogEntry[]): FigureRef[] {
  return entries.flatMap((entry) => entry.figures.map((figure, index) => ({ entry, figure, index })));
}

/** What Find Figure searches in a figure. */
export function figureDoc(ref: FigureRef): SearchDoc<FigureRef> {
  const f = ref.figure;
  return {
    item: ref,
    fields: [
      { text: `${figureLabel(f)} ${shortFigure(f)}`, weight: 6 },
      { text: [f.measure, f.precision, f.hardware].filter(Boolean).join(' '), weight: 4 },
      { text: ref.entry.entry.name, weight: 4 },
      { text: [f.scale, f.conditions, f.qualifier].filter(Boolean).join(' '), weight: 2 },
      { text: kindName(ref.entry.kind), weight: 1 },
    ],
  };
}
