// The API this extension offers other extensions. Copy this file into yours and use:
//   const api = await vscode.extensions
//     .getExtension<OpenInfraIndexApi>('open-infra-index.open-infra-index')
//     ?.activate();
// It only grows: members are added, never changed or removed, within a major version.
import type { Event } from 'vscode';

export interface OpenInfraIndexApi {
  /** 1 for this shape of the API. */
  readonly apiVersion: 1;
  /** The entries of the index in use, in the index's order; empty while it has not loaded. */
  entries(): readonly InfraIndexEntry[];
  /** Fires when the index in use changes, for example after a reload. */
  readonly onDidChangeIndex: Event<void>;
  /** Opens an entry's panel, at one of its figures if given; resolves to false when there is no such entry. */
  openEntry(id: string, options?: { readonly figure?: number }): Thenable<boolean>;
}

export interface InfraIndexEntry {
  /** Stable id: "flashmla", "3fs", "deepseek-v3-r1-inference-system-overview"… */
  readonly id: string;
  readonly name: string;
  /** "kernel-library", "file-system", "paper"… */
  readonly kind: string;
  readonly repository?: string;
  readonly tagline?: string;
  readonly figures: readonly InfraIndexFigure[];
}

export interface InfraIndexFigure {
  readonly value: number;
  /** "GB/s", "TFLOPS", "tokens/s"… */
  readonly unit: string;
  /** "1350+": the value is a lower bound. */
  readonly lowerBound: boolean;
  /** What is measured: "memory-bound", "aggregate read throughput"… */
  readonly measure?: string;
  readonly precision?: string;
  readonly hardware?: string;
  /** Where the figure is stated: the file at its commit, and the date. */
  readonly source?: { readonly url: string; readonly date?: string };
  /** "superseded" where a newer figure (also listed) replaces it; "removed" where its source has dropped it since. */
  readonly status: 'current' | 'superseded' | 'removed';
}
