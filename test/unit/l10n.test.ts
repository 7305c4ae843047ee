// Issue 13: every user-facing string of the manifest and the extension host
// goes through VS Code's localisation, and the Simplified Chinese bundles
// cover every key without losing a placeholder.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as l10n from '@vscode/l10n';
import { getL10nJson } from '@vscode/l10n-dev';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { setDisplayLocale } from '../../src/core/displayLocale';
import { rowDescription } from '../../src/core/headlines';
import { entryPickText } from '../../src/core/lookups';
import type { PageAssets } from '../../src/core/page';
import { renderEntryPage } from '../../src/core/panelHtml';
import { parseIndex } from '../../src/core/parseIndex';
import { entryDoc, search } from '../../src/core/search';
import { text } from './htmlSafety';
import { ROOT, readRepoFile } from './helpers';

type Strings = Record<string, string>;
const json = (...path: string[]): Strings => JSON.parse(readRepoFile(...path)) as Strings;

/** What a translation must keep as written: {0}-style arguments, `#setting.id#` references, `code`, and link targets. */
function kept(text: string): string[] {
  const parts = [...text.matchAll(/\{\d+\}|#[\w.]+#|`[^`]*`|\]\((?:command:|https?:)[^)]*\)/g)].map((m) => m[0]);
  return parts.sort();
}

function assertTranslated(english: Strings, translated: Strings, what: string): void {
  assert.deepEqual(Object.keys(translated), Object.keys(english), `${what}: the same keys, in the same order`);
  for (const [key, source] of Object.entries(english)) {
    const value = translated[key];
    assert.ok(typeof value === 'string' && value.trim().length > 0, `${what}: "${key}" is translated`);
    assert.deepEqual(kept(value), kept(source), `${what}: "${key}" keeps its placeholders`);
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

describe('localisation', () => {
  test('every %key% of package.json is in package.nls.json, and every key there is used', () => {
    const manifest = readRepoFile('package.json');
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    const nls = json('package.nls.json');
    assert.ok(used.size >= 40, `${used.size} keys`);
    for (const key of used) assert.ok(key in nls, `package.nls.json has ${key}`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.json uses ${key}`);
  });

  test('the runtime bundle holds exactly the strings the source passes to vscode.l10n.t', async () => {
    const files = sourceFiles(join(ROOT, 'src')).map((f) => ({ extension: '.ts', contents: readRepoFile(f.slice(ROOT.length + 1)) }));
    const exported = await getL10nJson(files);
    const keys = (o: object) => Object.keys(o).sort();
    assert.deepEqual(keys(json('l10n', 'bundle.l10n.json')), keys(exported), 'run npm run l10n after changing a string');
  });

  test('Simplified Chinese covers every manifest key, keeping its placeholders', () => {
    assertTranslated(json('package.nls.json'), json('package.nls.zh-cn.json'), 'package.nls.zh-cn.json');
  });

  test('Simplified Chinese covers every runtime string, keeping its placeholders', () => {
    assertTranslated(json('l10n', 'bundle.l10n.json'), json('l10n', 'bundle.l10n.zh-cn.json'), 'bundle.l10n.zh-cn.json');
  });

  test('product and technical names stay as the field writes them', () => {
    const zh = { ...json('package.nls.zh-cn.json'), ...json('l10n', 'bundle.l10n.zh-cn.json') };
    const en = { ...json('package.nls.json'), ...json('l10n', 'bundle.l10n.json') };
    for (const term of ['Open Infra Index', 'FlashMLA', 'DeepGEMM', 'FP8', 'H800', 'GraySort', 'Python', 'CUDA']) {
      for (const [key, source] of Object.entries(en)) {
        if (source.includes(term)) assert.ok(zh[key].includes(term), `"${key}" keeps ${term}`);
      }
    }
  });
});

describe('pages, tree text and lookups in Simplified Chinese (the extension’s own locale selection, through the same bundle)', () => {
  const zh = json('l10n', 'bundle.l10n.zh-cn.json');
  const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), readRepoFile('media', 'entries.json'), parseIndex);
  const assets: PageAssets = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', styleUris: [], scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/page.js', nonce: 'bm9uY2U=' };
  const inChinese = <T>(fn: () => T): T => {
    l10n.config({ contents: zh });
    setDisplayLocale('zh-cn');
    try {
      return fn();
    } finally {
      l10n.config({ contents: {} });
      setDisplayLocale('en');
    }
  };

  test('an entry panel: headings, labels, tagline and summary', () => {
    const flash = catalog.get('flashmla');
    assert.ok(flash);
    const html = inChinese(() => renderEntryPage(flash, assets));
    const body = text(html);
    for (const heading of ['Summary', 'Figures', 'Figure history', 'Links']) assert.ok(html.includes(`>${zh[heading]}</h2>`), `"${heading}" reads "${zh[heading]}"`);
    assert.ok(body.includes(flash.data?.translations?.['zh-cn']?.tagline ?? '?'), 'the Chinese tagline');
    assert.doesNotMatch(html, />Summary<\/h2>|>Figures<\/h2>/, 'no English heading is left');
    assert.match(body, /FlashMLA/, 'names stay as written');
    // English again once the locale is back.
    assert.match(renderEntryPage(flash, assets), />Summary<\/h2>/);
  });

  test('the tree’s kind names and Find Entry’s rows', () => {
    const eplb = catalog.get('eplb');
    assert.ok(eplb);
    const [description, detail] = inChinese(() => [rowDescription(eplb), entryPickText(eplb).detail]);
    assert.equal(description, zh['load balancer']);
    assert.ok(detail.startsWith(eplb.data?.translations?.['zh-cn']?.tagline ?? '?'), detail);
  });

  test('the parser’s problems read in the display language (the worker is handed the same bundle)', () => {
    const messages = inChinese(() => parseIndex('# Not an index\n\n[x](javascript:alert(1))\n').problems.map((p) => p.message));
    assert.ok(messages.includes(zh['No period headings (## …) were found: this does not look like the Open Infra Index.']), messages.join('\n'));
    // Code that acts on a problem reads its kind, not its words.
    const misdecoded = inChinese(() => parseIndex(`## 202502 W\n### Day 1 - [A](https://github.com/o/a)\n${new TextDecoder('windows-1254').decode(new TextEncoder().encode('✅ café'))}\n`).problems);
    assert.ok(misdecoded.some((p) => p.kind === 'encoding' && p.message.startsWith('文本')), JSON.stringify(misdecoded));
  });

  test('Find Entry finds an entry by its Chinese tagline as well as its English one, in either language', () => {
    const match = (query: string) => catalog.entries.filter((e) => entryPickText(e).detail.includes(query)).map((e) => e.entry.id);
    const fs3 = catalog.get('3fs');
    const chinese = fs3?.data?.translations?.['zh-cn']?.tagline.slice(0, 8) ?? '?';
    const english = fs3?.data?.tagline.slice(0, 20) ?? '?';
    assert.deepEqual(match(chinese), ['3fs']);
    assert.deepEqual(match(english), ['3fs']);
    assert.deepEqual(inChinese(() => match(chinese)), ['3fs']);
    assert.deepEqual(inChinese(() => match(english)), ['3fs']);
    const docs = catalog.entries.map(entryDoc);
    assert.equal(search('分布式文件系统', docs)[0]?.item.entry.id, '3fs', 'the ranked search (tree filter) too');
  });
});
