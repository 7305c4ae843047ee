// Benchmark: speed and size as ratios to a baseline measured alongside in the
// same process, so the numbers mean the same on a fast or a slow machine.
// Nothing here passes or fails; it prints a table. Run with `npm run bench`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Lexer, marked } from 'marked';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const { parseIndex } = require(join(root, 'out/src/core/parseIndex.js'));
const { relatedEntries } = require(join(root, 'out/src/core/catalog.js'));
const { catalogFromSources } = require(join(root, 'out/src/core/catalogBuild.js'));
const { renderEntryPage } = require(join(root, 'out/src/core/panelHtml.js'));
const { entryDoc, figureDoc, figureRefs, search } = require(join(root, 'out/src/core/search.js'));
const { compareGroups } = require(join(root, 'out/src/core/compare.js'));

const markdown = readFileSync(join(root, 'media/open-infra-index.md'), 'utf8');
const data = readFileSync(join(root, 'media/entries.json'), 'utf8');
const assets = { cspSource: 'vscode-resource:', styleUris: ['base.css', 'panel.css'], scriptUri: 'panel.js', nonce: 'bench' };

/** Median milliseconds per call of fn, over `runs` batches after a warm-up. */
function time(fn, { runs = 15, batch = 20 } = {}) {
  for (let i = 0; i < batch; i++) fn();
  const samples = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - start) / batch);
  }
  return median(samples);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = [];
function compare(what, ours, baseline, baselineName, unit) {
  rows.push({ what, ours, baseline, baselineName, unit, ratio: ours / baseline });
}

/**
 * Times ours and the baseline in turns, batch by batch, so that whatever else
 * the machine does in the meantime slows both alike; the ratio is the median
 * of the ratios of each pair of batches.
 */
function comparePaired(what, ours, baseline, baselineName, { runs = 15, batch = 20 } = {}) {
  const once = (fn) => {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    return (performance.now() - start) / batch;
  };
  for (let i = 0; i < 3; i++) {
    once(ours);
    once(baseline);
  }
  const pairs = Array.from({ length: runs }, () => [once(ours), once(baseline)]);
  rows.push({
    what,
    ours: median(pairs.map(([a]) => a)),
    baseline: median(pairs.map(([, b]) => b)),
    baselineName,
    unit: 'ms',
    ratio: median(pairs.map(([a, b]) => a / b)),
  });
}

// Parsing the index: our parser against the marked lexing it is built on.
comparePaired('parse the bundled index', () => parseIndex(markdown), () => new Lexer().lex(markdown), 'marked lexer alone');

// Loading the catalog (parse + entry data) against parsing the JSON alone.
comparePaired('load the catalog', () => catalogFromSources(markdown, data, parseIndex), () => new Lexer().lex(markdown) && JSON.parse(data), 'lexing + JSON.parse');

// Rendering all ten panels against marked rendering the same summaries.
const catalog = catalogFromSources(markdown, data, parseIndex);
const summaries = catalog.entries.map((e) => e.data?.summary ?? '');
compare(
  'render every entry panel',
  time(() => catalog.entries.map((e) => renderEntryPage(e, assets, { related: relatedEntries(catalog, e) }))),
  time(() => summaries.map((s) => marked.parse(s))),
  'marked.parse of the summaries',
  'ms',
);

// The ranked search (tree filter, figure lookup) against a plain substring scan of the same text.
const entryDocs = catalog.entries.map(entryDoc);
const figureDocs = figureRefs(catalog.entries).map(figureDoc);
const plain = [...entryDocs, ...figureDocs].map((d) => d.fields.map((f) => f.text).join(' ').toLowerCase());
const queries = ['GraySort', 'FP8', 'expert parallel', 'H800 memory-bound', 'tokens per second'];
compare(
  'search (5 queries)',
  time(() => queries.forEach((q) => (search(q, entryDocs), search(q, figureDocs)))),
  time(() => queries.forEach((q) => plain.filter((t) => t.includes(q.toLowerCase())))),
  'substring scan',
  'ms',
);
compare('compare chart data', time(() => compareGroups(catalog)), time(() => catalog.entries.flatMap((e) => e.figures).filter((f) => f.unit.endsWith('/s'))), 'one pass over figures', 'ms');

// At scale: a generated 2,000-entry index in the upstream structure.
const { generateIndex } = require(join(root, 'out/test/fixtures/generateIndex.js'));
const { arrangeEntries } = require(join(root, 'out/src/core/arrange.js'));
const big = generateIndex(2000);
comparePaired('2,000 entries: parse', () => parseIndex(big), () => new Lexer({ gfm: true }).lex(big), 'marked lexer (budget 1.5x)', { runs: 21, batch: 1 });
const bigCatalog = catalogFromSources(big, undefined, parseIndex);
comparePaired('2,000 entries: catalog load', () => catalogFromSources(big, undefined, parseIndex), () => new Lexer({ gfm: true }).lex(big), 'marked lexer', { runs: 21, batch: 1 });
const arrange = (groupBy) => arrangeEntries(bigCatalog.entries, { groupBy, sortBy: 'name' });
compare('2,000 entries: tree children', time(() => arrange('period')), time(() => [...bigCatalog.entries].sort((a, b) => a.entry.name.localeCompare(b.entry.name))), 'one sort by name', 'ms');
// A keystroke of Find Entry or the tree filter is one search over the entries' (cached) documents.
const bigDocs = bigCatalog.entries.map(entryDoc);
const bigPlain = bigDocs.map((d) => d.fields.map((f) => f.text).join(' ').toLowerCase());
const typed = ['expert parallel', 'H800 memory-bound', 'Project1999', 'FP8 TFLOPS'].flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
function p99(fn) {
  const samples = [];
  for (let round = 0; round < 5; round++) {
    for (const prefix of typed) {
      const start = performance.now();
      fn(prefix);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length * 0.99)];
}
compare('2,000 entries: keystroke p99', p99((q) => search(q, bigDocs)), p99((q) => bigPlain.filter((t) => t.includes(q.toLowerCase()))), 'substring scan (budget 16 ms)', 'ms');

// Size. npm run bench packages first, so dist/ holds the production bundles that ship: the
// extension (no marked, no parser: those run in the worker) and the parse worker.
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const markedMin = readFileSync(join(root, 'node_modules/marked/lib/marked.umd.js'));
const meta = JSON.parse(readFileSync(join(root, 'dist/meta.json'), 'utf8'));
for (const [name, file] of [['bundle', 'dist/extension.js'], ['worker', 'dist/parseWorker.js']]) {
  const bytes = readFileSync(join(root, file));
  compare(`${name} size (gzip)`, gzipSync(bytes).length / 1024, gzipSync(markedMin).length / 1024, 'marked.umd.js (gzip)', 'KiB');
  // The project's own code in it: everything esbuild put there from outside node_modules.
  const ownBytes = Object.entries(meta.outputs[file].inputs)
    .filter(([path]) => !path.includes('node_modules/'))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  compare(`${name}: own code, no marked`, ownBytes / 1024, markedMin.length / 1024, 'marked.umd.js', 'KiB');
}
const vsixBytes = statSync(join(root, `${manifest.name}-${manifest.version}.vsix`)).size;
compare('.vsix package', vsixBytes / 1024, 100, 'budget of 100 KiB', 'KiB');

// Activation: the installed .vsix against a hello-world extension, in one workbench run.
const { measureActivation, packageHelloWorld } = require(join(root, 'out/test/bench/activationTimes.js'));
const helloDir = mkdtempSync(join(tmpdir(), 'oii-hello-world-'));
try {
  const times = await measureActivation(join(root, `${manifest.name}-${manifest.version}.vsix`), await packageHelloWorld(helloDir), 7);
  console.log(`activation, ms per round: ours ${times.ours.join(', ')}; hello world ${times.hello.join(', ')}`);
  // The workbench reports whole milliseconds: a hello world that reads 0 counts as 1.
  compare('activation (installed .vsix)', median(times.ours), Math.max(1, median(times.hello)), 'hello-world extension (budget 1.2x)', 'ms');
} finally {
  rmSync(helloDir, { recursive: true, force: true });
}

// Hover latency on a 5,000-line Python file, inside VS Code: ours against its own word-range lookup.
const hoverOut = join(mkdtempSync(join(tmpdir(), 'oii-hover-bench-')), 'hover.json');
const hoverRun = spawnSync(process.execPath, [join(root, 'scripts/run-integration.mjs'), '--tests', 'out/test/bench/hoverLatency.js'], {
  env: { ...process.env, BENCH_OUT: hoverOut, VSCODE_TEST_CODE_SERVER: '1' },
  encoding: 'utf8',
});
if (hoverRun.status === 0) {
  const hover = JSON.parse(readFileSync(hoverOut, 'utf8'));
  console.log(`hover: ${hover.found} of ${hover.positions} positions over ${hover.lines} lines show a card`);
  compare(`hover, 5,000 lines, warm`, hover.warmMs, hover.wordRangeMs, 'getWordRangeAtPosition', 'ms');
  compare(`hover, 5,000 lines, edited`, hover.coldMs, hover.wordRangeMs, 'getWordRangeAtPosition', 'ms');
} else {
  console.log(`hover latency could not be measured:\n${hoverRun.stdout}\n${hoverRun.stderr}`);
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('measure', 30)}${pad('ours', 12)}${pad('baseline', 12)}${pad('ratio', 8)}baseline`);
for (const r of rows) {
  console.log(`${pad(r.what, 30)}${pad(`${r.ours.toFixed(3)} ${r.unit}`, 12)}${pad(`${r.baseline.toFixed(3)} ${r.unit}`, 12)}${pad(`${r.ratio.toFixed(2)}x`, 8)}${r.baselineName}`);
}
