import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkEntryData, REQUIRED_ENTRY_FIELDS } from '../../src/core/entryDataCheck';
import { jsonPath } from '../../src/core/jsonPath';
import { validateEntryDataFile } from '../../src/core/generated/entriesValidator';
import { readRepoFile } from './helpers';

const schema = JSON.parse(readRepoFile('media', 'entries.schema.json'));
const valid = JSON.parse(readRepoFile('media', 'entries.json'));

describe('the entry data check', () => {
  test('knows the same required entry fields as the schema', () => {
    assert.deepEqual([...REQUIRED_ENTRY_FIELDS].sort(), [...schema.definitions.entry.required].sort());
  });

  test('the generated validator accepts the bundled data and rejects a wrong type', () => {
    assert.equal(validateEntryDataFile(valid), true);
    assert.equal(validateEntryDataFile({ entries: { x: { ...valid.entries.eplb, kind: 5 } } }), false);
    assert.equal(validateEntryDataFile.errors?.[0].instancePath, '/entries/x/kind');
  });

  test('the generated validator is plain code: no ajv compiler, no eval at run time', () => {
    const code = readRepoFile('src', 'core', 'generated', 'entriesValidator.js');
    assert.doesNotMatch(code, /require\("ajv"\)|new Function|\beval\(/);
    for (const [, module] of code.matchAll(/require\("([^"]+)"\)/g)) assert.match(module, /^ajv\/dist\/runtime\//);
  });

  test('paths read as JSON paths, with array indexes and quoted odd keys', () => {
    const data = { entries: { flashmla: { figures: [1, 2, 3, { value: 'x' }] }, 'a b': {} } };
    assert.equal(jsonPath(data, ['entries', 'flashmla', 'figures', '3', 'value']), 'entries.flashmla.figures[3].value');
    assert.equal(jsonPath(data, ['entries', 'a b']), 'entries["a b"]');
    assert.equal(jsonPath(data, []), '(top level)');
  });

  test('valid data comes back as it is, without problems', () => {
    const checked = checkEntryData(valid);
    assert.equal(checked.data, valid);
    assert.deepEqual(checked.problems, []);
  });

  test('each problem names the JSON path and what was left out', () => {
    const flash = valid.entries.flashmla;
    const figures = [...flash.figures];
    figures[3] = { ...figures[3], value: '660' };
    const { data, problems } = checkEntryData({ entries: { ...valid.entries, flashmla: { ...flash, figures, hardware: '' } } });
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        'Entry data: entries.flashmla.hardware: must NOT have fewer than 1 characters; the field is left out.',
        'Entry data: entries.flashmla.figures[3].value: must be number; the figure is left out.',
      ],
    );
    assert.equal(data?.entries.flashmla.figures.length, flash.figures.length - 1);
    assert.ok(!('hardware' in (data?.entries.flashmla ?? {})));
    assert.equal(Object.getPrototypeOf(data?.entries), null, 'entries, keyed by data, has no prototype');
  });

  test('many problems are counted past the first fifty', () => {
    const entries = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`e${i}`, 1]));
    const { problems } = checkEntryData({ entries });
    assert.equal(problems.length, 51);
    assert.equal(problems[50].message, 'Entry data: 30 more problems.');
  });
});
