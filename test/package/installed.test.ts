// The extension as a user gets it. `npm run package` has built the .vsix; each
// suite installs it into a fresh VS Code profile (code-server --install-extension),
// opens the workbench with no extension-development path, and drives tree,
// panel and palette: once in VS Code's Node extension host, once in its
// web-worker host (the one vscode.dev and github.dev run). A package that lacks
// a media file, or needs a devDependency at run time, fails here.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openWorkbench, repoRoot, waitUntil, type Workbench } from '../ui/workbench';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string; publisher: string };
const extensionId = `${manifest.publisher}.${manifest.name}`;
const vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

const HOSTS = [
  { host: 'Node', settings: {}, theme: 'Dark Modern', canClone: true },
  // remote.extensionKind is the user's own way to move an extension to another host.
  { host: 'web worker', settings: { 'remote.extensionKind': { [extensionId]: ['web'] } }, theme: 'Light Modern', canClone: false },
] as const;

for (const { host, settings, theme, canClone } of HOSTS) {
  describe(`the installed .vsix in the ${host} extension host`, () => {
    let wb: Workbench;
    before(async () => {
      assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package first`);
      wb = await openWorkbench({ vsix, settings });
      await wb.setColorTheme(theme);
    });
    after(async () => wb?.close());

    if (host === 'Node') {
      test('the package installs the bundle, its notices and media/, and nothing from the checkout besides', () => {
        const folder = readdirSync(wb.server.extensionsDir).find((d) => d.startsWith(`${extensionId}-`));
        assert.ok(folder, `${extensionId} is installed in ${wb.server.extensionsDir}`);
        const files = filesUnder(join(wb.server.extensionsDir, folder)).filter((f) => f !== '.vsixmanifest');
        const media = filesUnder(join(repoRoot, 'media')).map((f) => `media/${f}`);
        // vsce names the README and CHANGELOG in lower case, and LICENSE as LICENSE.txt.
        const expected = ['LICENSE.txt', 'changelog.md', 'dist/ThirdPartyNotices.txt', 'dist/extension.js', 'dist/main.js', 'dist/parseWorker.js', 'dist/webview/page.js', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'readme.md', ...media];
        assert.deepEqual(files, expected.sort(), 'installed files');
        const notices = readFileSync(join(wb.server.extensionsDir, folder, 'dist', 'ThirdPartyNotices.txt'), 'utf8');
        assert.match(notices, /^marked \d+\.\d+\.\d+ \(MIT\)$/m, 'marked is named with its licence');
        assert.match(notices, /Permission is hereby granted/, "marked's MIT notice is reproduced");
        assert.match(notices, /CC0/, 'the index source is credited');
      });

      test('the Node entry point loads the extension only after activate() has returned, and passes its API on', async () => {
        const folder = readdirSync(wb.server.extensionsDir).find((d) => d.startsWith(`${extensionId}-`)) ?? '';
        const installed = join(wb.server.extensionsDir, folder);
        const { main } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { main: string };
        const source = readFileSync(join(installed, main), 'utf8');
        const required: string[] = [];
        const api = { version: 'the API' };
        const fakeRequire = (id: string): unknown => {
          required.push(id);
          return { activate: (context: unknown) => Promise.resolve({ ...api, context }), deactivate: () => undefined };
        };
        const module = { exports: {} as { activate(context: unknown): Promise<unknown> } };
        new Function('module', 'exports', 'require', source)(module, module.exports, fakeRequire);
        assert.deepEqual(required, [], 'loading the entry point requires nothing');
        const activation = module.exports.activate('the context');
        assert.deepEqual(required, [], 'activate() returns before the extension is loaded');
        assert.deepEqual(await activation, { ...api, context: 'the context' }, "activation resolves to the extension's own result");
        assert.deepEqual(required, ['./extension.js'], 'then the bundle is loaded, once');
        assert.ok(Buffer.byteLength(source) < 2048, `the entry point stays small: ${Buffer.byteLength(source)} bytes`);
      });

      test('marked ships once, in the parse worker; the extension host bundle carries no markdown parser', () => {
        const folder = readdirSync(wb.server.extensionsDir).find((d) => d.startsWith(`${extensionId}-`)) ?? '';
        const read = (file: string) => readFileSync(join(wb.server.extensionsDir, folder, 'dist', file), 'utf8');
        // A string of marked's own that minifying keeps.
        const MARKED = 'Please report this to https://github.com/markedjs/marked.';
        assert.ok(read('parseWorker.js').includes(MARKED), 'the worker holds marked');
        assert.ok(!read('extension.js').includes(MARKED), 'the extension bundle does not');
      });
    }

    test('the tree lists the entries, and a row opens its styled, scripted panel', { timeout: 90_000 }, async () => {
      await wb.openView();
      await wb.waitForRows(1, 60_000);
      await wb.expandAll();
      const labels = await wb.treeLabels();
      for (const name of ['FlashMLA', 'DeepEP', 'DeepGEMM', 'DualPipe', 'EPLB', 'profile-data', '3FS', 'smallpond']) {
        assert.ok(labels.includes(name), `${name} in the tree: ${labels.join(', ')}`);
      }
      for (const start of ['Fire-Flyer AI-HPC:', 'Insights into DeepSeek-V3:', 'The Path to Open-Sourcing']) {
        assert.ok(labels.some((l) => l.startsWith(start)), `${start}… in the tree: ${labels.join(', ')}`);
      }
      const text = await wb.openEntryFromTree('3FS');
      assert.match(text, /6\.6\s*TiB\/s/, 'figures from entries.json and the index');
      const frame = wb.webviewFrame();
      // panel.css arrived: the figure cards are laid out as cards.
      const radius = await frame.locator('article.card').first().evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
      assert.equal(radius, '4px', 'panel.css styles the cards');
      assert.equal(await frame.locator('[data-action="cloneRepository"]').count(), canClone ? 1 : 0, `Clone is ${canClone ? '' : 'not '}offered`);
      await wb.screenshot(`installed-${host.replace(' ', '-')}-3fs`, { readme: true });
      // The page script arrived: a related chip posts its message and the extension opens that entry.
      await frame.locator('#related button.chip', { hasText: 'smallpond' }).click();
      await wb.waitForActiveTab('smallpond');
      await waitUntil('the smallpond page', async () => (await wb.webviewFrame().locator('h1').innerText().catch(() => '')).trim() === 'smallpond');
    });

    test('the palette finds an entry and compares figures', { timeout: 90_000 }, async () => {
      await wb.findEntry('GraySort', '3FS');
      await wb.runCommand('Infra Index: Compare Figures');
      await wb.waitForActiveTab('Compare Figures');
      const bars = wb.webviewFrame().locator('svg g.bar');
      await waitUntil('bars drawn', async () => (await bars.count()) > 5);
      // The README shows the light one.
      await wb.screenshot(`installed-${host.replace(' ', '-')}-compare`, { readme: host === 'web worker' });
    });

    test(`its log says it runs in the ${host} extension host`, { timeout: 90_000 }, async () => {
      await wb.openView();
      await wb.waitForRows(1, 60_000);
      const text = await wb.outputChannelText('Open Infra Index', /running in the .* extension host/);
      assert.match(text, new RegExp(`Open Infra Index ${manifest.version.replace(/\./g, '\\.')} running in the ${host} extension host`));
      assert.match(text, /Loaded 12 entries/);
    });
  });
}
