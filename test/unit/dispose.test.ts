import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Disposable } from '../../src/dispose';

class Owner extends Disposable {
  register(name: string, log: string[]): void {
    this._register({ dispose: () => log.push(name) });
  }
}

describe('Disposable', () => {
  test('disposes what it registered once, newest first', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.register('first', log);
    owner.register('second', log);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['second', 'first']);
  });

  test('something registered after dispose() is disposed at once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    owner.register('late', log);
    assert.deepEqual(log, ['late']);
  });
});
