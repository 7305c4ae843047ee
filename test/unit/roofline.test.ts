// Issue 11: the kernel figures on an H800 roofline, against the memory
// ceiling and the compute ceiling of each precision.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { compareGroups } from '../../src/core/compare';
import { renderComparePage } from '../../src/core/compareHtml';
import { parseIndex } from '../../src/core/parseIndex';
import type { PageAssets } from '../../src/core/page';
import { H800_PEAKS } from '../../src/core/peaks';
import { memoryCeiling, roofline, type RooflinePoint } from '../../src/core/roofline';
import { readRepoFile } from './helpers';
import { elements, hasClass } from './htmlElements';
import { checkSafety, text } from './htmlSafety';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
const r = roofline(catalog);
const all = [...r.placed, ...r.unplaced];
const assets: PageAssets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/compare.css'],
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/page.js',
  nonce: 'bm9uY2U=',
};
const near = (actual: number | undefined, expected: number, within: number, what: string): void =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= within, `${what}: ${actual} is not within ${within} of ${expected}`);
const name = (p: RooflinePoint): string => `${p.entryId} ${p.figure.value} ${p.figure.unit}`;
const find = (entryId: string, value: number): RooflinePoint => {
  const p = all.find((x) => x.entryId === entryId && x.figure.value === value);
  assert.ok(p, `${entryId} ${value} is on the roofline`);
  return p;
};

describe('the H800 roofline', () => {
  test('its ceilings are the peaks the panels use, meeting at the ridge points', () => {
    assert.equal(r.memory, H800_PEAKS.find((p) => p.id === 'h800-hbm'));
    assert.deepEqual(
      r.compute.map((c) => [c.precision, c.peak.value]),
      [
        ['BF16', 989.4],
        ['FP8', 1978.9],
      ],
    );
    near(r.compute[0].ridge, 295.3, 0.05, 'BF16 ridge');
    near(r.compute[1].ridge, 590.7, 0.05, 'FP8 ridge');
    for (const c of r.compute) near(memoryCeiling(c.ridge ?? 0), c.peak.value, 1e-9, `${c.precision} meets the memory ceiling at its ridge`);
  });

  test('holds FlashMLA’s and DeepGEMM’s current per-GPU Hopper figures, and nothing else', () => {
    assert.deepEqual(all.map(name).sort(), [
      'deepgemm 1233 TFLOPS',
      'deepgemm 1346 TFLOPS',
      'deepgemm 1550 TFLOPS',
      'deepgemm 2668 GB/s',
      'flashmla 3000 GB/s',
      'flashmla 410 TFLOPS',
      'flashmla 640 TFLOPS',
      'flashmla 660 TFLOPS',
    ]);
    for (const p of all) {
      assert.equal(p.figure.scope, 'gpu', name(p));
      assert.notEqual(p.figure.status, 'superseded', name(p));
      assert.doesNotMatch(p.figure.hardware ?? '', /B200|SM100/, name(p));
    }
  });

  test('a figure with a stated intensity is placed, and its bound follows from the ceilings there', () => {
    assert.deepEqual(r.placed.map(name), ['deepgemm 1346 TFLOPS', 'deepgemm 1233 TFLOPS', 'deepgemm 2668 GB/s']);
    const grouped = find('deepgemm', 1346);
    assert.deepEqual([grouped.intensity, grouped.bound, grouped.boundFrom], [3100, 'compute', 'intensity']);
    near(grouped.share, 1346 / 1978.9, 1e-9, '1346 of the FP8 ceiling');
    // 2668 GB/s at 126 FLOP/byte: 336 TFLOPS, under the memory ceiling's 422 there.
    const narrow = find('deepgemm', 2668);
    assert.deepEqual([narrow.intensity, narrow.bound], [126, 'memory']);
    near(narrow.tflops, (2668 * 126) / 1000, 1e-9, 'its rate');
    near(narrow.share, 2668 / 3350, 1e-9, 'its share of HBM');
  });

  test('a figure without one is read against its ceiling, bound as its source says', () => {
    const flashCompute = find('flashmla', 660);
    assert.deepEqual([flashCompute.intensity, flashCompute.bound, flashCompute.boundFrom, flashCompute.ceiling.id], [undefined, 'compute', 'source', 'h800-bf16']);
    near(flashCompute.share, 660 / 989.4, 1e-9, '660 of BF16');
    const flashMemory = find('flashmla', 3000);
    assert.deepEqual([flashMemory.bound, flashMemory.ceiling.id], ['memory', 'h800-hbm']);
    near(flashMemory.share, 3000 / 3350, 1e-9, '3000 of HBM');
    const peak = find('deepgemm', 1550);
    assert.deepEqual([peak.bound, peak.ceiling.id], [undefined, 'h800-fp8'], 'DeepGEMM gives no shape for 1550: its bound is not stated');
  });

  test('the Compare page draws it with a mark per figure and a table saying the same', () => {
    const html = renderComparePage(compareGroups(catalog), assets, { roofline: r });
    checkSafety(html, assets.nonce);
    const section = /<section id="roofline"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.ok(section, 'there is a roofline section');
    assert.ok(html.indexOf('<section id="roofline"') < html.indexOf('<section id="group-'), 'before the charts');
    const svg = /<svg\b([^>]*)>/.exec(section);
    assert.match(svg?.[1] ?? '', /role="group"/);
    assert.match(svg?.[1] ?? '', /aria-label="H800 roofline: HBM ceiling 3\.35 TB\/s; BF16 ceiling 989\.4 TFLOPS, FP8 ceiling 1978\.9 TFLOPS\. 3 figures with a stated intensity, 5 without\./);
    const marks = elements(section, 'g').filter((g) => hasClass(g, 'mark'));
    assert.equal(marks.length, all.length);
    for (const m of marks) {
      assert.equal(m['data-action'], 'openEntry');
      assert.equal(m.role, 'button');
      assert.equal(m.tabindex, '0');
      assert.match(m['aria-label'] ?? '', /^Open (FlashMLA|DeepGEMM): /);
    }
    // DeepGEMM dropped its tables on 2025-04-14: the point stays, as last published, and says so.
    assert.ok(marks.some((m) => m['aria-label'] === 'Open DeepGEMM: 1346 FP8 TFLOPS, at 3100 FLOP per byte, compute-bound, 68.0% of H800 SXM5 dense FP8 Tensor Core peak, 1978.9 TFLOPS; removed from its source on 2025-04-14'));
    assert.ok(marks.some((m) => m['aria-label'] === 'Open FlashMLA: up to 660 BF16 TFLOPS, intensity not stated, compute-bound (as its source states), 66.7% of H800 SXM5 dense BF16 Tensor Core peak, 989.4 TFLOPS'));
    const rows = [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(section)?.[1] ?? '').matchAll(/<tr\b[\s\S]*?<\/tr>/g)];
    assert.equal(rows.length, all.length, 'one table row per mark');
    assert.match(text(section), /DeepGEMM 2668 GB\/s best dense GEMM memory bandwidth 126 .*memory-bound 79\.6% of H800 SXM5 HBM3 bandwidth[\s\S]*?Removed from its source 2025-04-14/);
  });

  test('labels never overlap', () => {
    const html = renderComparePage([], assets, { roofline: r });
    const ys = elements(html, 'text')
      .filter((t) => hasClass(t, 'mark-label'))
      .map((t) => Number(t.y))
      .sort((a, b) => a - b);
    assert.equal(ys.length, all.length);
    for (let i = 1; i < ys.length; i++) assert.ok(ys[i] - ys[i - 1] >= 14, `labels ${i - 1} and ${i} are 14 px apart or more`);
  });
});
