import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffIndexes, isEmptyDiff, touchedIds } from '../../src/core/indexDiff';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const bundled = readRepoFile('media', 'open-infra-index.md');
const index = (markdown: string) => parseIndex(markdown).index;
/** The bundled index with one piece of text replaced; fails if the text is not there. */
function edited(from: string, to: string): string {
  assert.ok(bundled.includes(from), `the bundled index holds "${from}"`);
  return bundled.replace(from, to);
}

describe('what changed between two versions of the index', () => {
  test('the same index twice: no changes', () => {
    assert.ok(isEmptyDiff(diffIndexes(index(bundled), index(bundled))));
  });

  test('entries added and removed', () => {
    const withoutNewer = bundled.slice(bundled.indexOf('## 202502 Open-Source Week'));
    const diff = diffIndexes(index(`# Index\n\n${withoutNewer}`), index(bundled));
    assert.deepEqual(diff.added.map((e) => e.id), ['insights-into-deepseek-v3', 'the-path-to-open-sourcing-the-deepseek-inference-engine']);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(diff.changed, []);
    assert.deepEqual(diffIndexes(index(bundled), index(`# Index\n\n${withoutNewer}`)).removed.map((e) => e.id), ['insights-into-deepseek-v3', 'the-path-to-open-sourcing-the-deepseek-inference-engine']);
  });

  test('a figure whose value changed reads as one change, old and new', () => {
    const diff = diffIndexes(index(bundled), index(edited('BF16 580 TFLOPS compute-bound', 'BF16 660 TFLOPS compute-bound')));
    assert.deepEqual(touchedIds(diff), ['flashmla']);
    const [change] = diff.changed;
    assert.deepEqual(change.figures.map((f) => [f.what, f.before?.value, f.after?.value, f.after?.unit]), [['compute-bound', 580, 660, 'TFLOPS']]);
    assert.deepEqual(change.linksAdded, []);
    assert.equal(change.description, undefined);
  });

  test('a unit that changed, a figure that came and one that went', () => {
    const unit = diffIndexes(index(bundled), index(edited('3000 GB/s memory-bound', '3 TB/s memory-bound'))).changed[0];
    assert.deepEqual(unit.figures.map((f) => [f.before?.unit, f.after?.unit]), [['GB/s', 'TB/s']]);
    const more = diffIndexes(index(bundled), index(edited('✅ BF16 support  \n', '✅ BF16 support  \n⚡ 10 µs latency  \n'))).changed[0];
    assert.deepEqual(more.figures.map((f) => [f.before, f.after?.value]), [[undefined, 10]]);
    const fewer = diffIndexes(index(edited('✅ BF16 support  \n', '✅ BF16 support  \n⚡ 10 µs latency  \n')), index(bundled)).changed[0];
    assert.deepEqual(fewer.figures.map((f) => [f.before?.value, f.after]), [[10, undefined]]);
  });

  test('links and descriptions that changed', () => {
    const diff = diffIndexes(
      index(bundled),
      index(edited('(https://arxiv.org/abs/2408.14158)', '(https://arxiv.org/abs/2408.99999)').replace('How DeepSeek designed', 'How DeepSeek built')),
    );
    const [paper] = diff.changed;
    assert.equal(paper.after.id, 'fire-flyer-ai-hpc');
    assert.deepEqual(paper.linksAdded.map((l) => l.url), ['https://arxiv.org/abs/2408.99999']);
    assert.deepEqual(paper.linksRemoved.map((l) => l.url), ['https://arxiv.org/abs/2408.14158']);
    assert.match(paper.description?.before ?? '', /^How DeepSeek designed/);
    assert.match(paper.description?.after ?? '', /^How DeepSeek built/);
  });
});
