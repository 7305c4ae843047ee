import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { entryPickText, figurePickText } from '../../src/core/lookups';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);

/** Roughly how a quick pick with matchOnDescription/matchOnDetail matches: a contiguous, case-insensitive run. */
function found(query: string): string[] {
  const q = query.toLowerCase();
  return catalog.entries
    .filter((e) => {
      const { description, detail } = entryPickText(e);
      return [e.entry.name, description, detail].some((t) => t.toLowerCase().includes(q));
    })
    .map((e) => e.entry.id);
}

test('Find Entry: what a user types finds the right entries', () => {
  assert.deepEqual(found('file system'), ['3fs']);
  assert.ok(found('FP8').includes('deepgemm'));
  assert.deepEqual(found('GraySort'), ['3fs', 'smallpond']);
  assert.ok(found('H800').includes('flashmla'));
  assert.ok(found('H800').includes('deepseek-v3-r1-inference-system-overview'));
  assert.ok(found('expert parallel').includes('deepep'));
  assert.ok(found('expert parallel').includes('eplb'));
  assert.deepEqual(found('paper'), ['insights-into-deepseek-v3', 'fire-flyer-ai-hpc']);
});

test('Find Entry rows: the period and kind, then the key figures', () => {
  assert.deepEqual(entryPickText(catalog.get('flashmla')!), {
    description: 'Day 1 · kernel library',
    detail: `3000 GB/s memory-bound (H800) · 660 BF16 TFLOPS dense MLA decode, compute-bound (H800 SXM5) — ${catalog.get('flashmla')!.data!.tagline} — ${catalog.get('flashmla')!.data!.translations!['zh-cn']!.tagline} — ${catalog.get('flashmla')!.entry.description}`,
  });
  assert.match(entryPickText(catalog.get('fire-flyer-ai-hpc')!).description, /^AI Infrastructure Paper \(SC24\) · paper$/);
  assert.match(entryPickText(catalog.get('deepep')!).detail, /^153 GB\/s /, 'headline figure of an entry the index gives none');
  // An entry without a performance figure: its words, not a setting such as "16 replicas".
  const eplb = catalog.get('eplb')!;
  assert.equal(entryPickText(eplb).detail.startsWith(eplb.data!.tagline), true);
  assert.doesNotMatch(entryPickText(eplb).detail, /replicas|experts per layer/);
});

test('Find Figure rows: the figure, its entry, what it measures and where it comes from', () => {
  const flash = catalog.get('flashmla')!;
  assert.deepEqual(figurePickText(flash, flash.figures[1]), {
    label: '580 BF16 TFLOPS',
    description: 'FlashMLA',
    detail: 'compute-bound · per GPU · H800 (index, 2025-02-24, superseded)',
  });
  const gemm = catalog.get('deepgemm')!;
  assert.equal(figurePickText(gemm, gemm.figures[0]).label, 'up to 1350+ FP8 TFLOPS');
  const newer = gemm.figures.find((f) => f.value === 1550)!;
  assert.match(figurePickText(gemm, newer).detail, /\(deepseek-ai\/DeepGEMM, \d{4}-\d{2}-\d{2}\)$/);
  const aggregate = catalog.get('3fs')!;
  assert.match(figurePickText(aggregate, aggregate.figures[0]).detail, /^aggregate read throughput · cluster of 180 nodes · /, 'the scope says what the figure is of');
});
