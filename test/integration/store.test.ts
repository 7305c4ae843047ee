import * as assert from 'node:assert/strict';
import { buildCatalog } from '../../src/core/catalogBuild';
import { parseIndex } from '../../src/core/parseIndex';
import { api } from './api';

suite('index store', () => {
  test('a catalog with no entries is refused and the last good one stays in use', async () => {
    const { store } = await api();
    const before = store.catalog;
    assert.equal(before?.entries.length, 12);
    const broken = buildCatalog(parseIndex('garbage with no headings'), undefined);
    const kept = store.accept(broken);
    assert.equal(kept, before);
    assert.equal(store.catalog, before);
  });

  test('reloading the bundled index keeps all twelve entries', async () => {
    const { store, tree } = await api();
    const reloaded = await store.load();
    assert.equal(reloaded?.entries.length, 12);
    assert.equal(tree.getChildren().flatMap((r) => tree.getChildren(r)).length, 12);
  });
});
