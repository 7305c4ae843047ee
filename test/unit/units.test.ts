import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalUnit, convert, formatNumber, unitInfo } from '../../src/core/units';

test('binary and decimal bandwidth units convert', () => {
  assert.equal(convert(1, 'TiB/s', 'GiB/s'), 1024);
  assert.equal(convert(1, 'GiB/s', 'GB/s'), 1.073741824);
  assert.equal(convert(6.6, 'TiB/s', 'GB/s')?.toFixed(1), '7256.8');
});

test('units of different dimensions never convert', () => {
  assert.equal(convert(1, 'TiB/s', 'TiB/min'), undefined);
  assert.equal(convert(1, 'TFLOPS', 'GB/s'), undefined);
  assert.equal(convert(1, 'furlongs', 'GB/s'), undefined);
});

test('spellings are canonicalised', () => {
  assert.equal(canonicalUnit('tokens per second'), 'tokens/s');
  assert.equal(canonicalUnit('us'), 'µs');
  assert.equal(canonicalUnit('tflops'), 'TFLOPS');
  assert.equal(canonicalUnit('widgets'), 'widgets');
  assert.equal(unitInfo('GB/s')?.dimension, 'bandwidth');
});

test('numbers read as the index writes them', () => {
  assert.equal(formatNumber(73700), '73.7k');
  assert.equal(formatNumber(3000), '3000');
  assert.equal(formatNumber(3.66), '3.66');
  assert.equal(formatNumber(0.5), '0.5');
});

test('units named like Object members are unknown, not inherited (issue 9)', () => {
  for (const unit of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    assert.equal(unitInfo(unit), undefined, unit);
    assert.equal(canonicalUnit(unit), unit);
    assert.equal(convert(1, unit, 'GB/s'), undefined);
  }
});
