import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { api, recordActions } from './api';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', name), 'utf8');

suite('untrusted index text, parsed in a worker', () => {
  const { calls } = recordActions();
  suiteTeardown(async () => {
    await (await api()).store.load();
  });

  test('an index in the upstream structure is parsed off the thread and taken', async () => {
    const { store } = await api();
    const catalog = await store.loadUntrusted({ markdown: fixture('upstream-variant.md'), origin: 'upstream-variant.md' });
    assert.ok(catalog && catalog.entries.length > 0);
    assert.equal(store.catalog, catalog);
  });

  test('a parse that misses its deadline is stopped, reported, and the index in use stays', async () => {
    const { store } = await api();
    const before = await store.load();
    const big = `## 202502 Week\n\n${Array.from({ length: 2000 }, (_, i) => `### Day ${i} - [E${i}](https://github.com/o/r${i})\n\n**t**\n\n⚡ ${i} GB/s\n`).join('\n')}`;
    const result = await store.loadUntrusted({ markdown: big, origin: 'slow.md' }, 1);
    assert.equal(result, before);
    assert.equal(store.catalog, before);
    assert.equal(calls.length, 1);
    assert.match(calls[0], /^error The index from slow\.md could not be read: Reading the index took longer than 0\.001 s and was stopped\. The previous index stays in use\.$/);
  });

  test('text with no index structure is reported and the index in use stays', async () => {
    const { store } = await api();
    const before = await store.load();
    const result = await store.loadUntrusted({ markdown: '<html><body>Not found</body></html>', origin: 'https://example.invalid/README.md' });
    assert.equal(result, before);
    assert.ok(calls.some((c) => /^error The index from https:\/\/example\.invalid\/README\.md has no entries/.test(c)), calls.join('\n'));
  });

  test('a figure line of 20,000 digits is read without stalling, within the deadline', async () => {
    const { store } = await api();
    const markdown = `## 202502 Week\n\n### Day 1 - [X](https://github.com/o/x)\n\n⚡ ${'9'.repeat(20_000)}\n`;
    const catalog = await store.loadUntrusted({ markdown, origin: 'digits.md' });
    assert.equal(catalog?.entries[0]?.entry.name, 'X');
  });
});
