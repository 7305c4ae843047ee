// Entry data of the wrong shape must never throw, at load or when shown: what
// is invalid is left out and reported with its JSON path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { arrangeEntries, GROUP_BY, SORT_BY } from '../../src/core/arrange';
import { relatedEntries, type Catalog } from '../../src/core/catalog';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { compareGroups } from '../../src/core/compare';
import { renderComparePage } from '../../src/core/compareHtml';
import type { EntryDataFile } from '../../src/core/entryData';
import { entryPickText, figurePickText } from '../../src/core/lookups';
import type { PageAssets } from '../../src/core/page';
import { renderEntryPage } from '../../src/core/panelHtml';
import { parseIndex } from '../../src/core/parseIndex';
import { entryDoc, figureDoc, figureRefs, search } from '../../src/core/search';
import { readRepoFile } from './helpers';

const markdown = readRepoFile('media', 'open-infra-index.md');
const parsed = parseIndex(markdown);
const parse = () => parsed;
const valid = JSON.parse(readRepoFile('media', 'entries.json')) as EntryDataFile;
const assets: PageAssets = { cspSource: 'https://csp.example', styleUris: [], scriptUri: 'https://csp.example/page.js', nonce: 'n' };

type Json = Record<string, unknown>;

/** The bundled data with one change, as text. */
function patched(change: (data: { entries: Record<string, Json & { figures: Json[] }> }) => void): string {
  const data = structuredClone(valid) as unknown as { entries: Record<string, Json & { figures: Json[] }> };
  change(data);
  return JSON.stringify(data);
}

/** Everything the extension derives from a catalog: pages, comparison, and (when `all`) lookups, search, tree arrangement. */
function showEverything(catalog: Catalog, ids = catalog.entries.map((e) => e.entry.id), all = true): void {
  for (const id of ids) {
    const item = catalog.get(id);
    if (!item) continue;
    renderEntryPage(item, assets, { related: relatedEntries(catalog, item), canClone: true, highlightFigure: 0 });
    entryPickText(item);
    for (const f of item.figures) figurePickText(item, f);
  }
  renderComparePage(compareGroups(catalog), assets);
  if (!all) return;
  search('flash h800', catalog.entries.map(entryDoc));
  search('tflops', figureRefs(catalog.entries).map(figureDoc));
  for (const groupBy of GROUP_BY) for (const sortBy of SORT_BY) arrangeEntries(catalog.entries, { groupBy, sortBy });
}

function load(json: string): Catalog {
  const catalog = catalogFromSources(markdown, json, parse);
  showEverything(catalog);
  return catalog;
}

const messages = (c: Catalog) => c.problems.map((p) => p.message);

describe('entry data of the wrong shape (issue 9)', () => {
  test('figures: "x" drops that entry\'s data, and the entry still shows', () => {
    const c = load(patched((d) => (d.entries.flashmla.figures = 'x' as never)));
    assert.equal(c.entries.length, 12);
    assert.equal(c.get('flashmla')?.data, undefined);
    assert.equal(c.get('flashmla')?.headline, '3000 GB/s · 580 TFLOPS');
    assert.deepEqual(messages(c), ["Entry data: entries.flashmla.figures: must be array; the entry's data is left out."]);
  });

  for (const value of ['660', null]) {
    test(`value: ${JSON.stringify(value)} drops that figure only`, () => {
      const c = load(patched((d) => (d.entries.flashmla.figures[0].value = value)));
      const flash = c.get('flashmla')!;
      assert.equal(flash.data?.figures.length, valid.entries.flashmla.figures.length - 1);
      assert.ok(!flash.figures.some((f) => f.value === 660), 'the 660 TFLOPS figure is gone');
      assert.equal(flash.data?.tagline, valid.entries.flashmla.tagline);
      assert.deepEqual(messages(c), ['Entry data: entries.flashmla.figures[0].value: must be number; the figure is left out.']);
    });
  }

  test('a figure without a source drops that figure', () => {
    const c = load(patched((d) => delete d.entries.deepep.figures[3].source));
    assert.equal(c.get('deepep')?.data?.figures.length, valid.entries.deepep.figures.length - 1);
    assert.deepEqual(messages(c), ["Entry data: entries.deepep.figures[3]: must have required property 'source'; the figure is left out."]);
  });

  const entryFields: readonly [string, string][] = [
    ['kind', "the entry's data is left out"],
    ['tagline', "the entry's data is left out"],
    ['summary', "the entry's data is left out"],
    ['released', "the entry's data is left out"],
    ['license', "the entry's data is left out"],
    ['languages', "the entry's data is left out"],
    ['related', "the entry's data is left out"],
    ['hardware', 'the field is left out'],
  ];
  for (const [field, consequence] of entryFields) {
    test(`a number as the entry's ${field}: ${consequence}`, () => {
      const c = load(patched((d) => (d.entries['3fs'][field] = 42)));
      assert.equal(c.get('3fs')?.data === undefined, consequence.includes('entry'));
      if (field === 'hardware') assert.equal(c.get('3fs')?.data?.hardware, undefined);
      assert.equal(messages(c)[0], `Entry data: entries.3fs.${field}: must be ${field === 'languages' || field === 'related' ? 'array' : 'string'}; ${consequence}.`);
      for (const m of messages(c)) assert.ok(m.startsWith(`Entry data: entries.3fs.${field}: `), m);
    });
  }

  for (const field of ['metric', 'unit', 'qualifier', 'hardware', 'scale', 'conditions', 'status', 'precision']) {
    test(`a number as a figure's ${field} drops that figure`, () => {
      const c = load(patched((d) => (d.entries.deepgemm.figures[1][field] = 7)));
      assert.equal(c.get('deepgemm')?.data?.figures.length, valid.entries.deepgemm.figures.length - 1);
      assert.equal(messages(c)[0], `Entry data: entries.deepgemm.figures[1].${field}: must be string; the figure is left out.`);
    });
  }

  test("a number as a figure's commit drops that figure", () => {
    const c = load(patched((d) => ((d.entries.flashmla.figures[2].source as Json).commit = 1234567)));
    assert.deepEqual(messages(c), ['Entry data: entries.flashmla.figures[2].source.commit: must be string; the figure is left out.']);
  });

  test('numbers inside languages and related drop the entry data, naming the item', () => {
    const c = load(patched((d) => ((d.entries.eplb.languages as unknown[]).push(3), (d.entries.dualpipe.related as unknown[]).push(4))));
    assert.equal(c.get('eplb')?.data, undefined);
    assert.equal(c.get('dualpipe')?.data, undefined);
    assert.deepEqual(messages(c).sort(), [
      "Entry data: entries.dualpipe.related[1]: must be string; the entry's data is left out.",
      "Entry data: entries.eplb.languages[1]: must be string; the entry's data is left out.",
    ]);
  });

  test('unknown fields are dropped, an unknown top-level key drops the file', () => {
    const c = load(patched((d) => (d.entries.smallpond.surprise = true)));
    assert.equal(c.get('smallpond')?.data?.tagline, valid.entries.smallpond.tagline);
    assert.ok(!('surprise' in (c.get('smallpond')?.data ?? {})));
    assert.deepEqual(messages(c), ['Entry data: entries.smallpond.surprise: is not a field the schema knows; the field is left out.']);
    const top = load(JSON.stringify({ ...valid, version: 2 }));
    assert.ok(top.entries.every((e) => e.data === undefined));
    assert.deepEqual(messages(top), ['Entry data: version: is not a field the schema knows; the entry data file is left out.']);
  });

  test('an entry id the schema forbids is dropped and named', () => {
    const c = load(JSON.stringify({ entries: { ...valid.entries, 'Bad Id': valid.entries.eplb, __proto__x: 1 } }));
    assert.equal(c.get('eplb')?.data?.tagline, valid.entries.eplb.tagline);
    assert.ok(messages(c).includes('Entry data: entries["Bad Id"]: is not a valid entry id; the entry\'s data is left out.'), messages(c).join('\n'));
    assert.ok(messages(c).some((m) => m.startsWith('Entry data: entries.__proto__x: must be object')), messages(c).join('\n'));
  });

  test('"__proto__" and "constructor" as units, kinds and ids neither throw nor find inherited members', () => {
    for (const unit of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const c = load(patched((d) => ((d.entries.flashmla.figures[0].unit = unit), ((d.entries.flashmla.figures[1].supersedes as Json) = { value: 1, unit }))));
      assert.ok(c.get('flashmla')?.figures.some((f) => f.unit === unit), `${unit} kept as a unit`);
    }
    const kind = load(patched((d) => (d.entries.eplb.kind = 'constructor')));
    assert.equal(kind.get('eplb')?.data, undefined);
    assert.equal(kind.get('eplb')?.kind, 'entry');
    const proto = load(`{"entries":{"__proto__":${JSON.stringify(valid.entries.eplb)}}}`);
    assert.ok(proto.entries.every((e) => e.data === undefined));
  });

  test('valid data loads unchanged and without problems', () => {
    const c = catalogFromSources(markdown, JSON.stringify(valid), parse);
    assert.deepEqual(c.problems, []);
    for (const e of c.entries) assert.deepEqual(e.data, valid.entries[e.entry.id]);
  });
});

describe('catalogFromSources never throws', () => {
  const odd: unknown[] = [null, 0, 1e308, '', 'x', true, [], { a: 1 }, [null], '__proto__', 'constructor', '2025)_ ![t](https://tracker.example/p.png) _('];
  const survives = (json: string, id: string, what: string) =>
    assert.doesNotThrow(() => showEverything(catalogFromSources(markdown, json, parse), [id], false), what);

  test('on malformed top levels', () => {
    const tops = ['', ' ', 'null', '0', '"x"', 'true', '[]', '{}', '{"entries":null}', '{"entries":[]}', '{"entries":"x"}', '{"entries":{"flashmla":null}}',
      '{"entries":{"flashmla":[]}}', '{"entries":{"flashmla":{}}}', '{"$schema":5,"entries":{}}', '{"entries":{"constructor":{}}}', '{"__proto__":{"entries":{}}}',
      '{"entries":{"__proto__":null}}', '\u0000', '{"entries":{"flashmla":{"figures":[null,1,"x",[],{}]}}}', JSON.stringify({ entries: { flashmla: valid.entries.flashmla } }).slice(0, 500)];
    for (const json of tops) assert.doesNotThrow(() => load(json), json);
  });

  test('on every entry field and every figure field set to odd values', () => {
    let cases = 0;
    for (const [id, f] of [['flashmla', 0], ['3fs', 1]] as const) {
      for (const field of [...Object.keys(valid.entries[id]), 'hardware', 'extra']) {
        for (const value of [...odd, undefined]) {
          survives(patched((d) => (d.entries[id][field] = value)), id, `${id}.${field} = ${JSON.stringify(value)}`);
          cases++;
        }
      }
      for (const field of ['metric', 'value', 'unit', 'qualifier', 'lowerBound', 'precision', 'hardware', 'scale', 'conditions', 'status', 'headline', 'supersedes', 'source', 'extra']) {
        for (const value of [...odd, undefined, { value: '1', unit: 5 }, { repo: 5, path: null }]) {
          survives(patched((d) => (d.entries[id].figures[f][field] = value)), id, `${id}.figures[${f}].${field} = ${JSON.stringify(value)}`);
          cases++;
        }
      }
      for (const field of ['repo', 'path', 'commit', 'date', 'extra']) {
        for (const value of [...odd, undefined]) {
          survives(patched((d) => ((d.entries[id].figures[f].source as Json)[field] = value)), id, `${id}.figures[${f}].source.${field} = ${JSON.stringify(value)}`);
          cases++;
        }
      }
    }
    assert.ok(cases > 500, `${cases} cases`);
  });
});
