import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWebviewMessage } from '../../src/core/messages';

test('well-formed messages are accepted as they are', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'openLink', url: 'https://x.y' }), { type: 'openLink', url: 'https://x.y' });
  assert.deepEqual(parseWebviewMessage({ type: 'openEntry', id: '3fs' }), { type: 'openEntry', id: '3fs' });
  assert.deepEqual(parseWebviewMessage({ type: 'copyFigure', figure: 2 }), { type: 'copyFigure', figure: 2 });
  assert.deepEqual(parseWebviewMessage({ type: 'openEntry', id: 'flashmla', figure: 3 }), { type: 'openEntry', id: 'flashmla', figure: 3 });
  for (const type of ['openRepository', 'cloneRepository', 'copyLink']) {
    assert.deepEqual(parseWebviewMessage({ type, extra: 'dropped' }), { type });
  }
});

test('unknown and malformed messages are refused', () => {
  const bad: unknown[] = [
    undefined,
    null,
    'openLink',
    42,
    [],
    {},
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: 'openLink' },
    { type: 'openLink', url: 42 },
    { type: 'openLink', url: 'x'.repeat(5000) },
    { type: 'openEntry', id: '../../etc' },
    { type: 'openEntry', id: '' },
    { type: 'copyFigure', figure: -1 },
    { type: 'openEntry', id: 'flashmla', figure: 'x' },
    { type: 'openEntry', id: 'flashmla', figure: NaN },
    { type: 'copyFigure', figure: 1.5 },
    { type: 'copyFigure', figure: '1' },
    { type: '__proto__' },
    { type: 'toString' },
  ];
  for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
});
