// Hostile input cannot stall the extension: for each family of input that
// once made a pattern or marked backtrack, the work at 4n is compared with the
// work at n (a linear operation takes about 4 times as long, a quadratic one
// 16 times), and with marked lexing plain text of the same size.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Lexer } from 'marked';
import { renderMarkdown } from '../../src/core/markdown';
import { parseIndex } from '../../src/core/parseIndex';
import { normalize } from '../../src/core/search';
import { CodeNames } from '../../src/core/codeNames';
import { scanImports } from '../../src/core/importScan';

const SMALL = 25_000;
const LARGE = 4 * SMALL;
/** Well under the 16 of quadratic work, with room for a noisy machine. */
const MAX_GROWTH = 8;
/** Markup-dense text makes many more tokens than plain words: a generous bound. */
const MAX_OVER_PLAIN = 60;

/**
 * Median milliseconds of processor time over nine runs, after one to warm up
 * (with five, one garbage collection in the wrong run could still double a median).
 * Processor time, not wall time: on a busy machine the wait for a processor
 * swamps what is measured.
 */
function median(fn: () => unknown, runs = 9): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Plain words in lines of 80, as marked lexes fastest. */
function plain(size: number): string {
  return repeatTo(`${'word '.repeat(15)}\n`, size);
}

const plainMs = new Map<number, number>();
function plainLexMs(size: number): number {
  let ms = plainMs.get(size);
  if (ms === undefined) {
    ms = Math.max(median(() => new Lexer({ gfm: true }).lex(plain(size))), 0.5);
    plainMs.set(size, ms);
  }
  return ms;
}

function assertLinear(make: (size: number) => string, run: (text: string) => unknown): void {
  const small = make(SMALL);
  const large = make(LARGE);
  // Timer resolution: a run too fast to measure is linear enough.
  const a = Math.max(median(() => run(small)), 1);
  const b = Math.max(median(() => run(large)), 1);
  const growth = b / a;
  assert.ok(growth < MAX_GROWTH, `4× the input took ${growth.toFixed(1)}× as long (${a.toFixed(1)} → ${b.toFixed(1)} ms)`);
  const overPlain = b / plainLexMs(LARGE);
  assert.ok(overPlain < MAX_OVER_PLAIN, `${overPlain.toFixed(1)}× marked lexing plain text of the same size`);
}

const SECTION = '## p\n### Day 1 - X\n';
const parse = (text: string) => parseIndex(text);

describe('parsing runs in linear time', () => {
  test('a figure line of digits', () => assertLinear((n) => `${SECTION}⚡ ${'1'.repeat(n)}`, parse));
  test('a figure line of thousands groups that never end', () => assertLinear((n) => `${SECTION}⚡ 1${repeatTo(',111', n)}x`, parse));
  for (const p of [',', '.', '-']) {
    test(`a figure followed by a run of "${p}"`, () => assertLinear((n) => `${SECTION}⚡ 3000 GB/s x${p.repeat(n)}y`, parse));
  }
  for (const p of [':', '→']) {
    test(`a link followed by a run of "${p}"`, () => assertLinear((n) => `${SECTION}[a](https://github.com/a/b) ${p.repeat(n)} text`, parse));
  }
  test('emphasis delimiters that never close, on one line', () => assertLinear((n) => SECTION + repeatTo('_a**', n), parse));
  test('emphasis delimiters that never close, over many lines of a paragraph', () =>
    assertLinear((n) => SECTION + repeatTo(`${'_a**'.repeat(20)}\n`, n), parse));
  test('a list item continued by lazy lines', () => assertLinear((n) => `${SECTION}- x\n${repeatTo('y\n', n)}`, parse));
  test('nested block quotes, one a line', () => assertLinear((n) => SECTION + repeatTo('>'.repeat(40) + ' x\n', n), parse));
});

describe('search and summaries run in linear time', () => {
  test('a description of dots', () => assertLinear((n) => `a${'.'.repeat(n)}b`, normalize));
  test('a summary of emphasis delimiters that never close', () => assertLinear((n) => repeatTo('_a**', n), renderMarkdown));
  test('a summary paragraph of many lines of delimiters', () => assertLinear((n) => repeatTo(`${'_a**'.repeat(20)}\n`, n), renderMarkdown));
});

describe('reading imports runs in linear time (issue 12)', () => {
  const names = new CodeNames([
    { language: 'python', name: 'flash_mla', entryId: 'flashmla' },
    { language: 'cpp', name: 'hf3fs_usrbio.h', entryId: '3fs' },
  ]);
  const python = (text: string) => scanImports(text, 'python', names);
  test('a parenthesised import list that never closes', () => assertLinear((n) => `from flash_mla import (\n${repeatTo('a,\n', n)}`, python));
  test('many imports, one a line', () => assertLinear((n) => repeatTo('from flash_mla import a as b, c\nimport flash_mla.x as y\n', n), python));
  test('a long line of "import"', () => assertLinear((n) => repeatTo('import ', n), python));
  test('includes, one a line', () => assertLinear((n) => repeatTo('#include <hf3fs_usrbio.h>\n', n), (text) => scanImports(text, 'cpp', names)));
  test('a dotted module that never ends', () => assertLinear((n) => `import flash_mla${repeatTo('.a', n)}`, python));
});

describe('deep nesting is read, not a stack overflow', () => {
  const deep: Array<[string, string]> = [
    ['strong emphasis', `${'**'.repeat(5000)}x${'**'.repeat(5000)}`],
    ['block quotes', `${'>'.repeat(5000)} x`],
    ['lists', `${'- '.repeat(5000)}x`],
  ];
  for (const [name, text] of deep) {
    test(`5,000 levels of ${name} on one line`, () => {
      const result = parseIndex(`${SECTION}🔗 [**Repo**](https://github.com/a/b)\n${text}\n`);
      assert.equal(result.index.periods[0].entries.length, 1);
      assert.ok(result.problems.length > 0, 'the cut is reported');
      const html = renderMarkdown(text);
      assert.ok(html.length > 0);
    });
  }
});
