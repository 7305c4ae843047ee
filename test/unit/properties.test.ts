// Property tests: for arbitrary text and for generated index-like markdown,
// parsing, building the catalog, rendering and searching never throw, entry
// ids are unique, and every link a page emits goes to an http(s) address.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { relatedEntries, type Catalog } from '../../src/core/catalog';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { compareGroups } from '../../src/core/compare';
import { renderComparePage } from '../../src/core/compareHtml';
import { renderMarkdown } from '../../src/core/markdown';
import { allEntries } from '../../src/core/model';
import type { PageAssets } from '../../src/core/page';
import { mayBeMojibake } from '../../src/core/encoding';
import { parseAddress, resolveAddress } from '../../src/core/indexLinks';
import { boundMarkdown } from '../../src/core/markdownBounds';
import { parseIndex } from '../../src/core/parseIndex';
import { renderEntryPage } from '../../src/core/panelHtml';
import { entryDoc, figureDoc, figureRefs, search } from '../../src/core/search';
import { misdecode } from './helpers';

/** Runs per property: the five properties stay well under a second together. */
const RUNS = 60;

const assets: PageAssets = { cspSource: 'vscode-resource:', styleUris: ['base.css'], scriptUri: 'page.js', nonce: 'bm9uY2U=' };

const url = fc.oneof(
  fc.constantFrom('https://github.com/deepseek-ai/FlashMLA', 'https://arxiv.org/abs/2408.14158', 'docs/x.md', 'javascript:alert(1)', 'data:text/html,x', '', ' '),
  fc.webUrl(),
  fc.string({ maxLength: 20 }),
  fc.tuple(fc.constantFrom('a', 'b', 'deepseek-ai'), fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/)).map(([o, r]) => `https://github.com/${o}/${r}`),
);
const words = fc.string({ maxLength: 24 });
const markupy = fc.stringMatching(/^[*_~`[\]()<>!\\|&#>:→ .,-]{0,12}$/);
const text = fc.oneof(words, markupy, fc.constantFrom('memory-bound', 'on H800', 'in a 180-node cluster', 'up to', 'Performance:'));
const figure = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 100000 }).map(String), fc.constantFrom('73.7k', '1,350', '40+', '6.6', '1/2')),
    fc.constantFrom('GB/s', 'TFLOPS', 'TiB/s', 'TiB/min', 'µs', 'us', 'tokens per second', '%', 'xx'),
    fc.constantFrom('', 'BF16 ', 'FP8 '),
    text,
  )
  .map(([n, unit, precision, rest]) => `${precision}${n} ${unit} ${rest}`);
const line = fc.oneof(
  text,
  fc.tuple(text, url).map(([label, href]) => `🔗 [**${label}**](${href})`),
  fc.tuple(text, url).map(([label, href]) => `📥 ${label} → ${href}`),
  text.map((t) => `✅ ${t}`),
  fc.array(figure, { minLength: 1, maxLength: 3 }).map((fs) => `⚡ Performance: ${fs.join(' | ')}`),
  text.map((t) => `**${t}**  `),
  fc.tuple(text, text).map(([a, b]) => `✅ **${a}** - ${b}`),
  fc.constantFrom('', '', '- ', '> ', '```', '<div>', '---'),
);
const section = fc
  .tuple(fc.integer({ min: 0, max: 9 }), text, fc.option(url), fc.array(line, { maxLength: 8 }))
  .map(([day, title, href, lines]) => [`### Day ${day} - ${href === null ? title : `[${title}](${href})`}`, ...lines].join('\n'));
const period = fc
  .tuple(fc.constantFrom('202502 Open-Source Week', '2024 AI Infrastructure Paper (SC24)', '2025 Other'), fc.array(section, { maxLength: 4 }))
  .map(([heading, sections]) => [`## ${heading}`, ...sections].join('\n\n'));
const indexLike = fc.array(period, { minLength: 1, maxLength: 3 }).map((ps) => ['# Open Infra Index', ...ps].join('\n\n'));
const anyMarkdown = fc.oneof(indexLike, fc.string({ unit: 'binary', maxLength: 400 }), fc.array(line, { maxLength: 20 }).map((ls) => ls.join('\n')));

const dataJson = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 30 }),
  fc
    .record({ summary: fc.oneof(anyMarkdown, markupy), related: fc.array(fc.constantFrom('flashmla', 'deepep', 'x'), { maxLength: 3 }) })
    .map((d) => JSON.stringify({ entries: { flashmla: { ...d, kind: 'kernel-library', tagline: 't', languages: [], figures: [] } } })),
);

/** The href of every <a> in the page. */
function anchorHrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"/g)].map((m) => m[1]);
}

function assertHttpLinks(html: string): void {
  for (const href of anchorHrefs(html)) assert.match(href, /^https?:\/\//, `link to "${href}"`);
}

function catalogOf(md: string, json: string | undefined): Catalog {
  return catalogFromSources(md, json, parseIndex);
}

describe(`properties (${RUNS} runs each)`, () => {
  test('parsing never throws, and entry ids are unique', () => {
    fc.assert(
      fc.property(anyMarkdown, (md) => {
        const ids = allEntries(parseIndex(md).index).map((e) => e.id);
        assert.equal(new Set(ids).size, ids.length);
      }),
      { numRuns: RUNS },
    );
  });

  test('the catalog builds from any index and any entry data', () => {
    fc.assert(
      fc.property(anyMarkdown, dataJson, (md, json) => {
        const catalog = catalogOf(md, json);
        for (const e of catalog.entries) assert.equal(catalog.get(e.entry.id), e);
      }),
      { numRuns: RUNS },
    );
  });

  test('entry and compare pages render, and link only to http(s)', () => {
    fc.assert(
      fc.property(indexLike, dataJson, (md, json) => {
        const catalog = catalogOf(md, json);
        for (const e of catalog.entries) assertHttpLinks(renderEntryPage(e, assets, { related: relatedEntries(catalog, e) }));
        assertHttpLinks(renderComparePage(compareGroups(catalog), assets));
      }),
      { numRuns: RUNS },
    );
  });

  test('summaries render, and link only to http(s)', () => {
    fc.assert(
      fc.property(anyMarkdown, (md) => assertHttpLinks(renderMarkdown(md))),
      { numRuns: RUNS },
    );
  });

  test('search never throws and finds only what it was given', () => {
    fc.assert(
      fc.property(indexLike, fc.string({ maxLength: 30 }), (md, query) => {
        const catalog = catalogOf(md, undefined);
        const docs = catalog.entries.map(entryDoc);
        for (const hit of search(query, docs)) assert.ok(catalog.entries.includes(hit.item));
        search(query, figureRefs(catalog.entries).map(figureDoc));
      }),
      { numRuns: RUNS },
    );
  });

  test('the bounds note mojibake exactly when the bounded text has its signature', () => {
    // Mis-decoded pieces dropped anywhere: in fences, past a bound, after markers.
    const garbled = fc.constantFrom(misdecode('🔗 – ✅'), misdecode('café', 'windows-1252'), 'Ã', '\u00a9', '```\n', '> > > > > > > > > ', 'x'.repeat(1_990), '*'.repeat(120));
    const text = fc.tuple(anyMarkdown, fc.array(fc.tuple(fc.nat(400), garbled), { maxLength: 4 })).map(([md, inserts]) =>
      inserts.reduce((s, [at, piece]) => s.slice(0, at) + piece + s.slice(at), md),
    );
    fc.assert(
      fc.property(text, (md) => {
        const bounded = boundMarkdown(md);
        assert.equal(bounded.mayBeMojibake, mayBeMojibake(bounded.text));
      }),
      { numRuns: RUNS * 5 },
    );
  });

  test('a link resolves as the URL parser resolves it, shortcut or not', () => {
    const segment = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/), fc.constantFrom('.', '..', '...', '.git', '%2e', 'A B', '@x', 'x:y'));
    const href = fc.oneof(
      fc.tuple(fc.constantFrom('https://github.com/', 'http://github.com/', 'https://GitHub.com/', 'https://github.com//', 'https://github.com:443/'), segment, segment, fc.constantFrom('', '/', '//', '/tree/main', '?x', '#y')).map(([a, b, c, d]) => `${a}${b}/${c}${d}`),
      url,
    );
    fc.assert(
      fc.property(href, (h) => {
        assert.deepEqual(resolveAddress(h, 'https://github.com/deepseek-ai/open-infra-index/blob/main/'), parseAddress(h, 'https://github.com/deepseek-ai/open-infra-index/blob/main/'));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
