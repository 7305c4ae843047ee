// Issue 11: where the index and a component's repository give different values
// for one measure at different dates, the panel shows the series.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { figureSeries } from '../../src/core/figureHistory';
import { parseIndex } from '../../src/core/parseIndex';
import { renderEntryPage } from '../../src/core/panelHtml';
import type { PageAssets } from '../../src/core/page';
import { readRepoFile } from './helpers';
import { elements } from './htmlElements';
import { checkSafety, text } from './htmlSafety';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
const assets: PageAssets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/base.css'],
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/page.js',
  nonce: 'bm9uY2U=',
};

/** "2025-02-21 580 TFLOPS (repository @ 414a2f3)" for each point of a series. */
function points(id: string, series: string): string[] {
  const found = figureSeries(catalog.get(id)!).find((s) => s.id === series);
  assert.ok(found, `${id} has the series ${series}`);
  return found.points.map((p) => `${p.date} ${p.figure.value}${p.figure.lowerBound ? '+' : ''} ${p.figure.unit} (${p.figure.origin} @ ${p.figure.source?.commit?.slice(0, 7)})`);
}

describe('figure history', () => {
  test('FlashMLA: 580 TFLOPS at release, in the index, then 660', () => {
    assert.deepEqual(points('flashmla', 'dense-decode-compute'), [
      '2025-02-24 580 TFLOPS (index @ 56d8685)',
      '2025-02-24 580 TFLOPS (repository @ 414a2f3)',
      '2025-04-22 660 TFLOPS (repository @ 9241ae3)',
    ]);
  });

  test('DeepGEMM: 1358, the index’s 1350+, then 1426, 1520 and 1550 TFLOPS', () => {
    assert.deepEqual(points('deepgemm', 'dense-gemm-peak'), [
      '2025-02-25 1358 TFLOPS (repository @ a6d97a1)',
      '2025-02-26 1350+ TFLOPS (index @ 56d8685)',
      '2025-03-25 1426 TFLOPS (repository @ 55ab91f)',
      '2025-04-09 1520 TFLOPS (repository @ a9967bc)',
      '2025-04-18 1550 TFLOPS (repository @ 54e2261)',
    ]);
    const series = figureSeries(catalog.get('deepgemm')!)[0];
    assert.ok(Math.abs((series.change ?? NaN) - (1550 / 1358 - 1)) < 1e-9, 'the change runs from the oldest to the current figure');
  });

  test('DeepEP: two series, a bandwidth that rose and a latency that fell', () => {
    assert.deepEqual(points('deepep', 'internode-ep64-dispatch'), [
      '2025-02-25 46 GB/s (repository @ ebfe47e)',
      '2025-04-21 49 GB/s (repository @ e0eaaf9)',
      '2025-04-22 51 GB/s (repository @ dd758ca)',
    ]);
    assert.deepEqual(points('deepep', 'low-latency-ep8-dispatch'), ['2025-02-25 163 µs (repository @ ebfe47e)', '2025-06-05 77 µs (repository @ dd758ca)']);
  });

  test('every point of every series is sourced to a file at a full commit, and dated', () => {
    for (const e of catalog.entries) {
      for (const s of figureSeries(e)) {
        for (const p of s.points) {
          assert.match(p.figure.source?.commit ?? '', /^[0-9a-f]{40}$/, `${e.entry.id} ${s.id} ${p.figure.value}`);
          assert.match(p.date ?? '', /^\d{4}-\d{2}-\d{2}$/, `${e.entry.id} ${s.id} ${p.figure.value}`);
        }
      }
    }
  });

  test('entries whose figures never changed have no history', () => {
    for (const id of ['3fs', 'smallpond', 'dualpipe', 'eplb', 'fire-flyer-ai-hpc']) assert.deepEqual(figureSeries(catalog.get(id)!), [], id);
  });

  test('the panel shows each series as a table, oldest first, each row showing its card', () => {
    const item = catalog.get('deepgemm')!;
    const html = renderEntryPage(item, assets);
    checkSafety(html, assets.nonce);
    const section = /<section id="history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(text(section).trim(), /^Figure history peak FP8 GEMM throughput 1358 TFLOPS → 1550 TFLOPS \(\+14\.1%\), over 5 statements/);
    const buttons = elements(section, 'button');
    assert.deepEqual(
      buttons.map((b) => [b['data-action'], b['data-figure']]),
      figureSeries(item)[0].points.map((p) => ['showFigure', String(p.index)]),
    );
    assert.match(text(section), /2025-04-09 1520 FP8 TFLOPS Primary source Superseded deepseek-ai\/DeepGEMM · README\.md @ a9967bc/);
    assert.doesNotMatch(renderEntryPage(catalog.get('3fs')!, assets), /id="history"/);
  });
});
