import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { relatedEntries, sourceUrl } from '../../src/core/catalog';
import { buildCatalog, catalogFromSources } from '../../src/core/catalogBuild';
import type { EntryDataFile } from '../../src/core/entryData';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const markdown = readRepoFile('media', 'open-infra-index.md');
const dataJson = readRepoFile('media', 'entries.json');
const data = JSON.parse(dataJson) as EntryDataFile;
const catalog = catalogFromSources(markdown, dataJson, parseIndex);

describe('the bundled entry data', () => {
  test('validates against its JSON schema', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readRepoFile('media', 'entries.schema.json')));
    assert.equal(validate(data), true, JSON.stringify(validate.errors, null, 1));
  });

  test('the schema rejects what the type forbids', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readRepoFile('media', 'entries.schema.json')));
    const first = Object.values(data.entries)[0];
    const bad = (patch: object) => ({ entries: { x: { ...first, ...patch } } });
    assert.equal(validate(bad({ kind: 'toaster' })), false);
    assert.equal(validate(bad({ released: 'last spring' })), false);
    assert.equal(validate(bad({ surprise: true })), false);
    assert.equal(validate({ entries: { 'Bad Id': first } }), false);
  });

  test('covers exactly the entries of the bundled index', () => {
    assert.deepEqual(Object.keys(data.entries).sort(), catalog.entries.map((e) => e.entry.id).sort());
    assert.deepEqual(catalog.problems, []);
  });

  test('related entries exist and are linked both ways', () => {
    for (const [id, d] of Object.entries(data.entries)) {
      for (const other of d.related) {
        assert.ok(data.entries[other], `${id} → ${other} exists`);
        assert.ok(data.entries[other].related.includes(id), `${other} → ${id} links back`);
      }
    }
    const names = (id: string) => relatedEntries(catalog, catalog.get(id)!).map((e) => e.entry.id);
    assert.ok(names('3fs').includes('smallpond'));
    assert.ok(names('profile-data').includes('dualpipe'));
    assert.ok(names('profile-data').includes('eplb'));
    assert.ok(names('fire-flyer-ai-hpc').includes('3fs'));
    for (const id of ['deepep', 'flashmla', 'deepgemm']) {
      assert.ok(names('deepseek-v3-r1-inference-system-overview').includes(id), id);
    }
  });

  test('every figure names a pinned source and a date', () => {
    for (const [id, d] of Object.entries(data.entries)) {
      for (const f of d.figures) {
        const url = sourceUrl(f.source);
        assert.match(url, /^https:\/\//, `${id}: ${f.metric}`);
        if (url.startsWith('https://github.com/')) assert.ok(f.source.commit, `${id}: ${f.metric} has a commit`);
      }
    }
  });

  test('newer repository figures name the index figure they supersede', () => {
    const supersede = (id: string) => data.entries[id].figures.filter((f) => f.supersedes).map((f) => [f.supersedes, f.value]);
    assert.deepEqual(supersede('flashmla'), [[{ value: 580, unit: 'TFLOPS' }, 660]]);
    assert.deepEqual(supersede('deepgemm'), [[{ value: 1350, unit: 'TFLOPS' }, 1550]]);
  });
});

describe('the catalog', () => {
  test('headlines are current performance figures: the index’s, each replaced by its newer figure, else flagged ones', () => {
    // FlashMLA's 580 and DeepGEMM's 1350+ are superseded by what their repositories report now.
    assert.equal(catalog.get('flashmla')?.headline, '3000 GB/s · 660 TFLOPS');
    assert.equal(catalog.get('deepgemm')?.headline, '1550 TFLOPS');
    assert.equal(catalog.get('3fs')?.headline, '6.6 TiB/s · 3.66 TiB/min');
    assert.equal(catalog.get('deepseek-v3-r1-inference-system-overview')?.headline, '73.7k tokens/s · 14.8k tokens/s');
    assert.equal(catalog.get('deepep')?.headline, '153 GB/s', 'the flagged figure, where the index gives none');
  });

  test('figures list the index first, then the repository with sources', () => {
    const flash = catalog.get('flashmla')!;
    assert.equal(
      flash.figures[0].source?.url,
      'https://github.com/deepseek-ai/open-infra-index/blob/56d86855fcf6e08fdfd45ce6280bd24322c93351/README.md',
    );
    assert.equal(flash.figures[0].source?.date, '2025-02-24');
    assert.equal(flash.figures.length, 2 + data.entries.flashmla.figures.length);
    const newer = flash.figures.find((f) => f.value === 660)!;
    assert.match(newer.source!.url, /^https:\/\/github\.com\/deepseek-ai\/FlashMLA\/blob\/[0-9a-f]{7,40}\/README\.md$/);
  });

  test('an index figure and the newer repository figure are linked both ways', () => {
    for (const [id, older, newer] of [['flashmla', 580, 660], ['deepgemm', 1350, 1550]] as const) {
      const figures = catalog.get(id)!.figures;
      const old = figures.find((f) => f.value === older && f.source?.repo === 'deepseek-ai/open-infra-index');
      assert.equal(old?.status, 'superseded', `${id} ${older}`);
      assert.equal(old?.newer?.value, newer);
      const repo = figures.find((f) => f.value === newer);
      assert.equal(repo?.replaces?.value, older);
      assert.ok(repo?.source?.date, 'the newer figure is dated');
    }
    assert.equal(catalog.get('flashmla')!.figures[0].newer, undefined, '3000 GB/s has nothing newer');
  });

  test('every entry has a kind from the data', () => {
    for (const e of catalog.entries) assert.notEqual(e.kind, 'entry', e.entry.id);
    assert.equal(catalog.get('fire-flyer-ai-hpc')?.kind, 'paper');
  });

  test('data that is not JSON is reported, and the index still loads', () => {
    const c = catalogFromSources(markdown, '{ not json', parseIndex);
    assert.equal(c.entries.length, 12);
    assert.match(c.problems[0].message, /not valid JSON/);
    assert.equal(c.get('flashmla')?.data, undefined);
  });

  test('data without an entries object is reported', () => {
    const c = catalogFromSources(markdown, '[1,2,3]', parseIndex);
    assert.match(c.problems[0].message, /no "entries"/);
  });

  test('data for entries the index lacks is reported', () => {
    const c = buildCatalog(parseIndex(markdown), { entries: { ...data.entries, ghost: data.entries.eplb } });
    assert.deepEqual(c.problems.map((p) => p.message), ['The entry data names "ghost", which is not in the index.']);
  });

  test('an entry named like an Object member ("constructor") finds no inherited data', () => {
    const c = catalogFromSources('## 202502 W\n### Day 1 - [constructor](https://github.com/o/constructor)\n', '{"entries":{}}', parseIndex);
    assert.equal(c.get('constructor')?.entry.name, 'constructor');
    assert.equal(c.get('constructor')?.data, undefined);
    assert.equal(c.get('constructor')?.headline, '');
  });
});
