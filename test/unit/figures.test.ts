import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { extractFigures } from '../../src/core/figures';
import { figureLabel } from '../../src/core/figureText';
import type { Figure } from '../../src/core/model';

/** The fields a test pins; `text` is checked separately. */
function shape(f: Figure): Omit<Figure, 'text'> {
  const { text, ...rest } = f;
  assert.ok(text);
  return rest;
}

describe('figure phrases of the index', () => {
  const cases: Array<[string, Array<Omit<Figure, 'text'>>]> = [
    [
      'Performance: 3000 GB/s memory-bound | BF16 580 TFLOPS compute-bound on H800',
      [
        { value: 3000, unit: 'GB/s', measure: 'memory-bound', hardware: 'H800', scope: 'gpu', class: 'performance' },
        { value: 580, unit: 'TFLOPS', precision: 'BF16', measure: 'compute-bound', hardware: 'H800', scope: 'gpu', class: 'performance' },
      ],
    ],
    [
      'Up to 1350+ FP8 TFLOPS on Hopper GPUs',
      [{ value: 1350, unit: 'TFLOPS', lowerBound: true, qualifier: 'up to', precision: 'FP8', hardware: 'Hopper', scope: 'gpu', class: 'performance' }],
    ],
    [
      '6.6 TiB/s aggregate read throughput in a 180-node cluster',
      [{ value: 6.6, unit: 'TiB/s', measure: 'aggregate read throughput', scale: '180-node cluster', nodes: 180, scope: 'cluster', class: 'performance' }],
    ],
    [
      '3.66 TiB/min throughput on GraySort benchmark in a 25-node cluster',
      [{ value: 3.66, unit: 'TiB/min', measure: 'throughput on GraySort benchmark', scale: '25-node cluster', nodes: 25, scope: 'cluster', class: 'performance' }],
    ],
    [
      '40+ GiB/s peak throughput per client node for KVCache lookup',
      [{ value: 40, unit: 'GiB/s', lowerBound: true, measure: 'peak throughput per client node for KVCache lookup', scope: 'client', class: 'performance' }],
    ],
    [
      '73.7k/14.8k input/output tokens per second per H800 node',
      [
        { value: 73700, unit: 'tokens/s', measure: 'input per node', hardware: 'H800', scope: 'node', class: 'performance' },
        { value: 14800, unit: 'tokens/s', measure: 'output per node', hardware: 'H800', scope: 'node', class: 'performance' },
      ],
    ],
    ['Cost profit margin 545%', [{ value: 545, unit: '%', measure: 'Cost profit margin', scope: 'system', class: 'cost' }]],
  ];

  for (const [phrase, expected] of cases) {
    test(phrase, () => {
      const figures = extractFigures(phrase);
      assert.deepEqual(figures.map(shape), expected);
      for (const f of figures) assert.ok(phrase.includes(f.text), `text "${f.text}" comes from the phrase`);
    });
  }
});

describe('the scope and class the text states', () => {
  const scopes: Array<[string, Figure['scope'], Figure['class']]> = [
    ['900 GB/s per GPU', 'gpu', 'performance'],
    ['900 GB/s per device', 'gpu', 'performance'],
    ['12 GB/s per storage node', 'node', 'performance'],
    ['12 GB/s per node', 'node', 'performance'],
    ['3 GB/s per client', 'client', 'performance'],
    ['3 GB/s per client node', 'client', 'performance'],
    ['2 TiB/s across a 64-node cluster', 'cluster', 'performance'],
    ['40 µs on B200', 'gpu', 'performance'],
    ['56.3% KV cache hit rate', 'system', 'performance'],
    ['30% lower training costs', 'system', 'cost'],
    ['1 GB/s', undefined, 'performance'],
    ['1 GB/s of traffic per second per nothing', undefined, 'performance'],
  ];
  for (const [phrase, scope, figureClass] of scopes) {
    test(`"${phrase}" is ${scope ?? 'of no stated scope'}, ${figureClass}`, () => {
      const [f] = extractFigures(phrase);
      assert.equal(f.scope, scope);
      assert.equal(f.class, figureClass);
    });
  }
});

describe('figure extraction edge cases', () => {
  test('a phrase with no number and unit yields nothing', () => {
    assert.deepEqual(extractFigures('BF16 support'), []);
    assert.deepEqual(extractFigures('Paged KV cache (block size 64)'), []);
    assert.deepEqual(extractFigures(''), []);
  });

  test('thousands separators and millions', () => {
    assert.equal(extractFigures('1,550 TFLOPS')[0].value, 1550);
    assert.equal(extractFigures('2.5M tokens per second')[0].value, 2_500_000);
  });

  test('latency units are canonicalised', () => {
    const [f] = extractFigures('dispatch latency 163 us on H800');
    assert.deepEqual(shape(f), { value: 163, unit: 'µs', measure: 'dispatch latency', hardware: 'H800', scope: 'gpu', class: 'performance' });
  });

  test('a unit glued to a longer word is not a unit', () => {
    assert.deepEqual(extractFigures('12 msgs queued'), []);
  });

  test('hardware named twice in one line is not spread across clauses', () => {
    const figures = extractFigures('100 TFLOPS on H800 | 200 TFLOPS on B200');
    assert.deepEqual(figures.map((f) => f.hardware), ['H800', 'B200']);
  });

  test('labels keep the lower bound and precision', () => {
    assert.equal(figureLabel({ value: 1350, unit: 'TFLOPS', lowerBound: true, precision: 'FP8' }), '1350+ FP8 TFLOPS');
    assert.equal(figureLabel({ value: 73700, unit: 'tokens/s' }), '73.7k tokens/s');
    assert.equal(figureLabel({ value: 3000, unit: 'GB/s', precision: 'BF16' }), '3000 GB/s');
  });
});
