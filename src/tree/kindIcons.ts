import * as vscode from 'vscode';
import type { CatalogEntry } from '../core/catalog';

/** A codicon per kind of entry, so that the tree reads at a glance. */
const KIND_ICONS: Readonly<Record<CatalogEntry['kind'], string>> = {
  'kernel-library': 'chip',
  'communication-library': 'radio-tower',
  'parallelism-algorithm': 'split-horizontal',
  'load-balancer': 'law',
  'profiling-data': 'pulse',
  'file-system': 'database',
  'data-framework': 'table',
  'system-overview': 'server-environment',
  paper: 'book',
  entry: 'symbol-misc',
};

export function kindIcon(kind: CatalogEntry['kind']): vscode.ThemeIcon {
  return new vscode.ThemeIcon(KIND_ICONS[kind] ?? KIND_ICONS.entry);
}
