// The index model. Pure data: built by the parser from markdown, enriched
// from the bundled entry data, and read by the tree, panels and search.

export type Precision = 'BF16' | 'FP8' | 'FP16' | 'FP32';

/**
 * What a figure is a figure of: one GPU, one node, one client node, a
 * cluster (of `nodes` nodes, where that is known), or a whole system, such as
 * a service's margin or a paper's saving. Figures compare only within a scope.
 */
export type FigureScope = 'gpu' | 'node' | 'client' | 'cluster' | 'system';

/** What kind of number a figure is. Only performance figures are charted or make headlines. */
export type FigureClass = 'performance' | 'cost' | 'configuration' | 'size';

/** Python, or C/C++/CUDA (their headers). */
export type CodeLanguage = 'python' | 'cpp';

/** A module or header a program imports: "flash_mla", "hf3fs_usrbio.h". */
export interface CodeImport {
  readonly language: CodeLanguage;
  readonly name: string;
}

/** Arithmetic intensity: FLOP per byte of memory traffic, with the arithmetic that gives it. */
export interface Intensity {
  readonly value: number;
  readonly basis: string;
}

/** A performance figure as the index (or a component's repository) states it. */
export interface Figure {
  /** The number as a plain value: "73.7k" is 73700. */
  readonly value: number;
  /** The unit as written in canonical form: "GB/s", "TiB/min", "tokens/s", "%"… */
  readonly unit: string;
  /** "1350+": the value is a lower bound. */
  readonly lowerBound?: boolean;
  /** A qualifier in front of the number, such as "up to". */
  readonly qualifier?: string;
  readonly precision?: Precision;
  /** What is measured: "memory-bound", "aggregate read throughput"… */
  readonly measure?: string;
  /** The hardware the figure was taken on: "H800", "Hopper"… */
  readonly hardware?: string;
  /** The scale of the measurement: "180-node cluster". */
  readonly scale?: string;
  /** Number of nodes in the scale, where the scale is a node count. */
  readonly nodes?: number;
  /** What the figure is a figure of; absent where neither the text nor the data says. */
  readonly scope?: FigureScope;
  /** Absent only where neither the text nor the data says. */
  readonly class?: FigureClass;
  /** Figures of an entry in one series are one measure at different dates. */
  readonly series?: string;
  readonly intensity?: Intensity;
  /** Free-text conditions, from the entry data ("CUDA 12.8, BF16"). */
  readonly conditions?: string;
  /** The phrase the figure was read from, for tooltips and copying. */
  readonly text: string;
  /** Where the figure comes from; absent for figures read from the index itself. */
  readonly source?: FigureSource;
  /** "current"; "superseded" where a newer figure replaces it; "removed" where its source dropped it (see removed). */
  readonly status?: 'current' | 'superseded' | 'removed';
  /** For a removed figure: the commit that dropped it from its source, its date, and a link to it. */
  readonly removed?: { readonly commit: string; readonly date: string; readonly url: string };
  /** Whether the index states the figure, or the component's own repository (or paper). */
  readonly origin?: 'index' | 'repository';
  /** On an index figure: the newer figure the component's repository reports. */
  readonly newer?: Figure;
  /** On a repository figure: the index figure it is newer than. */
  readonly replaces?: Figure;
}

/** Whether a figure is its source's current word: neither superseded by a newer figure nor dropped by its source. */
export function isCurrent(f: Pick<Figure, 'status'>): boolean {
  return f.status === undefined || f.status === 'current';
}

export interface FigureSource {
  /** "deepseek-ai/FlashMLA" */
  readonly repo: string;
  readonly path: string;
  readonly commit?: string;
  /** The date the figure was stated (YYYY-MM-DD). */
  readonly date?: string;
  /** A link to the file at its commit. */
  readonly url: string;
}

export type LinkKind = 'repo' | 'paper' | 'doc' | 'translation' | 'image' | 'other';

export interface Link {
  readonly label: string;
  /** An absolute http(s) URL. The parser drops anything else. */
  readonly url: string;
  readonly kind: LinkKind;
}

export interface Entry {
  /** Stable id: the repository's name in lower case, or a slug of the name. */
  readonly id: string;
  readonly name: string;
  /** The id of the period it belongs to. */
  readonly periodId: string;
  /** The day of the open-source week, where the index gives one. */
  readonly day?: number;
  /** The section heading the entry sits under ("Optimized Parallelism Strategies"). */
  readonly section?: string;
  /** The short description the index gives. */
  readonly description: string;
  readonly repo?: string;
  readonly features: readonly string[];
  readonly figures: readonly Figure[];
  readonly links: readonly Link[];
  /** Modules and headers the index names for the entry ("Imports: `my_lib`"). */
  readonly imports?: readonly CodeImport[];
  /** 1-based line of the entry's first line in the markdown. */
  readonly line: number;
}

export interface Period {
  readonly id: string;
  /** The heading as written: "202502 Open-Source Week". */
  readonly heading: string;
  /** A readable title: "Open-Source Week". */
  readonly title: string;
  /** "February 2025", "2024"… */
  readonly when?: string;
  /** The year and month "when" names, for formatting it in the display language. */
  readonly year?: number;
  /** 1–12; absent for a year alone. */
  readonly month?: number;
  readonly entries: readonly Entry[];
  readonly line: number;
}

export interface InfraIndex {
  readonly title: string;
  readonly periods: readonly Period[];
}

export interface Problem {
  /** 1-based line in the markdown the problem was found at. */
  readonly line: number;
  /** In the display language. */
  readonly message: string;
  /** What kind of problem, where code acts on it (the message's words depend on the language): text decoded in the wrong encoding. */
  readonly kind?: 'encoding';
}

export interface ParseResult {
  readonly index: InfraIndex;
  readonly problems: readonly Problem[];
}

export function allEntries(index: InfraIndex): Entry[] {
  return index.periods.flatMap((p) => p.entries);
}
