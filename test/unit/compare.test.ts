import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Catalog } from '../../src/core/catalog';
import { buildCatalog, catalogFromSources } from '../../src/core/catalogBuild';
import { compareGroups, type CompareBar, type CompareGroup } from '../../src/core/compare';
import { CHART_WIDTH, renderComparePage } from '../../src/core/compareHtml';
import type { EntryDataFile } from '../../src/core/entryData';
import { escapeHtml } from '../../src/core/html';
import { parseIndex } from '../../src/core/parseIndex';
import type { PageAssets } from '../../src/core/page';
import { unitInfo } from '../../src/core/units';
import { readRepoFile } from './helpers';
import { elements, hasClass } from './htmlElements';
import { checkSafety, text } from './htmlSafety';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
const groups = compareGroups(catalog);
const assets: PageAssets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/base.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/compare.css'],
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.js',
  nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
};

const CHARTED: Readonly<Record<string, string>> = { bandwidth: 'GB/s', compute: 'TFLOPS', 'token-throughput': 'tokens/s', latency: 'µs' };
const key = (b: Pick<CompareBar, 'entryId' | 'figureIndex'>): string => `${b.entryId}#${b.figureIndex}`;
const allBars = (gs: readonly CompareGroup[]): CompareBar[] => gs.flatMap((g) => g.bars);
const near = (actual: number, expected: number, within: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= within, `${what}: ${actual} is not within ${within} of ${expected}`);

function bar(gs: readonly CompareGroup[], entryId: string, figureIndex: number): CompareBar {
  // The figure's own bar: a cluster figure's derived per-node bar is found by its group.
  const found = allBars(gs).find((b) => b.entryId === entryId && b.figureIndex === figureIndex && !b.derived);
  assert.ok(found, `a bar for ${entryId}#${figureIndex}`);
  return found;
}

/** The base-unit value of a figure in a charted unit (bytes/s, FLOPS, tokens/s, seconds). */
function base(value: number, unit: string): number {
  const info = unitInfo(unit);
  assert.ok(info);
  return value * info.factor;
}

describe('compare groups', () => {
  test('are by dimension (and precision), then scope, then GPU generation, in that order', () => {
    assert.deepEqual(
      groups.map((g) => g.title),
      [
        'Bandwidth · per GPU · Hopper',
        'Bandwidth · per GPU · Blackwell',
        'Bandwidth · per node · hardware not stated',
        'Bandwidth · per client node · hardware not stated',
        'Bandwidth · cluster of 180 nodes · hardware not stated',
        'Compute, BF16 · per GPU · Hopper',
        'Compute, FP8 · per GPU · Hopper',
        'Compute, precision not stated · per GPU · Blackwell',
        'Token throughput · per node · Hopper',
        'Latency · per GPU · Hopper',
      ],
    );
    assert.deepEqual(
      groups.map((g) => g.unit),
      ['GB/s', 'GB/s', 'GB/s', 'GB/s', 'GB/s', 'TFLOPS', 'TFLOPS', 'TFLOPS', 'tokens/s', 'µs'],
    );
    for (const g of groups) assert.ok(g.bars.length > 0, `${g.title} has figures`);
    assert.equal(new Set(groups.map((g) => g.id)).size, groups.length, 'group ids are unique');
  });

  test('every bar is in its group’s unit, converted from the unit it was stated in', () => {
    for (const g of groups) {
      for (const b of groups.flatMap((x) => (x === g ? x.bars : []))) {
        assert.equal(b.normalisedUnit, g.unit, `${key(b)} in ${g.title}`);
        assert.equal(unitInfo(b.unit)?.dimension, g.dimension, `${key(b)}: ${b.unit} measures ${g.dimension}`);
        assert.equal(CHARTED[g.dimension], g.unit);
        const perNode = b.derived ? b.derived.nodes : 1;
        near(b.normalised, base(b.value, b.unit) / base(1, g.unit) / perNode, 1e-9 * b.normalised, `${key(b)} normalised`);
        assert.equal(b.figure, catalog.get(b.entryId)?.figures[b.figureIndex], `${key(b)} points at its figure`);
      }
    }
  });

  test('GiB/s and TiB/s are converted to GB/s', () => {
    const aggregate = bar(groups, '3fs', 0);
    assert.deepEqual([aggregate.value, aggregate.unit], [6.6, 'TiB/s']);
    near(aggregate.normalised, 7256.8, 0.1, '6.6 TiB/s in GB/s');
    const client = bar(groups, '3fs', 2);
    assert.deepEqual([client.value, client.unit, client.lowerBound], [40, 'GiB/s', true]);
    near(client.normalised, 42.95, 0.1, '40 GiB/s in GB/s');
  });

  test('no group mixes scopes, cluster sizes or GPU generations', () => {
    for (const g of groups) {
      for (const b of g.bars) {
        assert.equal(b.scope, g.scope, `${key(b)} in ${g.title}`);
        assert.equal(b.scope === 'cluster' ? b.nodes : undefined, g.nodes, `${key(b)} in ${g.title}`);
        assert.equal(b.generation, g.generation, `${key(b)} in ${g.title}`);
      }
    }
    // 3FS's aggregate over 180 nodes is not beside any per-GPU figure.
    const aggregate = groups.find((g) => g.bars.some((b) => b.entryId === '3fs' && b.figureIndex === 0 && !b.derived));
    assert.equal(aggregate?.title, 'Bandwidth · cluster of 180 nodes · hardware not stated');
    assert.deepEqual(aggregate?.bars.map(key), ['3fs#0']);
    // Nor are the B200 figures beside the H800 ones.
    assert.ok(groups.filter((g) => g.generation === 'Blackwell').every((g) => g.bars.every((b) => /B200|SM100/.test(b.figure.hardware ?? ''))));
  });

  test('only current performance figures are charted', () => {
    const charted = allBars(groups);
    for (const b of charted) {
      assert.equal(b.figure.class, 'performance', key(b));
      assert.notEqual(b.figure.status, 'superseded', key(b));
    }
    // The bundled data has superseded figures in charted units: they are each entry's history, not a bar.
    for (const k of ['flashmla#1', 'flashmla#4', 'deepgemm#0', 'deepgemm#4', 'deepep#3', 'deepep#6']) {
      assert.ok(!charted.some((b) => key(b) === k && !b.derived), `${k} is not charted`);
    }
  });

  test('a cluster figure of known size is also shown per node, marked as derived, with its arithmetic', () => {
    const perNode = groups.find((g) => g.scope === 'node' && g.dimension === 'bandwidth');
    assert.ok(perNode);
    assert.equal(perNode.bars.length, 1);
    const [b] = perNode.bars;
    assert.equal(key(b), '3fs#0');
    assert.equal(b.derived?.nodes, 180);
    near(b.normalised, 7256.8 / 180, 0.01, '6.6 TiB/s over 180 nodes');
    assert.equal(b.derived?.arithmetic, '6.6 TiB/s = 7256.8 GB/s ÷ 180 nodes = 40.32 GB/s per node');
    assert.equal(b.peak, undefined, 'a derived figure is read against no peak');
    // The 25-node GraySort figure is in TiB/min, which is not charted, so it has no derived bar either.
    assert.equal(allBars(groups).filter((x) => x.derived).length, 1);
  });

  test('TFLOPS of different precisions never share a group', () => {
    const compute = groups.filter((g) => g.dimension === 'compute');
    assert.equal(new Set(compute.map((g) => g.precision ?? 'none')).size, compute.length);
    for (const g of compute) {
      for (const b of g.bars) assert.equal(b.precision, g.precision, `${key(b)} in ${g.title}`);
    }
  });

  test('TiB/min, percentages, counts and ratios are in no group', () => {
    const units = new Set(allBars(groups).map((b) => b.unit));
    for (const unit of ['TiB/min', '%', 'nodes', 'GPUs', 'tokens', 'x', 'ratio', 'TiB', 'min', 'USD']) {
      assert.ok(!units.has(unit), `no ${unit} bar`);
    }
    for (const u of units) assert.ok(CHARTED[unitInfo(u)?.dimension ?? ''], `${u} is charted`);
    // The catalog does have such figures.
    const stated = new Set(catalog.entries.flatMap((e) => e.figures.map((f) => f.unit)));
    for (const unit of ['TiB/min', '%', 'nodes']) assert.ok(stated.has(unit), `the catalog states ${unit}`);
  });

  test('every comparable figure appears exactly once; a repository figure restating the index’s is dropped', () => {
    const expected = new Set<string>();
    const restated = new Set<string>();
    for (const item of catalog.entries) {
      const comparable = item.figures
        .map((f, i) => ({ f, i, dimension: unitInfo(f.unit)?.dimension }))
        .filter((x) => x.dimension !== undefined && CHARTED[x.dimension] && x.f.class === 'performance');
      for (const x of comparable) {
        const k = `${item.entry.id}#${x.i}`;
        const indexCopy = comparable.find(
          (y) => y.f.origin === 'index' && y.dimension === x.dimension && Math.abs(base(y.f.value, y.f.unit) - base(x.f.value, x.f.unit)) < 1e-6 * base(x.f.value, x.f.unit),
        );
        if (x.f.origin === 'repository' && indexCopy) restated.add(k);
        else if (x.f.status !== 'superseded') expected.add(k);
      }
    }
    const shown = allBars(groups)
      .filter((b) => !b.derived)
      .map(key);
    assert.equal(new Set(shown).size, shown.length, 'no figure twice');
    assert.deepEqual(new Set(shown), expected);
    // The restatements in the bundled data, each kept as the index's figure.
    assert.deepEqual(
      [...restated].sort(),
      ['3fs#3', '3fs#7', 'deepseek-v3-r1-inference-system-overview#3', 'deepseek-v3-r1-inference-system-overview#4', 'flashmla#3', 'flashmla#4'],
    );
    for (const k of ['flashmla#0', '3fs#0', '3fs#2', 'deepseek-v3-r1-inference-system-overview#0']) {
      const [id, i] = k.split('#');
      assert.equal(bar(groups, id, Number(i)).origin, 'index', `${k} is the index's figure`);
    }
  });

  test('bars are sorted by normalised value, largest first', () => {
    for (const g of groups) {
      for (let i = 1; i < g.bars.length; i++) {
        assert.ok(g.bars[i - 1].normalised >= g.bars[i].normalised, `${g.title}: ${key(g.bars[i - 1])} before ${key(g.bars[i])}`);
      }
    }
    assert.deepEqual(groups[0].bars.slice(0, 2).map(key), ['flashmla#0', 'deepgemm#7']);
  });

  test('shares of the hardware peak match peaks.ts', () => {
    const hbm = bar(groups, 'flashmla', 0);
    assert.equal(hbm.normalised, 3000);
    near(hbm.peak?.share ?? NaN, 0.896, 0.0005, 'FlashMLA 3000 GB/s of HBM');
    assert.equal(hbm.peak?.name, 'H800 HBM peak');
    assert.match(hbm.peak?.basis ?? '', /HBM3 bandwidth, 3\.35 TB\/s/);
    const bf16 = bar(groups, 'flashmla', 2);
    assert.deepEqual([bf16.value, bf16.precision, bf16.status], [660, 'BF16', 'current']);
    near(bf16.peak?.share ?? NaN, 0.667, 0.0005, 'FlashMLA 660 BF16 TFLOPS');
    assert.equal(bf16.peak?.name, 'H800 BF16 peak');
    // B200 figures and RDMA bandwidth have no H800 peak.
    assert.equal(bar(groups, 'flashmla', 7).peak, undefined);
    assert.equal(bar(groups, 'deepep', 2).peak, undefined);
    assert.equal(bar(groups, 'deepep', 9).peak, undefined);
    near(bar(groups, 'deepep', 0).peak?.share ?? NaN, 153 / 200, 1e-9, 'DeepEP intranode dispatch of NVLink');
  });

  test('each bar carries its label, detail, origin and status', () => {
    const b = bar(groups, 'deepep', 0);
    assert.equal(b.label, 'DeepEP');
    assert.equal(b.entryName, 'DeepEP');
    assert.match(b.detail, /^V1 normal dispatch bandwidth, intranode EP8 \(NVLink\) · H800, NVLink;/);
    assert.equal(b.origin, 'repository');
    assert.equal(b.status, 'current');
    assert.match(b.source?.url ?? '', /^https:\/\/github\.com\/deepseek-ai\/DeepEP\/blob\//);
    assert.equal(bar(groups, '3fs', 0).detail, 'aggregate read throughput · 180-node cluster');
  });
});

describe('an incomparable mix', () => {
  const md = ['## 202502 Week', '### Day 1 - [Mix](https://github.com/o/mix)', 'A mix of units.  ', '⚡ 5 GB/s x | 7 TFLOPS y | 3 TiB/min z | 9 µs w | 2 ms v | 545% u'].join('\n');
  const figure = (metric: string, value: number, unit: string, extra: object = {}) => ({
    metric,
    value,
    unit,
    scope: 'gpu' as const,
    class: 'performance' as const,
    status: 'current' as const,
    source: { repo: 'o/mix', path: 'README.md', commit: 'abcdef1', date: '2025-01-01' },
    ...extra,
  });
  const data: EntryDataFile = {
    entries: {
      mix: {
        kind: 'kernel-library',
        tagline: 'Mix',
        summary: 'Mix',
        released: '2025-01-01',
        license: 'MIT',
        languages: [],
        related: [],
        figures: [
          figure('x, measured again', 5000, 'MB/s'), // restates the index's 5 GB/s
          figure('another thing', 5, 'GB/s'), // same value, another measure: kept
          figure('half a second', 0.5, 's'),
          figure('bandwidth in MiB', 512, 'MiB/s'),
          figure('petaflops', 1.5, 'PFLOPS', { precision: 'FP8' }),
          figure('speedup', 2, 'x'),
          figure('nodes', 25, 'nodes'),
          figure('a setting, in a charted unit', 9, 'GB/s', { class: 'configuration' }),
          figure('a size, in a charted unit', 8, 'TFLOPS', { class: 'size' }),
          figure('a lower bound', 500, 'TFLOPS', { precision: 'BF16', hardware: 'H800', lowerBound: true }),
        ],
      },
    },
  };
  const mix: Catalog = buildCatalog(parseIndex(md), data);
  const gs = compareGroups(mix);

  test('the figures parse as written', () => {
    assert.deepEqual(
      mix.get('mix')?.figures.map((f) => `${f.value} ${f.unit}`),
      ['5 GB/s', '7 TFLOPS', '3 TiB/min', '9 µs', '2 ms', '545 %', '5000 MB/s', '5 GB/s', '0.5 s', '512 MiB/s', '1.5 PFLOPS', '2 x', '25 nodes', '9 GB/s', '8 TFLOPS', '500 TFLOPS'],
    );
  });

  test('lands in separate groups, each in its own unit and scope; configuration and size figures in none', () => {
    assert.deepEqual(
      gs.map((g) => [g.title, g.bars.map((b) => `${b.normalised} ${b.normalisedUnit} (${b.value} ${b.unit})`)]),
      [
        ['Bandwidth · per GPU · hardware not stated', ['5 GB/s (5 GB/s)', `${(512 * 1024 ** 2) / 1e9} GB/s (512 MiB/s)`]],
        ['Bandwidth · scope not stated · hardware not stated', ['5 GB/s (5 GB/s)']],
        ['Compute, BF16 · per GPU · Hopper', ['500 TFLOPS (500 TFLOPS)']],
        ['Compute, FP8 · per GPU · hardware not stated', ['1500 TFLOPS (1.5 PFLOPS)']],
        ['Compute, precision not stated · scope not stated · hardware not stated', ['7 TFLOPS (7 TFLOPS)']],
        ['Latency · per GPU · hardware not stated', ['500000 µs (0.5 s)']],
        ['Latency · scope not stated · hardware not stated', ['2000 µs (2 ms)', '9 µs (9 µs)']],
      ],
    );
    assert.deepEqual(
      gs[0].bars.map((b) => [b.figureIndex, b.origin, b.measure]),
      [
        [7, 'repository', 'another thing'],
        [9, 'repository', 'bandwidth in MiB'],
      ],
    );
    // The index's "5 GB/s x" says nothing of its scope: it charts alone rather than beside a per-GPU figure.
    assert.deepEqual(
      gs[1].bars.map((b) => [b.figureIndex, b.origin, b.measure]),
      [[0, 'index', 'x']],
    );
  });

  test('renders a page with one chart and one table per group', () => {
    const html = renderComparePage(gs, assets);
    checkSafety(html, assets.nonce);
    assert.equal((html.match(/<section\b/g) ?? []).length, 7);
    assert.equal((html.match(/<svg\b/g) ?? []).length, 7);
    assert.equal((html.match(/<table\b/g) ?? []).length, 7);
    assert.match(text(html), /500k µs \(0\.5 s\)/);
    assert.match(text(html), /1500 TFLOPS \(1\.5 PFLOPS\)/);
    assert.match(text(html), /500\+ TFLOPS 50\.5%\+ of H800 BF16 peak/, 'a lower bound stays one in its share');
  });
});

describe('the compare page', () => {
  const html = renderComparePage(groups, assets);
  const sections = html.split(/<section\b/).slice(1);

  test('is safe: CSP, nonce, no inline script, style or handler', () => {
    checkSafety(html, assets.nonce);
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attribute anywhere');
    for (const uri of assets.styleUris) assert.ok(html.includes(`href="${uri}"`), `loads ${uri}`);
    assert.ok(html.includes(`src="${assets.scriptUri}"`), 'loads media/panel.js');
  });

  test('has a title and an intro on what compares', () => {
    assert.match(html, /<title>Compare figures<\/title>/);
    assert.match(html, /<h1 id="page-title">Compare figures<\/h1>/);
    const intro = text(/<p class="intro">[\s\S]*?<\/p>/.exec(html)?.[0] ?? '');
    assert.match(intro, /Only like figures share a chart/);
    assert.match(intro, /same scope/);
    assert.match(intro, /same GPU generation/);
    assert.match(intro, /derived/);
    assert.match(intro, /GB\/s/);
    assert.match(intro, /µs/);
  });

  test('one section per group, with a heading, a chart and a table', () => {
    assert.equal(sections.length, groups.length);
    groups.forEach((g, i) => {
      const s = sections[i];
      assert.match(s, new RegExp(`<h2 id="group-${g.id}-title">${escapeHtml(g.title)} <span class="unit">`));
      const svg = /<svg\b([^>]*)>/.exec(s);
      assert.ok(svg, `${g.title} has a chart`);
      assert.match(svg[1], new RegExp(`viewBox="0 0 ${CHART_WIDTH} \\d+"`));
      assert.match(svg[1], /aria-label="[^"]*\d+ figures?[^"]*"/);
      assert.match(s, /<svg\b[^>]*>\s*<title\b[^>]*>[^<]+<\/title>/, 'the chart has a title');
    });
  });

  test('every bar opens its entry at its figure, by mouse and keyboard', () => {
    const bars = elements(html, 'g').filter((g) => hasClass(g, 'bar'));
    assert.deepEqual(
      bars.map((g) => `${g['data-entry']}#${g['data-figure']}`),
      allBars(groups).map(key),
      'one bar per figure, each naming its entry and figure',
    );
    for (const g of bars) {
      const where = `${g['data-entry']}#${g['data-figure']}`;
      assert.equal(g['data-action'], 'openEntry', where);
      assert.equal(g.tabindex, '0', where);
      assert.equal(g.role, 'button', where);
      assert.match(g['aria-label'] ?? '', /^Open [^:]+: .+/, where);
    }
    assert.ok(bars.some((g) => g['aria-label'] === 'Open FlashMLA: 3000 GB/s, memory-bound, H800, 89.6% of H800 HBM peak'));
  });

  test('bars are drawn to scale, the largest at full width', () => {
    groups.forEach((g, i) => {
      const widths = elements(sections[i], 'rect')
        .filter((r) => hasClass(r, 'bar-fill'))
        .map((r) => Number(r.width));
      assert.equal(widths.length, g.bars.length);
      assert.equal(widths[0], Math.max(...widths));
      g.bars.forEach((b, j) => near(widths[j], Math.max(2, (b.normalised / g.bars[0].normalised) * widths[0]), 0.1, `${g.title} bar ${j}`));
    });
  });

  test('values and peak shares are written on the chart', () => {
    const body = text(html);
    assert.match(body, /3000 GB\/s 89\.6% of H800 HBM peak/);
    assert.match(body, /7256\.8 GB\/s \(6\.6 TiB\/s\)/);
    assert.match(body, /42\.95\+ GB\/s \(40\+ GiB\/s\)/);
    assert.match(body, /660 TFLOPS 66\.7% of H800 BF16 peak/);
    assert.match(body, /40\.32 GB\/s \(6\.6 TiB\/s\) derived: cluster total ÷ 180 nodes · index figure/);
  });

  test('each chart has a table with one row per bar', () => {
    groups.forEach((g, i) => {
      const table = /<table\b[\s\S]*?<\/table>/.exec(sections[i])?.[0] ?? '';
      assert.match(table, /<caption>[^<]+<\/caption>/);
      const head = [...(/<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '').matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
      assert.deepEqual(head, ['Entry', 'Figure', 'Normalised', 'Measures', 'Conditions / hardware', 'Share of peak', 'Source']);
      const rows = [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '').matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0]);
      assert.equal(rows.length, g.bars.length, `${g.title}: one row per bar`);
      rows.forEach((row, j) => {
        const b = g.bars[j];
        const [button] = elements(row, 'button');
        assert.deepEqual([button?.['data-entry'], button?.['data-figure']], [b.entryId, String(b.figureIndex)], `${g.title} row ${j}`);
        assert.ok(text(row).includes(b.entryName), `${g.title} row ${j} names its entry`);
      });
    });
  });

  test('with no comparable figures, says so', () => {
    const empty = renderComparePage([], assets);
    checkSafety(empty, assets.nonce);
    assert.match(text(empty), /None of the index’s performance figures are in units that compare/);
  });
});

describe('hostile text on the compare page', () => {
  const evil = `<img src=x onerror="alert(1)">"'&<script>alert(2)</script>`;
  const md = ['## 202502 Week', `### Day 1 - [${evil}](https://github.com/o/evil)`, `${evil}  `, `⚡ 5 GB/s ${evil} on H800 memory-bound`].join('\n');
  const data: EntryDataFile = {
    entries: {
      evil: {
        kind: 'kernel-library',
        tagline: evil,
        summary: evil,
        released: evil,
        license: evil,
        languages: [evil],
        related: [],
        figures: [
          {
            metric: evil,
            value: 7,
            unit: 'TFLOPS',
            qualifier: evil,
            conditions: evil,
            hardware: evil,
            scope: 'gpu',
            class: 'performance',
            status: 'current',
            source: { repo: 'o/evil', path: evil, commit: 'abcdef1', date: evil },
          },
        ],
      },
    },
  };
  const c = buildCatalog(parseIndex(md), data);
  const gs = compareGroups(c);
  const html = renderComparePage(gs, assets, { highlightEntry: 'evil' });

  test('the entry is charted', () => {
    assert.deepEqual(
      allBars(gs).map((b) => [b.entryId, b.unit]),
      [
        ['evil', 'GB/s'],
        ['evil', 'TFLOPS'],
      ],
    );
  });

  test('comes out escaped in every field', () => {
    assert.doesNotMatch(html, /<img|<script>alert/);
    assert.doesNotMatch(html, /onerror="/);
    assert.ok(html.includes(escapeHtml(evil)));
    assert.ok(text(html).includes(evil), 'the text is still readable');
    checkSafety(html, assets.nonce);
    assert.doesNotMatch(html, /\sstyle\s*=/i);
  });
});

describe('media/compare.css', () => {
  const css = readRepoFile('media', 'compare.css');
  test('takes every colour from the theme', () => {
    const vars = [...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]);
    assert.ok(vars.length > 10);
    for (const v of vars) assert.match(v, /^--vscode-/);
    assert.doesNotMatch(css.replace(/\/\*[\s\S]*?\*\//g, ''), /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/i, 'no literal colours');
    assert.match(css, /\.bar:focus-visible[^{]*\{[^}]*var\(--vscode-focusBorder\)/);
    assert.match(css, /var\(--vscode-contrastBorder/);
  });
});
