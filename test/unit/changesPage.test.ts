import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readableDate, renderChangesPage, type ChangesPageInput } from '../../src/core/changesHtml';
import { diffIndexes } from '../../src/core/indexDiff';
import { indexSourceFor, linkBaseFor } from '../../src/core/indexLinks';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { pageLinks } from '../../src/core/pageLinks';
import { parseIndex } from '../../src/core/parseIndex';
import { ageText, sourceText } from '../../src/core/sourceText';
import { readRepoFile } from './helpers';

const assets = { cspSource: 'vscode-resource:', styleUris: ['base.css', 'panel.css'], scriptUri: 'page.js', nonce: 'n0nce' };
const bundled = readRepoFile('media', 'open-infra-index.md');

function page(after: string, options: Partial<ChangesPageInput> = {}): string {
  const diff = diffIndexes(parseIndex(bundled).index, parseIndex(after).index);
  const input: ChangesPageInput = {
    diff,
    before: { name: 'bundled', date: '2025-05-15' },
    after: { name: 'upstream', date: '2026-12-01T14:05:09.000Z' },
    applied: false,
    openable: new Set(['flashmla']),
    ...options,
  };
  return renderChangesPage(input, assets);
}

describe('the Show Changes page', () => {
  test('names both versions with their dates, and offers to use the newer one', () => {
    const html = page(bundled.replace('BF16 580 TFLOPS', 'BF16 660 TFLOPS'));
    assert.match(html, /From <strong>bundled<\/strong>, 2025-05-15<br>to <strong>upstream<\/strong>, 2026-12-01 14:05 UTC\./);
    assert.match(html, /data-action="useUpstreamIndex"/);
    assert.match(html, /Figure, compute-bound: <del>580 BF16 TFLOPS<\/del> → <ins>660 BF16 TFLOPS<\/ins>/);
    assert.match(html, /data-action="openEntry" data-entry="flashmla"/);
    assert.doesNotMatch(page(bundled.replace('BF16 580', 'BF16 660'), { applied: true }), /data-action="useUpstreamIndex"/);
  });

  test('index text on the page is escaped, and only http(s) links are links', () => {
    const hostile = bundled
      .replace('(https://arxiv.org/abs/2408.14158)', '(javascript:alert(1))')
      .replace('How DeepSeek designed', '<img src=x onerror=alert(1)> How DeepSeek designed');
    const html = page(hostile);
    assert.doesNotMatch(html, /<img src=x/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.ok([...pageLinks(html)].every((url) => /^https?:\/\//.test(url)), [...pageLinks(html)].join(' '));
  });

  test('a description that went away reads as (none)', () => {
    const html = page(bundled.replace('How DeepSeek designed a 10,000-GPU PCIe A100 cluster together with its software to train models at lower cost, presented at SC24.\n\n', ''));
    assert.match(html, /Description: “How DeepSeek designed[^<]*” → \(none\)/);
  });

  test('no changes: says so, and offers nothing', () => {
    const html = page(bundled);
    assert.match(html, /Nothing differs/);
    assert.doesNotMatch(html, /data-action=/);
  });

  test('dates read as a reader writes them', () => {
    assert.equal(readableDate('2026-12-01T09:30:00.000Z'), '2026-12-01 09:30 UTC');
    assert.equal(readableDate('2025-05-15'), '2025-05-15');
  });
});

describe('where the index comes from, as the view says it', () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  test('ages', () => {
    assert.equal(ageText(now - 20_000, now), 'just now');
    assert.equal(ageText(now - 5 * 60_000, now), '5 min ago');
    assert.equal(ageText(now - 3 * 3_600_000, now), '3 h ago');
    assert.equal(ageText(now - 26 * 3_600_000, now), '1 day ago');
    assert.equal(ageText(now - 50 * 3_600_000, now), '2 days ago');
    assert.equal(ageText(now + 60_000, now), 'just now', 'a clock that went back');
  });

  test('sources', () => {
    assert.equal(sourceText({ kind: 'bundled', asOf: '2025-05-15' }, now), 'bundled · upstream of 2025-05-15');
    assert.equal(sourceText({ kind: 'upstream', checkedAt: now - 7_200_000 }, now), 'upstream · checked 2 h ago');
    assert.equal(sourceText({ kind: 'file', name: 'team.md', readAt: now }, now), 'team.md · read just now');
  });
});

describe('what relative links of a fetched index resolve against', () => {
  test('a raw GitHub file: its folder on github.com', () => {
    assert.equal(linkBaseFor('https://raw.githubusercontent.com/deepseek-ai/open-infra-index/main/README.md'), 'https://github.com/deepseek-ai/open-infra-index/blob/main/');
    assert.equal(linkBaseFor('https://raw.githubusercontent.com/me/fork/dev/docs/INDEX.md'), 'https://github.com/me/fork/blob/dev/docs/');
  });
  test('anywhere else: the URL\'s own folder', () => {
    assert.equal(linkBaseFor('http://127.0.0.1:8080/mirror/README.md'), 'http://127.0.0.1:8080/mirror/');
  });
});

describe('what the figures of an index from elsewhere cite', () => {
  test('a raw GitHub file: the file in its repository, on its branch; elsewhere: the address', () => {
    assert.deepEqual(indexSourceFor('https://raw.githubusercontent.com/deepseek-ai/open-infra-index/main/README.md'), {
      repo: 'deepseek-ai/open-infra-index',
      path: 'README.md',
      url: 'https://github.com/deepseek-ai/open-infra-index/blob/main/README.md',
    });
    assert.deepEqual(indexSourceFor('http://127.0.0.1:8080/mirror/README.md'), { repo: '127.0.0.1:8080', path: 'mirror/README.md', url: 'http://127.0.0.1:8080/mirror/README.md' });
  });

  test('a foreign index cites its own source, and is not blamed for data naming entries it lacks', () => {
    const md = '# Team\n\n## 202601 Tools\n\n### Day 1 - [Widget](https://github.com/acme/widget)\n\n⚡ 120 GB/s read bandwidth\n';
    const data = readRepoFile('media', 'entries.json');
    const indexSource = { repo: 'your index file', path: 'team.md', url: '' };
    const foreign = catalogFromSources(md, data, parseIndex, { indexSource, foreign: true });
    assert.deepEqual(foreign.problems, []);
    assert.deepEqual(foreign.get('widget')?.figures[0].source, { repo: 'your index file', path: 'team.md', commit: undefined, date: undefined, url: '' });
    const bundledPair = catalogFromSources(md, data, parseIndex);
    assert.ok(bundledPair.problems.some((p) => /names "flashmla", which is not in the index/.test(p.message)), 'the bundled pair is still checked');
  });
});
