import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repairMojibake } from '../../src/core/encoding';
import { misdecode } from './helpers';

test('UTF-8 read as windows-1254 is repaired', () => {
  for (const line of ['🔗 [**Repo**](https://example.com)  ', '⚡ 6.6 TiB/s – fast', '📖 中文版: 🔗[概览](https://example.com)', '⚖️ Load balancing']) {
    const garbled = misdecode(line);
    assert.notEqual(garbled, line);
    const repair = repairMojibake(garbled);
    assert.ok(repair, `repairs ${garbled}`);
    assert.equal(repair.text, line);
    assert.equal(repair.lossy, false);
  }
});

test('UTF-8 read as windows-1252 is repaired too', () => {
  const line = 'café – ✅ done';
  assert.equal(repairMojibake(misdecode(line, 'windows-1252'))?.text, line);
});

test('ordinary text is left alone', () => {
  for (const line of ['plain ASCII', 'café au lait', 'an en dash – here', '中文版', '✅ BF16 support', 'naïve Straße']) {
    assert.equal(repairMojibake(line), undefined, line);
  }
});

test('a line that lost characters is repaired as far as it goes and flagged', () => {
  const garbled = misdecode('⚖️ Load balancing');
  const damaged = garbled.slice(0, 1) + garbled.slice(2); // one byte's character gone
  const repair = repairMojibake(damaged);
  assert.ok(repair);
  assert.equal(repair.lossy, true);
  assert.match(repair.text, /Load balancing$/);
});
