import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { describe, test } from 'node:test';
import { withLookup, type CatalogData } from '../../src/core/catalog';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { isEmptyDiff } from '../../src/core/indexDiff';
import { allEntries } from '../../src/core/model';
import { UPSTREAM_BASE } from '../../src/core/indexLinks';
import { parseIndex } from '../../src/core/parseIndex';
import { compareWithRecord, keepBundledWording, recordEntry, recordUpstream, sha256Hex, textDigests, type UpstreamRecord } from '../../src/core/upstreamRecord';
import { readRepoFile } from './helpers';

const bundledText = readRepoFile('media', 'open-infra-index.md');
const bundled = parseIndex(bundledText).index;
const data = readRepoFile('media', 'entries.json');
/** The upstream README's layout, in the project's words (not upstream's sentences). */
const upstreamText = readRepoFile('test', 'fixtures', 'upstream-format.md');
const SOURCE = { repo: 'deepseek-ai/open-infra-index', path: 'README.md', commit: 'a'.repeat(40), date: '2025-05-15' };

/** The fixture with one piece of text replaced; fails if the text is not there. */
function edited(from: string, to: string): string {
  assert.ok(upstreamText.includes(from), `the fixture holds "${from}"`);
  return upstreamText.replace(from, to);
}

async function recorded(text = upstreamText): Promise<UpstreamRecord> {
  return recordUpstream(text, parseIndex(text).index, SOURCE);
}

async function compare(record: UpstreamRecord, text: string) {
  const upstream = parseIndex(text).index;
  return compareWithRecord(record, bundled, upstream, await textDigests(upstream));
}

describe('the record of what the bundle was drawn from', () => {
  test('SHA-256 of UTF-8 text, as sha256sum prints it', async () => {
    assert.equal(await sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(await sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(await sha256Hex('é'), await sha256Hex('\u00e9'));
  });

  test('the shipped record names upstream commit 56d8685 and every entry of the bundle, with the bundle’s figures and links', async () => {
    const record = JSON.parse(readRepoFile('media', 'upstream-record.json')) as UpstreamRecord;
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readRepoFile('src', 'upstream', 'upstreamRecord.schema.json')));
    assert.ok(validate(record), JSON.stringify(validate.errors));
    assert.equal(validate({ ...record, sha256: 'not a digest' }), false, 'the schema checks the digest');
    assert.equal(record.source.commit, '56d86855fcf6e08fdfd45ce6280bd24322c93351');
    assert.equal(record.source.date, '2025-05-15');
    assert.deepEqual(Object.keys(record.entries), allEntries(bundled).map((e) => e.id));
    // The bundle rewords upstream's sentences but keeps its facts: so the bundle stands for the recorded version.
    for (const entry of allEntries(bundled)) {
      const mine = await recordEntry(entry);
      assert.deepEqual(mine.figures, record.entries[entry.id].figures, `${entry.id}: figures`);
      assert.deepEqual(mine.links, record.entries[entry.id].links, `${entry.id}: links`);
    }
  });

  test('an upstream with the recorded text: no change, although the bundle words every entry differently', async () => {
    const record = await recorded();
    assert.ok(isEmptyDiff(await compare(record, upstreamText)));
    // White space alone changes nothing either.
    assert.ok(isEmptyDiff(await compare(record, upstreamText.replace(/\n\n/g, '\n\n\n').replace(/ {2}\n/g, '\n'))));
  });

  test('fetched from another address (a mirror, a test server), relative links are still the same links', async () => {
    const record = await recorded();
    const base = 'http://127.0.0.1:8123/';
    const upstream = parseIndex(upstreamText, { baseUrl: base }).index;
    const digests = await textDigests(upstream);
    const moved = compareWithRecord(record, bundled, upstream, digests);
    assert.ok(moved.changed.some((c) => c.linksAdded.some((l) => l.url.startsWith(base))), 'without the bases, relative links differ');
    assert.ok(isEmptyDiff(compareWithRecord(record, bundled, upstream, digests, { bundled: UPSTREAM_BASE, upstream: base })));
  });

  test('one figure changed upstream: exactly that figure, and no description', async () => {
    const record = await recorded();
    const diff = await compare(record, edited('BF16 580 TFLOPS', 'BF16 660 TFLOPS'));
    assert.deepEqual(diff.added, []);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(diff.changed.map((c) => c.after.id), ['flashmla']);
    const [change] = diff.changed;
    assert.deepEqual(change.figures.map((f) => [f.before?.value, f.after?.value]), [[580, 660]]);
    assert.equal(change.description, undefined);
    assert.deepEqual([change.linksAdded, change.linksRemoved], [[], []]);
  });

  test('one description rewritten upstream: that entry’s description, from the bundle’s words to upstream’s', async () => {
    const record = await recorded();
    const text = edited('an open library for expert-parallel communication', 'a library that moves tokens between experts, rewritten');
    const diff = await compare(record, text);
    assert.deepEqual(diff.changed.map((c) => c.after.id), ['deepep']);
    const [change] = diff.changed;
    assert.deepEqual(change.figures, []);
    assert.ok(change.description, 'the description counts as rewritten');
    assert.equal(change.description.before, allEntries(bundled).find((e) => e.id === 'deepep')?.description);
    assert.match(change.description.after, /rewritten/);
  });

  test('entries upstream added and removed', async () => {
    const record = await recorded();
    const withoutDualPipe = upstreamText.replace(/✅ \*\*DualPipe\*\*[^\n]*\n[^\n]*\n/, '');
    assert.notEqual(withoutDualPipe, upstreamText, 'the fixture lists DualPipe');
    assert.deepEqual((await compare(record, withoutDualPipe)).removed.map((e) => e.id), ['dualpipe']);
    const smaller = await recorded(withoutDualPipe);
    assert.deepEqual((await compare(smaller, upstreamText)).added.map((e) => e.id), ['dualpipe']);
  });

  test('taking upstream keeps the bundle’s wording wherever upstream did not change an entry', async () => {
    const record = await recorded();
    const text = edited('an open library for expert-parallel communication', 'a library that moves tokens between experts, rewritten');
    const upstream = catalogFromSources(text, data, (md) => parseIndex(md), { foreign: true });
    const mine: CatalogData = catalogFromSources(bundledText, data, (md) => parseIndex(md));
    const kept = withLookup(keepBundledWording(upstream, mine, record, await textDigests(upstream.index)));
    const mineById = new Map(mine.entries.map((e) => [e.entry.id, e.entry]));
    for (const { entry } of kept.entries) {
      const expected = entry.id === 'deepep' ? upstream.entries.find((e) => e.entry.id === 'deepep')?.entry.description : mineById.get(entry.id)?.description;
      assert.equal(entry.description, expected, entry.id);
    }
    // The index's periods hold the same entries as the catalog's list.
    assert.deepEqual(allEntries(kept.index).map((e) => e.description), kept.entries.map((e) => e.entry.description));
    // Names and figures stay upstream's: Smallpond, as upstream names it.
    assert.equal(kept.get('smallpond')?.entry.name, upstream.entries.find((e) => e.entry.id === 'smallpond')?.entry.name);
  });
});
