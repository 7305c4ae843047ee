// The language-model tools (issue 15) inside VS Code: listed in vscode.lm.tools
// as the manifest declares them, and called through vscode.lm.invokeTool as an
// agent calls them, with results checked against the bundled figures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Figure } from '../../src/core/model';
import { api, extension } from './api';

const NAMES = ['infraIndex_findEntries', 'infraIndex_getEntry', 'infraIndex_findFigures', 'infraIndex_compareFigures'];

/** Calls a tool as a chat agent does, outside a chat request, and returns its text. */
async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

/** The bundled figure of an entry with this value and unit, origin and status. */
async function bundledFigure(id: string, value: number, unit: string, where: Partial<Figure> = {}): Promise<Figure> {
  const figure = (await api()).store.catalog?.get(id)?.figures.find((f) => f.value === value && f.unit === unit && Object.entries(where).every(([k, v]) => f[k as keyof Figure] === v));
  assert.ok(figure, `${id} has ${value} ${unit} in the bundled index`);
  return figure;
}

/** The line of a result that starts with `prefix` (after the list's dash), and the lines after it up to the next group. */
function lineOf(text: string, pattern: RegExp): string {
  const line = text.split('\n').find((l) => pattern.test(l));
  assert.ok(line, `a line matching ${pattern} in:\n${text}`);
  return line;
}

suite('language-model tools', () => {
  suiteSetup(async () => {
    const { store } = await api();
    await store.ready();
    assert.equal(store.origin.kind, 'bundled');
  });

  test('vscode.lm.tools lists the four tools as the manifest declares them', async () => {
    const declared = (extension().packageJSON as { contributes: { languageModelTools: { name: string; modelDescription: string; tags: string[]; inputSchema: object }[] } }).contributes.languageModelTools;
    assert.deepEqual(declared.map((t) => t.name), NAMES);
    for (const d of declared) {
      const tool = vscode.lm.tools.find((t) => t.name === d.name);
      assert.ok(tool, `${d.name} in vscode.lm.tools: ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
      assert.equal(tool.description, d.modelDescription);
      assert.deepEqual(tool.inputSchema, d.inputSchema);
      assert.deepEqual([...tool.tags], d.tags);
    }
  });

  test('getEntry: FlashMLA’s 660 TFLOPS with its source, commit and date, and the 580 it supersedes', async () => {
    const newer = await bundledFigure('flashmla', 660, 'TFLOPS');
    const older = await bundledFigure('flashmla', 580, 'TFLOPS', { origin: 'index' });
    assert.ok(newer.source?.commit && newer.source.date && older.source?.commit);
    const text = await invoke('infraIndex_getEntry', { entry: 'FlashMLA' });
    assert.match(text, /^Index in use: bundled copy of deepseek-ai\/open-infra-index README\.md @ 56d86855fcf6e08fdfd45ce6280bd24322c93351 \(2025-05-15\)/);
    const current = lineOf(text, /^- up to 660 TFLOPS BF16 /);
    assert.ok(current.includes(`source: ${newer.source.repo} ${newer.source.path} @ ${newer.source.commit}, ${newer.source.date}`), current);
    assert.match(current, /supersedes 580 TFLOPS \(index\)/);
    const superseded = lineOf(text, /^- 580 TFLOPS BF16 · compute-bound/);
    assert.ok(superseded.includes(`@ ${older.source.commit}`), superseded);
    assert.match(superseded, new RegExp(`SUPERSEDED by 660 TFLOPS \\(${newer.source.date}\\)`));
  });

  test('findFigures and compareFigures: 3FS’s 6.6 TiB/s is a 180-node cluster figure, never set beside a per-GPU one', async () => {
    const aggregate = await bundledFigure('3fs', 6.6, 'TiB/s');
    assert.equal(aggregate.nodes, 180);
    const found = await invoke('infraIndex_findFigures', { unit: 'TiB/s', entry: '3fs' });
    assert.match(lineOf(found, /^- 3FS \[3fs\]: 6\.6 TiB\/s/), /180-node cluster.*source: deepseek-ai\/open-infra-index README\.md @ [0-9a-f]{40}, \d{4}-\d{2}-\d{2}/);

    // Four per group: with DeepEP V2's whole table, every bandwidth figure no longer fits in one result.
    const compared = await invoke('infraIndex_compareFigures', { dimension: 'bandwidth', limit: 4 });
    const groups = compared.split('\n').reduce<{ title: string; lines: string[] }[]>((all, line) => {
      if (line.startsWith('Group ')) all.push({ title: line, lines: [] });
      else if (line.startsWith('- ')) all.at(-1)?.lines.push(line);
      return all;
    }, []);
    const withAggregate = groups.filter((g) => g.lines.some((l) => /6\.6 TiB\/s/.test(l) && !/DERIVED/.test(l)));
    assert.deepEqual(withAggregate.map((g) => g.title.split(':')[0]), ['Group bandwidth-cluster-180-any']);
    assert.equal(withAggregate[0].lines.length, 1, 'nothing else stands beside the 180-node aggregate');
    const perGpu = groups.filter((g) => /per GPU/.test(g.title));
    assert.ok(perGpu.length > 0 && perGpu.every((g) => g.lines.every((l) => !/3FS/.test(l))), 'no 3FS figure in a per-GPU group');
    // The per-node figure is worked out, and says so.
    assert.match(lineOf(compared, /^- 3FS \[3fs\]: 40\.32 GB\/s per node/), /DERIVED here, stated by no source: 6\.6 TiB\/s = 7256\.8 GB\/s ÷ 180 nodes/);
  });

  test('findEntries: the entries an agent asks about, best first, each with its link', async () => {
    const text = await invoke('infraIndex_findEntries', { query: 'expert parallel' });
    const first = text.split('\n').find((l) => l.startsWith('- '));
    assert.match(first ?? '', /^- DeepEP \[deepep\] · communication library · .* · https:\/\/github\.com\/deepseek-ai\/DeepEP/);
  });

  test('what is not in the index gets "not in the index" and the nearest, never a guess', async () => {
    const entry = await invoke('infraIndex_getEntry', { entry: 'FlashMAL' });
    assert.match(entry, /“FlashMAL” is not in the index/);
    assert.match(entry, /FlashMLA \[flashmla\]/);
    assert.doesNotMatch(entry, /TFLOPS/, 'no figures of a guessed entry');
    const unit = await invoke('infraIndex_findFigures', { unit: 'PB/s' });
    assert.match(unit, /The unit “PB\/s” is not in the index\. Nearest in the index: .*GB\/s/);
    assert.doesNotMatch(unit, /source:/, 'no figures listed');
  });

  test('malformed input is refused with a clear error naming the field', async () => {
    await assert.rejects(invoke('infraIndex_getEntry', { entry: 5 }), /`entry` must be a string/);
    await assert.rejects(invoke('infraIndex_findEntries', { query: 'x', limit: 0 }), /`limit` must be an integer from 1 to 20 \(got 0\)/);
    await assert.rejects(invoke('infraIndex_compareFigures', { dimension: 'bandwidth', colour: 'red' }), /`colour` is not a parameter of this tool/);
    await assert.rejects(invoke('infraIndex_getEntry', {}), /`entry`/);
  });

  test('prepareInvocation says what the tool is doing, in the display language', async () => {
    const { indexTools } = await api();
    const tool = indexTools.tools.get('infraIndex_getEntry');
    const prepared = await tool?.prepareInvocation?.({ input: { entry: 'DeepGEMM' } }, new vscode.CancellationTokenSource().token);
    assert.equal(prepared?.invocationMessage, 'Looking up DeepGEMM in the Open Infra Index');
    assert.equal(prepared?.confirmationMessages, undefined, 'the tools only read: nothing to confirm');
  });
});
