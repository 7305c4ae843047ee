import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { figureLabel } from '../../src/core/figureText';
import { parseIndex } from '../../src/core/parseIndex';
import { entryDoc, figureDoc, figureRefs, normalize, search } from '../../src/core/search';
import { readRepoFile } from './helpers';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
const entryDocs = catalog.entries.map(entryDoc);
const figureDocs = figureRefs(catalog.entries).map(figureDoc);

const ids = (query: string) => search(query, entryDocs).map((h) => h.item.entry.id);
const top = (query: string) => ids(query)[0];

describe('entry search ranking', () => {
  // Realistic queries, with the entry a user means pinned first.
  const firsts: Array<[string, string]> = [
    ['flashmla', 'flashmla'],
    ['FlashMLA', 'flashmla'],
    ['deepep', 'deepep'],
    ['DeepGEMM', 'deepgemm'],
    ['dualpipe', 'dualpipe'],
    ['EPLB', 'eplb'],
    ['profile-data', 'profile-data'],
    ['3fs', '3fs'],
    ['smallpond', 'smallpond'],
    ['file system', '3fs'],
    ['GraySort', '3fs'],
    ['KVCache', '3fs'],
    ['expert parallel', 'deepep'],
    ['load balancer', 'eplb'],
    ['pipeline', 'dualpipe'],
    ['trace', 'profile-data'],
    ['ISCA', 'insights-into-deepseek-v3'],
    ['vLLM', 'the-path-to-open-sourcing-the-deepseek-inference-engine'],
    ['A100', 'fire-flyer-ai-hpc'],
    ['MLA decoding', 'flashmla'],
    ['sparse attention', 'flashmla'],
    ['FP8 GEMM', 'deepgemm'],
    ['inference system', 'deepseek-v3-r1-inference-system-overview'],
    ['tokens per second', 'deepseek-v3-r1-inference-system-overview'],
    ['profit margin', 'deepseek-v3-r1-inference-system-overview'],
    ['DuckDB', 'smallpond'],
    ['NVLink', 'deepep'],
    ['data processing', 'smallpond'],
  ];
  for (const [query, expected] of firsts) {
    test(`"${query}" finds ${expected} first`, () => assert.equal(top(query), expected, ids(query).join(', ')));
  }

  test('"paper" finds the two papers first', () => {
    assert.deepEqual(ids('paper').slice(0, 2).sort(), ['fire-flyer-ai-hpc', 'insights-into-deepseek-v3']);
  });

  test('"FP8" finds the FP8 libraries, DeepGEMM first', () => {
    const found = ids('FP8');
    assert.equal(found[0], 'deepgemm');
    assert.ok(found.includes('deepep'));
    assert.ok(!found.includes('smallpond'));
  });

  test('"H800" finds the entries measured on H800, not the A100 paper', () => {
    const found = ids('H800');
    for (const id of ['flashmla', 'deepep', 'deepgemm', 'deepseek-v3-r1-inference-system-overview']) assert.ok(found.includes(id), id);
    assert.ok(!found.includes('fire-flyer-ai-hpc'));
  });

  test('"Day 4" ranks the three Day 4 entries first', () => {
    assert.deepEqual(ids('Day 4').slice(0, 3), ['dualpipe', 'eplb', 'profile-data']);
  });

  test('every term must match: a nonsense term empties the result', () => {
    assert.deepEqual(ids('zzzqx'), []);
    assert.deepEqual(ids('3fs zzzqx'), []);
  });

  test('an empty query keeps every entry in order', () => {
    assert.deepEqual(ids('   '), catalog.entries.map((e) => e.entry.id));
  });

  test('a name beats a mention: "3fs" puts 3FS above smallpond, which runs on it', () => {
    const found = ids('3fs');
    assert.ok(found.indexOf('3fs') < found.indexOf('smallpond'));
  });
});

describe('figure search ranking', () => {
  const figs = (query: string) => search(query, figureDocs).map((h) => `${h.item.entry.entry.id} ${figureLabel(h.item.figure)}`);

  test('"580" finds FlashMLA\'s 580 TFLOPS figures', () => {
    const found = figs('580');
    assert.ok(found.length >= 1);
    assert.ok(found.every((f) => f.startsWith('flashmla 580')), found.join('; '));
  });

  test('"BF16 TFLOPS" finds only BF16 compute figures', () => {
    const found = search('BF16 TFLOPS', figureDocs);
    assert.ok(found.length >= 3);
    assert.ok(found.slice(0, 3).every((h) => h.item.figure.precision === 'BF16' && h.item.figure.unit === 'TFLOPS'));
  });

  test('"TFLOPS" finds every TFLOPS figure and nothing else', () => {
    const found = search('TFLOPS', figureDocs);
    const all = figureDocs.filter((d) => d.item.figure.unit === 'TFLOPS');
    assert.equal(found.length, all.length);
    assert.ok(found.every((h) => h.item.figure.unit === 'TFLOPS'));
  });

  test('"tokens/s" ranks the token throughputs first', () => {
    const found = search('tokens/s', figureDocs);
    assert.ok(found.slice(0, 2).every((h) => h.item.figure.unit === 'tokens/s'));
  });

  test('"latency" finds DeepEP\'s latencies', () => {
    const found = search('latency', figureDocs);
    assert.ok(found.length >= 1);
    assert.ok(found.every((h) => h.item.entry.entry.id === 'deepep' && h.item.figure.unit === 'µs'));
  });

  test('"H800 memory-bound" finds the 3000 GB/s figure', () => {
    assert.equal(figs('H800 memory-bound')[0], 'flashmla 3000 GB/s');
  });

  test('"GraySort" finds the GraySort figures of 3FS and smallpond', () => {
    const found = search('GraySort', figureDocs);
    assert.equal(found[0].item.figure.unit, 'TiB/min');
    assert.deepEqual([...new Set(found.map((h) => h.item.entry.entry.id))].sort(), ['3fs', 'smallpond']);
  });
});

test('normalising folds case, hyphens, slashes and "per second"', () => {
  assert.equal(normalize('Expert-Parallel'), 'expert parallel');
  assert.equal(normalize('tokens per second'), 'tokens s');
  assert.equal(normalize('73.7k tokens/s'), '73.7k tokens s');
  assert.equal(normalize('1350+ FP8'), '1350+ fp8');
  assert.equal(normalize('Straße naïve'), 'straße naive');
});
