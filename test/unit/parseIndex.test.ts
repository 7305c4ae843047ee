import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allEntries, type Entry, type ParseResult } from '../../src/core/model';
import { MAX_INDEX_BYTES, parseIndex } from '../../src/core/parseIndex';
import { misdecode, readRepoFile } from './helpers';

const bundled = readRepoFile('media', 'open-infra-index.md');

function entry(result: ParseResult, id: string): Entry {
  const found = allEntries(result.index).find((e) => e.id === id);
  assert.ok(found, `entry ${id} exists`);
  return found;
}

const WEEK_AND_SC24_IDS = [
  'flashmla',
  'deepep',
  'deepgemm',
  'dualpipe',
  'eplb',
  'profile-data',
  '3fs',
  'smallpond',
  'deepseek-v3-r1-inference-system-overview',
  'fire-flyer-ai-hpc',
];

describe('the bundled index', () => {
  const result = parseIndex(bundled);

  test('parses without problems', () => {
    assert.deepEqual(result.problems, []);
  });

  test('has the four periods and all twelve entries, in order', () => {
    assert.deepEqual(
      result.index.periods.map((p) => [p.title, p.when, p.entries.length]),
      [
        ['Industry Track Paper (ISCA25)', 'May 2025', 1],
        ['The Path to Open-Sourcing the DeepSeek Inference Engine', 'April 2025', 1],
        ['Open-Source Week', 'February 2025', 9],
        ['AI Infrastructure Paper (SC24)', '2024', 1],
      ],
    );
    assert.deepEqual(allEntries(result.index).map((e) => e.id), ['insights-into-deepseek-v3', 'the-path-to-open-sourcing-the-deepseek-inference-engine', ...WEEK_AND_SC24_IDS]);
  });

  test('days and sections hold several entries', () => {
    const byDay = (day: number) => allEntries(result.index).filter((e) => e.day === day).map((e) => e.name);
    assert.deepEqual(byDay(4), ['DualPipe', 'EPLB', 'profile-data']);
    assert.deepEqual(byDay(5), ['3FS', 'smallpond']);
    assert.deepEqual(byDay(6), ['DeepSeek-V3/R1 Inference System Overview']);
  });

  test('every entry of the open-source week has its repository', () => {
    for (const e of result.index.periods[2].entries.slice(0, 8)) {
      assert.match(e.repo ?? '', /^https:\/\/github\.com\/deepseek-ai\/[A-Za-z0-9-]+$/, e.id);
      assert.equal(e.id, e.repo?.split('/').pop()?.toLowerCase());
    }
  });

  test('figures are attached to their entries', () => {
    const figs = (id: string) => entry(result, id).figures.map((f) => `${f.value}${f.lowerBound ? '+' : ''} ${f.unit}`);
    assert.deepEqual(figs('flashmla'), ['3000 GB/s', '580 TFLOPS']);
    assert.deepEqual(figs('deepgemm'), ['1350+ TFLOPS']);
    assert.deepEqual(figs('3fs'), ['6.6 TiB/s', '3.66 TiB/min', '40+ GiB/s']);
    assert.deepEqual(figs('deepseek-v3-r1-inference-system-overview'), ['73700 tokens/s', '14800 tokens/s', '545 %']);
    for (const id of ['deepep', 'dualpipe', 'eplb', 'profile-data', 'smallpond', 'fire-flyer-ai-hpc']) {
      assert.deepEqual(figs(id), [], id);
    }
  });

  test('features, descriptions and links', () => {
    assert.deepEqual(entry(result, 'flashmla').features, ['BF16 support', 'Paged KV cache (block size 64)']);
    assert.equal(entry(result, 'deepep').features.length, 6);
    assert.match(entry(result, 'eplb').description, /load balancer/);
    assert.match(entry(result, 'profile-data').description, /trace/i);
    assert.match(entry(result, 'smallpond').description, /3FS/);
    const overview = entry(result, 'deepseek-v3-r1-inference-system-overview');
    assert.deepEqual(overview.features, ['Cross-node EP-powered batch scaling', 'Computation-communication overlap', 'Load balancing']);
    assert.deepEqual(
      overview.links.map((l) => l.kind),
      ['image', 'doc', 'translation'],
    );
    assert.equal(
      overview.links[1].url,
      'https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md',
    );
    assert.equal(overview.links[2].url, 'https://zhuanlan.zhihu.com/p/27181462601');
    const paper = entry(result, 'fire-flyer-ai-hpc');
    assert.equal(paper.name, 'Fire-Flyer AI-HPC: A Cost-Effective Software-Hardware Co-Design for Deep Learning', 'a paper keeps its whole title');
    assert.deepEqual(
      paper.links.map((l) => [l.kind, l.url]),
      [
        ['paper', 'https://dl.acm.org/doi/10.1109/SC41406.2024.00089'],
        ['paper', 'https://arxiv.org/abs/2408.14158'],
      ],
    );
  });

  test('line numbers point at the entries', () => {
    const lines = bundled.split('\n');
    for (const e of allEntries(result.index)) {
      const text = lines[e.line - 1];
      assert.ok(text.includes(e.name) || text.startsWith('###') || text.startsWith('📊'), `${e.id} at line ${e.line}: ${text}`);
    }
  });

  test('the same text with CRLF line endings gives the same model', () => {
    assert.deepEqual(parseIndex(bundled.replace(/\n/g, '\r\n')).index, result.index);
  });
});

describe('markdown in the upstream structure, laid out differently', () => {
  const result = parseIndex(readRepoFile('test', 'fixtures', 'upstream-variant.md'));

  test('reads entries from bullets, HTML-decorated text and an added day', () => {
    assert.deepEqual(result.problems, []);
    assert.equal(result.index.title, 'Hello, Open Infra!');
    assert.deepEqual(allEntries(result.index).map((e) => e.id), [
      'flashmla',
      'dualpipe',
      'eplb',
      'profile-data',
      '3fs',
      'smallpond',
      'newthing',
      'fire-flyer-ai-hpc',
    ]);
  });

  test('figures and features follow their entry in every layout', () => {
    assert.deepEqual(entry(result, 'flashmla').features, ['BF16 support']);
    assert.equal(entry(result, 'flashmla').figures.length, 2);
    assert.equal(entry(result, 'dualpipe').figures[0].value, 2);
    assert.deepEqual(entry(result, 'eplb').figures, []);
    assert.equal(entry(result, 'profile-data').description, 'Traces to look at.');
    assert.deepEqual(entry(result, '3fs').features, ['Checkpoints']);
    assert.equal(entry(result, 'smallpond').name, 'Smallpond');
    assert.equal(entry(result, 'newthing').figures[0].unit, 'µs');
    assert.equal(entry(result, 'newthing').day, 7);
  });
});

describe('malformed and hostile input', () => {
  test('empty text gives an empty model and a problem', () => {
    const r = parseIndex('');
    assert.deepEqual(r.index.periods, []);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /No period headings/);
  });

  test('a non-string does not throw', () => {
    const r = parseIndex(undefined as unknown as string);
    assert.deepEqual(r.index.periods, []);
    assert.ok(r.problems.length > 0);
  });

  test('binary garbage gives problems, not an exception', () => {
    let seed = 7;
    const bytes = Uint8Array.from({ length: 20000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    const r = parseIndex(new TextDecoder('latin1').decode(bytes));
    assert.deepEqual(r.index.periods, []);
    assert.ok(r.problems.some((p) => /No period headings/.test(p.message)));
  });

  test('a figure line with no number is reported with its line', () => {
    const r = parseIndex('## 202502 Week\n### Day 1 - [A](https://github.com/o/a)\n⚡ very fast indeed\n');
    assert.deepEqual(r.problems, [{ line: 3, message: 'Figure line has no number with a known unit: "very fast indeed".' }]);
    assert.deepEqual(allEntries(r.index)[0].figures, []);
  });

  test('broken and non-http links are dropped and reported', () => {
    const md = [
      '## 202502 Week',
      '### Day 1 - Thing',
      'Text.  ',
      '🔗 [**Doc**]()  ',
      '🔗 [**Evil**](javascript:alert(1))  ',
      '🔗 [**Data**](data:text/html,hi)',
    ].join('\n');
    const r = parseIndex(md);
    assert.deepEqual(
      r.problems.map((p) => p.line),
      [4, 5, 6],
    );
    assert.deepEqual(allEntries(r.index)[0].links, []);
  });

  test('sections before any period are kept under "Other" and reported', () => {
    const r = parseIndex('### Day 1 - [A](https://github.com/o/a)\n✅ works\n');
    assert.equal(r.index.periods[0].heading, 'Other');
    assert.equal(allEntries(r.index)[0].id, 'a');
    assert.equal(r.problems[0].line, 1);
  });

  test('text decoded in the wrong encoding is repaired and reported per line', () => {
    const garbled = misdecode(bundled);
    assert.notEqual(garbled, bundled);
    const r = parseIndex(garbled);
    assert.deepEqual(r.index, parseIndex(bundled).index);
    const damaged = bundled.split('\n').map((l, i) => (l !== misdecode(l) ? i + 1 : 0)).filter(Boolean);
    assert.deepEqual(r.problems.map((p) => p.line), damaged);
    assert.ok(r.problems.every((p) => /wrong encoding/.test(p.message)));
  });

  test('raw HTML in names stays text, and script blocks are ignored', () => {
    const md = '## 202502 Week\n<script>alert(1)</script>\n### Day 1 - [<img src=x onerror=alert(1)>Bad](https://github.com/o/bad)\n✅ <b>bold</b> feature\n';
    const r = parseIndex(md);
    const [e] = allEntries(r.index);
    assert.equal(e.name, '<img src=x onerror=alert(1)>Bad');
    assert.deepEqual(e.features, ['<b>bold</b> feature']);
  });

  test('duplicate ids are renamed and reported', () => {
    const md = '## 202502 Week\n### Day 1 - [A](https://github.com/o/a)\n### Day 2 - [A](https://github.com/p/a)\n';
    const r = parseIndex(md);
    assert.deepEqual(allEntries(r.index).map((e) => e.id), ['a', 'a-2']);
    assert.match(r.problems[0].message, /used twice/);
  });

  test('oversized input is cut and reported, in reasonable time', () => {
    const huge = `## 202502 Week\n### Day 1 - [A](https://github.com/o/a)\n${'x'.repeat(MAX_INDEX_BYTES)}`;
    const r = parseIndex(huge);
    assert.match(r.problems[0].message, /larger than/);
    assert.equal(allEntries(r.index).length, 1);
  });

  test('deeply nested brackets do not stall the lexer', () => {
    const r = parseIndex(`## 202502 Week\n### Day 1 - ${'['.repeat(5000)}x${']('.repeat(5000)}\n`);
    assert.equal(r.index.periods.length, 1);
  });
});

describe('the README as upstream writes it now (test/fixtures/upstream-format.md: its layout, in the project\'s words)', () => {
  const result = parseIndex(readRepoFile('test', 'fixtures', 'upstream-format.md'));
  const byId = (id: string) => entry(result, id);

  test('gives every entry, in order, with no problems', () => {
    assert.deepEqual(result.problems, []);
    assert.deepEqual(allEntries(result.index).map((e) => e.id), ['insights-into-deepseek-v3', 'the-path-to-open-sourcing-the-deepseek-inference-engine', ...WEEK_AND_SC24_IDS]);
    assert.deepEqual(
      result.index.periods.map((p) => [p.title, p.when]),
      [
        ['Industry Track Paper (ISCA25)', 'May 2025'],
        ['The Path to Open-Sourcing the DeepSeek Inference Engine', 'April 2025'],
        ['Open-Source Week', 'February 2025'],
        ['AI Infrastructure Paper (SC24)', '2024'],
      ],
    );
  });

  test('a period whose heading is a link is an entry, its link resolved against the upstream repository', () => {
    const post = byId('the-path-to-open-sourcing-the-deepseek-inference-engine');
    assert.equal(post.name, 'The Path to Open-Sourcing the DeepSeek Inference Engine');
    assert.equal(post.periodId, result.index.periods[1].id);
    assert.deepEqual(
      post.links.map((l) => [l.kind, l.url]),
      [['doc', 'https://github.com/deepseek-ai/open-infra-index/blob/main/OpenSourcing_DeepSeek_Inference_Engine/README.md']],
    );
  });

  test('names are the names the index gives, without the arrows and link emoji around them', () => {
    const names = allEntries(result.index).map((e) => e.name);
    assert.ok(names.includes('3FS'), names.join(' | '));
    assert.ok(names.includes('Smallpond'), names.join(' | '));
    for (const name of names) assert.doesNotMatch(name, /[→🔗:]$|^\s|\s$/u, name);
    assert.equal(byId('smallpond').description, 'data processing on top of 3FS');
  });

  test('paper titles are kept whole; their ids stay short', () => {
    assert.equal(byId('insights-into-deepseek-v3').name, 'Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures');
    assert.equal(byId('fire-flyer-ai-hpc').name, 'Fire-Flyer AI-HPC: A Cost-Effective Software-Hardware Co-Design for Deep Learning');
    assert.deepEqual(byId('insights-into-deepseek-v3').links.map((l) => [l.kind, l.url]), [['paper', 'https://arxiv.org/abs/2505.09343']]);
  });

  test('bold figures and relative links of the overview are read', () => {
    const overview = byId('deepseek-v3-r1-inference-system-overview');
    assert.deepEqual(overview.figures.map((f) => [f.value, f.unit]), [[73700, 'tokens/s'], [14800, 'tokens/s'], [545, '%']]);
    assert.ok(overview.links.some((l) => l.url === 'https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md'));
  });
});
