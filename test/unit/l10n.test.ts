// Issue 13: every user-facing string of the manifest and the extension host
// goes through VS Code's localisation, and the Simplified Chinese bundles
// cover every key without losing a placeholder.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { getL10nJson } from '@vscode/l10n-dev';
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
