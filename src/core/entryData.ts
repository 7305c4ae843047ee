// Per-entry data that the index's markdown structure cannot hold. It ships as
// media/entries.json, keyed by entry id, and is checked against
// media/entries.schema.json when it is loaded (entryDataCheck.ts).

import type { CodeLanguage, FigureClass, FigureScope, Intensity, Precision } from './model';

export type EntryKind =
  | 'kernel-library'
  | 'communication-library'
  | 'parallelism-algorithm'
  | 'load-balancer'
  | 'profiling-data'
  | 'file-system'
  | 'data-framework'
  | 'system-overview'
  | 'post'
  | 'paper';

export interface DataFigureSource {
  /** "deepseek-ai/FlashMLA" on GitHub, or a host path such as "arxiv.org/abs". */
  readonly repo: string;
  /** The file the figure is stated in, inside that repository. */
  readonly path: string;
  /** The commit the file was read at (full or abbreviated hash). */
  readonly commit?: string;
  /** When the value was first published in the repository, YYYY-MM-DD (in firstPath where that is given). */
  readonly date?: string;
  /** The file the value was first published in, where it has since moved to `path`. */
  readonly firstPath?: string;
}

export interface DataFigure {
  /** What is measured, in a few words. */
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  readonly qualifier?: string;
  readonly lowerBound?: boolean;
  readonly precision?: Precision;
  readonly hardware?: string;
  readonly scale?: string;
  readonly conditions?: string;
  readonly scope: FigureScope;
  /** For a cluster figure: its node count, where the source states it without ambiguity. */
  readonly nodes?: number;
  readonly class: FigureClass;
  /** The same measure at other dates has the same series. */
  readonly series?: string;
  readonly intensity?: Intensity;
  /** current: at its source's HEAD; superseded: a newer figure replaces it; removed: its source dropped it. */
  readonly status: 'current' | 'superseded' | 'removed';
  /** For a removed figure: the commit that dropped it from its source. */
  readonly removed?: { readonly commit: string; readonly date: string };
  /** How the source writes the value, where not as the plain number ("4K"): what npm run data:check looks for. */
  readonly stated?: string;
  /** How the value was worked out, where the source does not write it. */
  readonly derived?: string;
  /** Shown in the tree's description when the index itself gives no current performance figure; performance figures only. */
  readonly headline?: boolean;
  /** The index figure this one is newer than, e.g. 660 TFLOPS over the index's 580. */
  readonly supersedes?: { readonly value: number; readonly unit: string };
  readonly source: DataFigureSource;
}

/** A Python module or C/C++/CUDA header the component's own repository documents. */
export interface DataCodeName {
  readonly language: CodeLanguage;
  /** "flash_mla", "hf3fs_fuse.io", "hf3fs_usrbio.h" */
  readonly name: string;
  /** Where the repository documents it. */
  readonly source: DataFigureSource;
}

export interface EntryData {
  readonly kind: EntryKind;
  /** One line, in the project's own words. */
  readonly tagline: string;
  /** Markdown, in the project's own words. */
  readonly summary: string;
  /** YYYY-MM-DD */
  readonly released: string;
  readonly license: string;
  readonly languages: readonly string[];
  readonly hardware?: string;
  /** Ids of related entries. */
  readonly related: readonly string[];
  readonly figures: readonly DataFigure[];
  /** The modules and headers code imports to use it. */
  readonly code?: readonly DataCodeName[];
  /** The tagline and summary in other languages, by VS Code locale ("zh-cn"). */
  readonly translations?: Readonly<Partial<Record<'zh-cn', EntryTranslation>>>;
}

export interface EntryTranslation {
  readonly tagline: string;
  /** Markdown. */
  readonly summary: string;
}

export interface EntryDataFile {
  readonly $schema?: string;
  readonly entries: Readonly<Record<string, EntryData>>;
}
