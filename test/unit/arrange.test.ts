import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrangeEntries } from '../../src/core/arrange';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
const shape = (groups: ReturnType<typeof arrangeEntries>) => groups.map((g) => [g.label, g.entries.map((e) => e.entry.id)]);

test('by period, in the index order: the index\'s own grouping', () => {
  const groups = arrangeEntries(catalog.entries, { groupBy: 'period', sortBy: 'index' });
  assert.deepEqual(shape(groups), [
    ['Industry Track Paper (ISCA25)', ['insights-into-deepseek-v3']],
    ['The Path to Open-Sourcing the DeepSeek Inference Engine', ['the-path-to-open-sourcing-the-deepseek-inference-engine']],
    ['Open-Source Week', ['flashmla', 'deepep', 'deepgemm', 'dualpipe', 'eplb', 'profile-data', '3fs', 'smallpond', 'deepseek-v3-r1-inference-system-overview']],
    ['AI Infrastructure Paper (SC24)', ['fire-flyer-ai-hpc']],
  ]);
  assert.equal(groups[2].description, 'February 2025');
  assert.equal(groups[2].id, 'period:202502-open-source-week');
});

test('by kind: groups alphabetically, entries keep their order', () => {
  const groups = arrangeEntries(catalog.entries, { groupBy: 'kind', sortBy: 'index' });
  const labels = groups.map((g) => g.label);
  assert.deepEqual(labels, [...labels].sort());
  const kernels = groups.find((g) => g.id === 'kind:kernel-library');
  assert.deepEqual(kernels?.entries.map((e) => e.entry.id), ['flashmla', 'deepgemm']);
  assert.equal(groups.reduce((n, g) => n + g.entries.length, 0), 12);
});

test('ungrouped, sorted by name, case-insensitively', () => {
  const [group, ...rest] = arrangeEntries(catalog.entries, { groupBy: 'none', sortBy: 'name' });
  assert.deepEqual(rest, []);
  assert.equal(group.kind, 'none');
  const names = group.entries.map((e) => e.entry.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
  assert.equal(names[0], '3FS');
});

test('by date: the paper (2024) first, then the week day by day', () => {
  const [group] = arrangeEntries(catalog.entries, { groupBy: 'none', sortBy: 'date' });
  const dates = group.entries.map((e) => e.data?.released ?? '');
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(group.entries[0].entry.id, 'fire-flyer-ai-hpc');
  // The same day keeps the index's order: DualPipe, EPLB, profile-data on Day 4.
  const day4 = group.entries.filter((e) => e.entry.day === 4).map((e) => e.entry.id);
  assert.deepEqual(day4, ['dualpipe', 'eplb', 'profile-data']);
});

test('sorting within period groups', () => {
  const groups = arrangeEntries(catalog.entries, { groupBy: 'period', sortBy: 'name' });
  const week = groups.find((g) => g.label === 'Open-Source Week');
  assert.deepEqual(week?.entries.slice(0, 3).map((e) => e.entry.id), ['3fs', 'deepep', 'deepgemm']);
});

test('a filter keeps only its entries, and their groups', () => {
  const only = new Set(['3fs', 'fire-flyer-ai-hpc']);
  const groups = arrangeEntries(catalog.entries, { groupBy: 'period', sortBy: 'index', only });
  assert.deepEqual(shape(groups), [
    ['Open-Source Week', ['3fs']],
    ['AI Infrastructure Paper (SC24)', ['fire-flyer-ai-hpc']],
  ]);
  assert.deepEqual(arrangeEntries(catalog.entries, { groupBy: 'none', sortBy: 'index', only: new Set() }), []);
});

test('arranging does not reorder the catalog itself', () => {
  const before = catalog.entries.map((e) => e.entry.id);
  arrangeEntries(catalog.entries, { groupBy: 'none', sortBy: 'name' });
  assert.deepEqual(catalog.entries.map((e) => e.entry.id), before);
});
