import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { relatedEntries } from '../../src/core/catalog';
import { buildCatalog, catalogFromSources } from '../../src/core/catalogBuild';
import type { EntryDataFile } from '../../src/core/entryData';
import { figureLabel } from '../../src/core/figureText';
import { escapeHtml } from '../../src/core/html';
import { parseIndex } from '../../src/core/parseIndex';
import { contentSecurityPolicy, type PageAssets } from '../../src/core/page';
import { figureCitation, renderEntryPage, renderMissingEntryPage } from '../../src/core/panelHtml';
import { formatNumber } from '../../src/core/units';
import { readRepoFile } from './helpers';
import { elements, hasClass } from './htmlElements';
import { checkSafety, text } from './htmlSafety';

const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
const assets: PageAssets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/base.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.css'],
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/panel.js',
  nonce: 'bm9uY2Utb2YtdGhlLXRlc3Q=',
};

describe('entry pages', () => {
  for (const item of catalog.entries) {
    test(`${item.entry.id}: every figure, feature and link appears`, () => {
      const html = renderEntryPage(item, assets, { related: relatedEntries(catalog, item) });
      const body = text(html);
      assert.ok(body.includes(item.entry.name));
      for (const f of item.figures) {
        assert.ok(body.includes(`${formatNumber(f.value)}${f.lowerBound ? '+' : ''} ${f.unit}`), `${figureLabel(f)} shown`);
        if (f.source) {
          assert.ok(html.includes(`href="${escapeHtml(f.source.url)}"`), `source of ${figureLabel(f)} is linked`);
          if (f.source.date) assert.ok(body.includes(f.source.date), `date of ${figureLabel(f)} shown`);
        }
        if (f.measure) assert.ok(body.includes(f.measure), `what ${figureLabel(f)} measures`);
      }
      for (const feature of item.entry.features) assert.ok(body.includes(feature), feature);
      for (const link of item.entry.links) assert.ok(html.includes(`href="${escapeHtml(new URL(link.url).toString())}"`), link.url);
      for (const r of relatedEntries(catalog, item)) assert.ok(html.includes(`data-entry="${r.entry.id}"`), `chip for ${r.entry.id}`);
      if (item.data) {
        for (const field of [item.data.tagline, item.data.released, item.data.license]) assert.ok(body.includes(field), field);
      }
      checkSafety(html, assets.nonce);
    });
  }

  test('a figure with a hardware peak gets a bar with its share and basis', () => {
    const html = renderEntryPage(catalog.get('flashmla')!, assets);
    const bars = elements(html, 'progress').filter((p) => hasClass(p, 'peak-bar'));
    assert.ok(bars.some((p) => p.max === '100' && p.value === '89.6'), 'a bar at 89.6 of 100');
    assert.match(text(html), /89\.6% of peak · H800 SXM5 HBM3 bandwidth, 3\.35 TB\/s/);
    assert.match(text(html), /58\.6% of peak · H800 SXM5 dense BF16 Tensor Core peak, 989\.4 TFLOPS/);
  });

  test('an index figure with a newer repository figure shows both, with dates', () => {
    const body = text(renderEntryPage(catalog.get('flashmla')!, assets));
    assert.match(body, /Newer figure 580 TFLOPS → 660 TFLOPS \(\d{4}-\d{2}-\d{2}, deepseek-ai\/FlashMLA\)/);
    assert.match(body, /Newer than the index index: 580 TFLOPS \(2025-02-24\) → 660 TFLOPS/);
    const gemm = text(renderEntryPage(catalog.get('deepgemm')!, assets));
    assert.match(gemm, /1350\+ TFLOPS → 1550 TFLOPS/);
  });

  test('the highlighted figure is marked', () => {
    const html = renderEntryPage(catalog.get('3fs')!, assets, { highlightFigure: 1 });
    const highlighted = elements(html, 'article').filter((a) => hasClass(a, 'highlight'));
    assert.deepEqual(highlighted.map((a) => [hasClass(a, 'card'), a.id]), [[true, 'figure-1']]);
    assert.match(html, /data-highlight="1"/);
  });

  test('actions are offered only where there is a repository', () => {
    assert.match(renderEntryPage(catalog.get('deepep')!, assets, { canClone: true }), /data-action="cloneRepository"/);
    const paper = renderEntryPage(catalog.get('fire-flyer-ai-hpc')!, assets, { canClone: true });
    assert.doesNotMatch(paper, /data-action="cloneRepository"/);
    assert.match(paper, /data-action="copyLink"/);
  });

  test('clone is offered only where Git can clone (not in vscode.dev)', () => {
    const page = renderEntryPage(catalog.get('deepep')!, assets, { canClone: false });
    assert.doesNotMatch(page, /data-action="cloneRepository"/);
    assert.match(page, /data-action="openRepository"/);
  });

  test('a figure copies as one line with its source', () => {
    const item = catalog.get('flashmla')!;
    const line = figureCitation(item, item.figures[1]);
    assert.equal(line.includes('\n'), false);
    assert.match(line, /^FlashMLA: 580 BF16 TFLOPS \(compute-bound; H800\)\. Source: https:\/\/github\.com\/deepseek-ai\/open-infra-index\/blob\/56d8685[0-9a-f]+\/README\.md \(2025-02-24\)$/);
  });

  test('the CSP allows nothing by default and scripts only by nonce', () => {
    assert.equal(
      contentSecurityPolicy(assets),
      `default-src 'none'; style-src ${assets.cspSource}; img-src ${assets.cspSource}; font-src ${assets.cspSource}; script-src 'nonce-${assets.nonce}'`,
    );
  });
});

describe('hostile index text', () => {
  const evil = `<img src=x onerror="alert(1)">"'&<script>alert(2)</script>`;
  const md = [
    '## 202502 Week',
    `### Day 1 - [${evil}](https://github.com/o/evil)`,
    `${evil}  `,
    `✅ ${evil}  `,
    `⚡ 5 GB/s ${evil} on H800  `,
    `🔗 [${evil}](https://example.com/"><script>alert(3)</script>)  `,
    `🔗 [js](javascript:alert(4))`,
  ].join('\n');
  const data: EntryDataFile = {
    entries: {
      evil: {
        kind: 'kernel-library',
        tagline: evil,
        summary: `${evil}\n\n<div onclick="x()">raw block</div>\n\n[bad](javascript:alert(5)) [ok](https://example.com)\n\n![img](https://tracker.example/p.png)`,
        released: evil,
        license: evil,
        languages: [evil],
        related: ['evil'],
        figures: [
          {
            metric: evil,
            value: 1,
            unit: evil,
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
  const item = c.get('evil')!;
  const html = renderEntryPage(item, assets, { related: relatedEntries(c, item), highlightFigure: 0 });

  test('comes out escaped in every field', () => {
    assert.doesNotMatch(html, /<img|<script>alert|<div onclick/);
    assert.doesNotMatch(html, /onerror="/);
    assert.ok(html.includes(escapeHtml(evil)));
    assert.ok(text(html).includes(evil), 'the text is still readable');
  });

  test('raw HTML in the summary markdown comes out as text', () => {
    assert.ok(html.includes('&lt;div onclick=&quot;x()&quot;&gt;raw block&lt;/div&gt;'));
  });

  test('only http(s) links are clickable', () => {
    assert.doesNotMatch(html, /javascript:alert\(4\)"|href="javascript/);
    assert.match(html, /<a href="https:\/\/example\.com\/" class="external">ok<\/a>/);
    assert.match(html, /href="https:\/\/example\.com\/%22%3E%3Cscript%3Ealert\(3\)%3C\/script%3E"/);
    assert.doesNotMatch(html, /<img /, 'images in markdown become links, never loads');
  });

  test('the page stays safe', () => {
    checkSafety(html, assets.nonce);
  });
});

describe('the page of an entry the index in use does not have', () => {
  test('names the entry and the index, escaped, and offers nothing to act on', () => {
    const name = '<img src=x onerror=alert(1)> "Widget"';
    const html = renderMissingEntryPage(name, 'team.md · read just now', assets, true);
    checkSafety(html, assets.nonce);
    assert.ok(!html.includes('<img'), 'the name is escaped');
    assert.ok(text(html).includes(`${name} is not in the index in use (team.md · read just now).`));
    assert.match(html, /<body data-announce="&lt;img src=x onerror=alert\(1\)&gt; &quot;Widget&quot; is not in the index in use \(team\.md · read just now\)\.">/);
    assert.doesNotMatch(renderMissingEntryPage(name, 'team.md', assets), /data-announce/, 'announced only when asked');
    assert.doesNotMatch(html, /data-action=|<a |<button/);
  });
});
