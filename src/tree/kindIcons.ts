import * as vscode from 'vscode';
import type { CatalogEntry } from '../core/catalog';

/** A codicon per kind of entry, so that the tree reads at a glance. A Map: a kind such as "constructor" finds nothing. */
const KIND_ICONS: ReadonlyMap<string, string> = new Map<CatalogEntry['kind'], string>([
  ['kernel-library', 'chip'],
  ['communication-library', 'radio-tower'],
  ['parallelism-algorithm', 'split-horizontal'],
  ['load-balancer', 'law'],
  ['profiling-data', 'pulse'],
  ['file-system', 'database'],
  ['data-framework', 'table'],
  ['system-overview', 'server-environment'],
  ['post', 'note'],
  ['paper', 'book'],
  ['entry', 'symbol-misc'],
]);

export function kindIcon(kind: CatalogEntry['kind']): vscode.ThemeIcon {
  return new vscode.ThemeIcon(KIND_ICONS.get(kind) ?? 'symbol-misc');
}
