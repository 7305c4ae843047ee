// Links and actions taken from hostile index text (issue 9): clone only from
// GitHub over https, no user names in addresses, and the list of the links a
// page shows, which is all its panel will open.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entryLink, relatedEntries } from '../../src/core/catalog';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { renderComparePage } from '../../src/core/compareHtml';
import { compareGroups } from '../../src/core/compare';
import { safeHttpUrl } from '../../src/core/html';
import { githubCloneUrl } from '../../src/core/ids';
import type { PageAssets } from '../../src/core/page';
import { renderMarkdown } from '../../src/core/markdown';
import { pageLinks } from '../../src/core/pageLinks';
import { renderEntryPage } from '../../src/core/panelHtml';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const assets: PageAssets = { cspSource: 'https://csp.example', styleUris: ['https://csp.example/base.css'], scriptUri: 'https://csp.example/page.js', nonce: 'n' };

function oneEntry(heading: string) {
  const c = catalogFromSources(`# Index\n## 202502 Open-Source Week\n${heading}\nA library.\n`, undefined, parseIndex);
  assert.equal(c.entries.length, 1, heading);
  return c.entries[0];
}

describe('clone', () => {
  test('is offered for https://github.com/<owner>/<repo>', () => {
    const item = oneEntry('### Day 1 - [A](https://github.com/someone/repo)');
    assert.match(renderEntryPage(item, assets, { canClone: true }), /data-action="cloneRepository"/);
    assert.equal(githubCloneUrl(item.entry.repo), 'https://github.com/someone/repo');
  });

  test('is not offered for a plain-http repository link from the index', () => {
    const item = oneEntry('### Day 1 - [A](http://github.com/someone/repo)');
    assert.doesNotMatch(renderEntryPage(item, assets, { canClone: true }), /data-action="cloneRepository"/);
  });

  test('takes exactly the shape https://github.com/<owner>/<repo>', () => {
    for (const url of ['https://github.com/o/r', 'https://github.com/o/r/', 'https://github.com/o/r.git', 'https://github.com/deepseek-ai/3FS']) {
      assert.ok(githubCloneUrl(url), url);
    }
    for (const url of [
      'http://github.com/o/r',
      'https://www.github.com/o/r',
      'https://github.com.evil.example/o/r',
      'https://github.com@evil.example/o/r',
      'https://user@github.com/o/r',
      'https://github.com:8443/o/r',
      'https://github.com/o',
      'https://github.com/o/r/tree/main',
      'https://github.com/o/r?x=1',
      'https://github.com/o/r#x',
      'https://github.com/../r',
      'https://github.com/o/..',
      ' https://github.com/o/r',
      'ssh://git@github.com/o/r',
      undefined,
    ]) {
      assert.equal(githubCloneUrl(url), undefined, String(url));
    }
  });
});

describe('user names in addresses', () => {
  test('safeHttpUrl refuses them', () => {
    for (const url of ['https://github.com@evil.example/a/b', 'https://user:pass@example.com/', 'http://user@example.com', 'https://:pass@example.com/']) {
      assert.equal(safeHttpUrl(url), undefined, url);
    }
    assert.equal(safeHttpUrl('https://example.com/a@b'), 'https://example.com/a@b', 'an @ in the path is fine');
  });

  test('a link with one in the index is dropped and reported', () => {
    const md = '# Index\n## 202502 Open-Source Week\n### Day 1 - [A](https://github.com/someone/repo)\nA library. [x](https://github.com@evil.example/a/b)\n';
    const c = catalogFromSources(md, undefined, parseIndex);
    const item = c.entries[0];
    assert.ok(item.entry.links.every((l) => !l.url.includes('evil.example')), JSON.stringify(item.entry.links));
    assert.ok(c.problems.some((p) => p.message.includes('https://github.com@evil.example/a/b')), JSON.stringify(c.problems));
    assert.doesNotMatch(renderEntryPage(item, assets), /evil\.example/);
  });

  test('a repository or entry link with one is not used', () => {
    const md = '# Index\n## 2024 AI Infrastructure Paper (SC24)\n### Fire-Flyer\n[Paper](https://someone@arxiv.org/abs/2408.14158)\n';
    const c = catalogFromSources(md, undefined, parseIndex);
    assert.equal(c.entries.length, 1);
    assert.equal(entryLink(c.entries[0]), undefined);
  });
});

describe('pageLinks', () => {
  const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);

  test('lists exactly the hrefs of the links an entry page shows', () => {
    for (const item of catalog.entries) {
      const html = renderEntryPage(item, assets, { related: relatedEntries(catalog, item), canClone: true });
      const anchors = new Set([...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&')));
      const links = pageLinks(html);
      assert.deepEqual([...links].sort(), [...anchors].sort(), item.entry.id);
      assert.ok(!links.has('https://csp.example/base.css'), 'stylesheets are not links');
      for (const l of item.entry.links) assert.ok(links.has(new URL(l.url).toString()), l.url);
      for (const f of item.figures) if (f.source) assert.ok(links.has(f.source.url), f.source.url);
    }
  });

  test('includes the links of the summary, decoded as the page script reads them', () => {
    const item = catalog.entries[0];
    const summary = 'See [the docs](https://docs.example/a?x=1&y="2") and ![chart](https://img.example/c.png).';
    // As the catalog renders a summary when it is built.
    const html = renderEntryPage({ ...item, data: { ...item.data!, summary }, summaryHtml: renderMarkdown(summary) }, assets);
    const links = pageLinks(html);
    assert.ok(links.has('https://docs.example/a?x=1&y=%222%22'), [...links].join('\n'));
    assert.ok(links.has('https://img.example/c.png'));
  });

  test('lists the source links of the comparison page', () => {
    const html = renderComparePage(compareGroups(catalog), assets);
    const links = pageLinks(html);
    assert.ok(links.size > 0);
    for (const url of links) assert.match(url, /^https:\/\/github\.com\/deepseek-ai\/[^/]+\/blob\//);
  });
});
