import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareUpdateText, entryUpdateText, filterMessage, marksMessage, usesUpdateText } from '../../src/core/announcements';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { compareGroups } from '../../src/core/compare';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const markdown = readRepoFile('media', 'open-infra-index.md');
const data = readRepoFile('media', 'entries.json');
const catalogOf = (text: string) => catalogFromSources(text, data, parseIndex);
const bundled = catalogOf(markdown);
function edited(from: string, to: string) {
  assert.ok(markdown.includes(from), `the bundled index holds "${from}"`);
  return catalogOf(markdown.replace(from, to));
}

describe('what a screen reader is told when what is shown changes', () => {
  test('an entry page drawn with a newer index names the figures that changed, old and new', () => {
    const after = edited('BF16 580 TFLOPS compute-bound', 'BF16 660 TFLOPS compute-bound');
    const text = entryUpdateText(bundled.get('flashmla')!, after.get('flashmla')!);
    assert.equal(text, 'FlashMLA was updated by the new index: compute-bound: 580 BF16 TFLOPS → 660 BF16 TFLOPS.');
  });

  test('links and descriptions are counted, and a page where nothing changed says so', () => {
    const after = edited('🔗 [**FlashMLA GitHub Repo**](https://github.com/deepseek-ai/FlashMLA)', '🔗 [**FlashMLA GitHub Repo**](https://github.com/deepseek-ai/FlashMLA) · [Docs](https://example.com/flashmla-docs)');
    assert.match(entryUpdateText(bundled.get('flashmla')!, after.get('flashmla')!), /^FlashMLA was updated by the new index: links added: 1\.$/);
    assert.equal(entryUpdateText(bundled.get('deepep')!, after.get('deepep')!), 'DeepEP was drawn again with the new index; nothing on this page changed.');
  });

  test('past three figure changes, the rest are counted', () => {
    const start = markdown.indexOf('⚡ Performance: 3000 GB/s');
    const line = markdown.slice(start, markdown.indexOf('\n', start));
    const after = catalogOf(markdown.replace(line, '⚡ Performance: 1 GB/s a | 2 GB/s b | 3 GB/s c | 4 GB/s d | 5 GB/s e'));
    const text = entryUpdateText(bundled.get('flashmla')!, after.get('flashmla')!);
    assert.match(text, /; 4 more figure changes\.$/, text);
    assert.equal(text.split('; ').length, 4, text);
  });

  test('Compare Figures counts its charts and figures', () => {
    const groups = compareGroups(bundled);
    const bars = groups.reduce((n, g) => n + g.bars.length, 0);
    assert.ok(groups.length > 3 && bars > groups.length);
    assert.equal(compareUpdateText(groups), `Compare Figures was drawn again with the new index: ${groups.length} charts, ${bars} figures.`);
  });

  test('the tree’s messages: a filter, no match, and entries an update marked', () => {
    assert.equal(filterMessage('FP8', 3, 12), 'Filtered by "FP8": 3 of 12 entries.');
    assert.equal(filterMessage('zzz', 0, 12), 'No entries match "zzz". Clear the filter to see all 12.');
    assert.equal(marksMessage(0, 0), undefined);
    assert.equal(marksMessage(1, 2), 'Since the last update: 1 new and 2 changed entries, marked ● New and ● Changed until opened.');
    assert.equal(usesUpdateText('DeepEP', 0), 'The workspace no longer imports DeepEP.');
    assert.equal(usesUpdateText('DeepEP', 3), 'The workspace imports DeepEP in 3 places now.');
  });
});
