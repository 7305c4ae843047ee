// Issue 11: every figure says what it is a figure of (its scope) and what
// kind of number it is (its class). The parser reads both from the index's
// words; the entry data states them for the rest. The tree's headlines and
// Find Entry's detail lines use only current performance figures.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { kindName } from '../../src/core/catalog';
import { buildCatalog, catalogFromSources } from '../../src/core/catalogBuild';
import type { EntryDataFile } from '../../src/core/entryData';
import { scopeLabel } from '../../src/core/figureText';
import { headlineFigures, performanceFigures, rowDescription } from '../../src/core/headlines';
import { parseIndex } from '../../src/core/parseIndex';
import { isCurrent } from '../../src/core/model';
import { readRepoFile } from './helpers';

const dataJson = readRepoFile('media', 'entries.json');
const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), dataJson, parseIndex);

/** Every figure of the bundled catalog, in order: "entry value unit (index)" → "scope · class". */
const PINNED: Array<[string, string]> = [
  // Insights into DeepSeek-V3: Scaling Challenges and Reflections on Hardware for AI Architectures
  ['insights-into-deepseek-v3 2048 GPUs', 'cluster · size'],
  // The Path to Open-Sourcing the DeepSeek Inference Engine
  ['the-path-to-open-sourcing-the-deepseek-inference-engine 1 years', 'whole system · configuration'],
  // FlashMLA
  ['flashmla 3000 GB/s (index)', 'per GPU · performance'],
  ['flashmla 580 TFLOPS (index)', 'per GPU · performance'],
  ['flashmla 660 TFLOPS', 'per GPU · performance'],
  ['flashmla 3000 GB/s', 'per GPU · performance'],
  ['flashmla 580 TFLOPS', 'per GPU · performance'],
  ['flashmla 410 TFLOPS', 'per GPU · performance'],
  ['flashmla 640 TFLOPS', 'per GPU · performance'],
  ['flashmla 1450 TFLOPS', 'per GPU · performance'],
  ['flashmla 350 TFLOPS', 'per GPU · performance'],
  ['flashmla 1460 TFLOPS', 'per GPU · performance'],
  ['flashmla 1000 TFLOPS', 'per GPU · performance'],
  // DeepEP
  ['deepep 153 GB/s', 'per GPU · performance'],
  ['deepep 158 GB/s', 'per GPU · performance'],
  ['deepep 51 GB/s', 'per GPU · performance'],
  ['deepep 49 GB/s', 'per GPU · performance'],
  ['deepep 46 GB/s', 'per GPU · performance'],
  ['deepep 77 µs', 'per GPU · performance'],
  ['deepep 163 µs', 'per GPU · performance'],
  ['deepep 194 µs', 'per GPU · performance'],
  ['deepep 726 GB/s', 'per GPU · performance'],
  ['deepep 90 GB/s', 'per GPU · performance'],
  ['deepep 81 GB/s', 'per GPU · performance'],
  ['deepep 61 GB/s', 'per GPU · performance'],
  ['deepep 61 GB/s', 'per GPU · performance'],
  ['deepep 90 GB/s', 'per GPU · performance'],
  ['deepep 91 GB/s', 'per GPU · performance'],
  ['deepep 740 GB/s', 'per GPU · performance'],
  ['deepep 643 GB/s', 'per GPU · performance'],
  ['deepep 675 GB/s', 'per GPU · performance'],
  ['deepep 1.3 x', 'whole system · performance'],
  // DeepGEMM
  ['deepgemm 1350 TFLOPS (index)', 'per GPU · performance'],
  ['deepgemm 1550 TFLOPS', 'per GPU · performance'],
  ['deepgemm 1520 TFLOPS', 'per GPU · performance'],
  ['deepgemm 1426 TFLOPS', 'per GPU · performance'],
  ['deepgemm 1358 TFLOPS', 'per GPU · performance'],
  ['deepgemm 1346 TFLOPS', 'per GPU · performance'],
  ['deepgemm 1233 TFLOPS', 'per GPU · performance'],
  ['deepgemm 2668 GB/s', 'per GPU · performance'],
  ['deepgemm 2.7 x', 'whole system · performance'],
  ['deepgemm 10 x', 'whole system · performance'],
  // DualPipe
  ['dualpipe 2 x (relative to 1F1B)', 'per GPU · size'],
  ['dualpipe 1 extra stage over PP (PP+1)', 'per GPU · size'],
  ['dualpipe 0.5 x PP', 'whole system · configuration'],
  ['dualpipe 8 ranks', 'whole system · configuration'],
  ['dualpipe 20 micro-batches', 'whole system · configuration'],
  ['dualpipe 4 ranks', 'whole system · configuration'],
  ['dualpipe 10 micro-batches', 'whole system · configuration'],
  // EPLB
  ['eplb 12 experts', 'whole system · configuration'],
  ['eplb 4 experts', 'whole system · configuration'],
  ['eplb 16 replicas', 'whole system · configuration'],
  ['eplb 4 groups', 'whole system · configuration'],
  ['eplb 2 nodes', 'cluster of 2 nodes · configuration'],
  ['eplb 8 GPUs', 'cluster of 2 nodes · configuration'],
  ['eplb 1.21 ratio', 'whole system · performance'],
  ['eplb 1.24 ratio', 'whole system · performance'],
  // profile-data
  ['profile-data 64 EP degree', 'whole system · configuration'],
  ['profile-data 4 layers', 'whole system · configuration'],
  ['profile-data 4096 tokens', 'whole system · configuration'],
  ['profile-data 32 EP degree', 'whole system · configuration'],
  ['profile-data 16384 tokens', 'per GPU · configuration'],
  ['profile-data 128 EP degree', 'whole system · configuration'],
  ['profile-data 128 requests', 'per GPU · configuration'],
  ['profile-data 2 micro-batches', 'whole system · configuration'],
  // 3FS
  ['3fs 6.6 TiB/s (index)', 'cluster of 180 nodes · performance'],
  ['3fs 3.66 TiB/min (index)', 'cluster of 25 nodes · performance'],
  ['3fs 40 GiB/s (index)', 'per client node · performance'],
  ['3fs 6.6 TiB/s', 'cluster of 180 nodes · performance'],
  ['3fs 3.66 TiB/min', 'cluster · performance'],
  ['3fs 110.5 TiB', 'cluster · size'],
  ['3fs 30.23 min', 'cluster · performance'],
  ['3fs 40 GiB/s', 'per client node · performance'],
  ['3fs 16 SSDs', 'per node · configuration'],
  ['3fs 500 nodes', 'cluster · configuration'],
  ['3fs 400 K 4KiB reads/s', 'per client node · performance'],
  // smallpond
  ['smallpond 3.66 TiB/min', 'cluster · performance'],
  ['smallpond 110.5 TiB', 'cluster · size'],
  ['smallpond 30.23 min', 'cluster · performance'],
  ['smallpond 50 nodes', 'cluster · configuration'],
  ['smallpond 25 nodes', 'cluster · configuration'],
  // DeepSeek-V3/R1 Inference System Overview
  ['deepseek-v3-r1-inference-system-overview 73700 tokens/s (index)', 'per node · performance'],
  ['deepseek-v3-r1-inference-system-overview 14800 tokens/s (index)', 'per node · performance'],
  ['deepseek-v3-r1-inference-system-overview 545 % (index)', 'whole system · cost'],
  ['deepseek-v3-r1-inference-system-overview 73700 tokens/s', 'per node · performance'],
  ['deepseek-v3-r1-inference-system-overview 14800 tokens/s', 'per node · performance'],
  ['deepseek-v3-r1-inference-system-overview 545 %', 'whole system · cost'],
  ['deepseek-v3-r1-inference-system-overview 562027 USD', 'whole system · cost'],
  ['deepseek-v3-r1-inference-system-overview 87072 USD', 'whole system · cost'],
  ['deepseek-v3-r1-inference-system-overview 56.3 %', 'whole system · performance'],
  ['deepseek-v3-r1-inference-system-overview 226.75 nodes', 'cluster · size'],
  ['deepseek-v3-r1-inference-system-overview 144 EP', 'whole system · configuration'],
  // Fire-Flyer AI-HPC: A Cost-Effective Software-Hardware Co-Design for Deep Learning
  ['fire-flyer-ai-hpc 10000 GPUs', 'cluster · size'],
  ['fire-flyer-ai-hpc 50 %', 'whole system · cost'],
  ['fire-flyer-ai-hpc 40 %', 'whole system · cost'],
];

describe('the scope and class of every bundled figure', () => {
  test('are pinned, figure by figure', () => {
    const actual = catalog.entries.flatMap((e) =>
      e.figures.map((f): [string, string] => [`${e.entry.id} ${f.value} ${f.unit}${f.origin === 'index' ? ' (index)' : ''}`, `${scopeLabel(f.scope, f.nodes)} · ${f.class}`]),
    );
    assert.deepEqual(actual, PINNED);
  });

  test('the parser infers them for every figure of the bundled index', () => {
    for (const e of catalog.entries) {
      for (const f of e.entry.figures) {
        assert.ok(f.scope, `${e.entry.id} ${f.value} ${f.unit} has a scope`);
        assert.ok(f.class, `${e.entry.id} ${f.value} ${f.unit} has a class`);
      }
    }
  });

  test('the schema requires both, and only the known values', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readRepoFile('media', 'entries.schema.json')));
    const data = JSON.parse(dataJson) as EntryDataFile;
    const figure = data.entries.flashmla.figures[0];
    const withFigure = (f: object) => ({ entries: { flashmla: { ...data.entries.flashmla, figures: [f] } } });
    assert.equal(validate(withFigure(figure)), true);
    const { scope, class: figureClass, ...bare } = figure;
    assert.ok(scope && figureClass);
    assert.equal(validate(withFigure({ ...bare, class: figureClass })), false, 'scope is required');
    assert.equal(validate(withFigure({ ...bare, scope })), false, 'class is required');
    assert.equal(validate(withFigure({ ...figure, scope: 'rack' })), false);
    assert.equal(validate(withFigure({ ...figure, class: 'vibes' })), false);
    assert.equal(validate(withFigure({ ...figure, nodes: 0 })), false);
    assert.equal(validate(withFigure({ ...figure, intensity: { value: 12 } })), false, 'an intensity says how it was worked out');
  });

  test('a flagged headline figure is always a performance figure', () => {
    const data = JSON.parse(dataJson) as EntryDataFile;
    for (const [id, d] of Object.entries(data.entries)) {
      for (const f of d.figures) if (f.headline) assert.equal(f.class, 'performance', `${id}: ${f.metric}`);
    }
  });
});

describe('headlines', () => {
  test('no tree row shows anything but a current performance figure as its headline', () => {
    for (const e of catalog.entries) {
      for (const f of headlineFigures(e.figures, e.data)) {
        assert.equal(f.class, 'performance', `${e.entry.id}: ${f.value} ${f.unit}`);
        assert.ok(isCurrent(f), `${e.entry.id}: ${f.value} ${f.unit} is ${f.status}`);
      }
      for (const f of performanceFigures(e)) assert.equal(f.class, 'performance', `${e.entry.id} tooltip: ${f.value} ${f.unit}`);
    }
  });

  test('an entry with no performance figure is described by its kind, not a setting', () => {
    for (const id of ['dualpipe', 'eplb', 'profile-data', 'fire-flyer-ai-hpc', 'insights-into-deepseek-v3', 'the-path-to-open-sourcing-the-deepseek-inference-engine']) {
      const e = catalog.get(id);
      assert.ok(e, id);
      assert.equal(e.headline, '', `${id} has no headline figure`);
      assert.equal(rowDescription(e), kindName(e.kind), id);
    }
    assert.equal(rowDescription(catalog.get('eplb')!), 'load balancer');
    assert.equal(rowDescription(catalog.get('flashmla')!), '3000 GB/s · 660 TFLOPS');
  });

  test('a configuration figure flagged as a headline, or stated by the index, is not one', () => {
    const md = ['## 202502 Week', '### Day 1 - [Tool](https://github.com/o/tool)', 'A tool.'].join('\n');
    const figure = { value: 16, unit: 'replicas', metric: 'replicas', scope: 'system', class: 'configuration', status: 'current', headline: true, source: { repo: 'o/tool', path: 'README.md', commit: 'abcdef1' } } as const;
    const c = buildCatalog(parseIndex(md), {
      entries: { tool: { kind: 'load-balancer', tagline: 'Balances.', summary: 'x', released: '2025-01-01', license: 'MIT', languages: [], related: [], figures: [figure] } },
    });
    const tool = c.get('tool');
    assert.ok(tool);
    assert.equal(tool.headline, '');
    assert.deepEqual(performanceFigures(tool), []);
    assert.equal(rowDescription(tool), 'load balancer');
  });
});
