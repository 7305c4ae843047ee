// npm run bench: hover latency on a 5,000-line Python file, measured inside
// VS Code (this module is an extensionTestsPath, run by scripts/run-integration.mjs
// --tests), as a ratio to VS Code's own word-range lookup at the same
// positions of the same document. Nothing is asserted: it writes the
// medians to BENCH_OUT for scripts/bench.mjs to print.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ImportHoverProvider } from '../../src/code/importHover';
import type { ActivationResult } from '../../src/extension';

const LINES = 5_000;
const EXTENSION_ID = 'open-infra-index.open-infra-index';

/** A Python file of 5,000 lines: a few imports, then code that uses their names, and code that does not. */
function bigFile(): string {
  const head = ['import os', 'import numpy as np', 'from flash_mla import get_mla_metadata, flash_mla_with_kvcache', 'import deep_gemm as dg', ''];
  const body: string[] = [];
  for (let i = head.length; i < LINES; i++) {
    body.push(i % 3 === 0 ? `    meta_${i}, splits_${i} = get_mla_metadata(lengths_${i}, heads, 1)` : i % 3 === 1 ? `    total_${i} = np.sum(values_${i}) + dg.ceil_div(${i}, 128)` : `    label_${i} = os.path.join(root, "part_${i}")`);
  }
  return [...head, ...body].join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of one call over the positions, repeated. */
function time(positions: readonly vscode.Position[], fn: (p: vscode.Position) => unknown, rounds = 5): number {
  for (const p of positions) fn(p);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const p of positions) fn(p);
    samples.push((performance.now() - start) / positions.length);
  }
  return median(samples);
}

export async function run(): Promise<void> {
  const handle = (await vscode.extensions.getExtension<ActivationResult>(EXTENSION_ID)?.activate())?.testHandle;
  if (!handle) throw new Error('the extension returned no test handle');
  await handle.store.ready();
  const doc = await vscode.workspace.openTextDocument({ language: 'python', content: bigFile() });
  const provider = new ImportHoverProvider(handle.code, handle.store);
  // Positions all over the file: on an import, on names it binds, on names it does not.
  const positions: vscode.Position[] = [];
  for (let line = 2; line < LINES; line += 37) {
    const text = doc.lineAt(line).text;
    const name = ['flash_mla', 'get_mla_metadata', 'dg.'].map((n) => text.indexOf(n)).find((i) => i >= 0);
    positions.push(new vscode.Position(line, (name ?? 7) + 1));
  }
  const wordRange = time(positions, (p) => doc.getWordRangeAtPosition(p));
  const warm = time(positions, (p) => provider.provideHover(doc, p));
  // Cold: the first hover after an edit reads the file's imports again.
  const edit = new vscode.WorkspaceEdit();
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    edit.insert(doc.uri, new vscode.Position(LINES - 1, 0), ' ');
    await vscode.workspace.applyEdit(edit);
    const start = performance.now();
    provider.provideHover(doc, positions[0]);
    samples.push(performance.now() - start);
  }
  const cold = median(samples);
  // How many of the positions get a card: a bench that found none would measure nothing.
  const found = positions.filter((p) => provider.provideHover(doc, p) !== undefined).length;
  const out = process.env.BENCH_OUT;
  const result = { lines: LINES, positions: positions.length, wordRangeMs: wordRange, warmMs: warm, coldMs: cold, found };
  if (out) writeFileSync(out, JSON.stringify(result));
  console.log(`hover latency: ${JSON.stringify(result)}`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
