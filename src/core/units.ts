// Units that figures are stated in, what they measure, and how they convert.

export type Dimension =
  | 'bandwidth' // bytes per second
  | 'data-per-minute' // bytes per minute (GraySort)
  | 'compute' // floating-point operations per second
  | 'token-throughput'
  | 'latency'
  | 'percent'
  | 'count';

export interface UnitInfo {
  /** The canonical spelling shown to users. */
  readonly unit: string;
  readonly dimension: Dimension;
  /** Factor to the dimension's base unit (bytes/s, FLOPS, tokens/s, seconds). */
  readonly factor: number;
}

const KB = 1e3;
const KiB = 1024;

const UNITS: readonly UnitInfo[] = [
  { unit: 'MB/s', dimension: 'bandwidth', factor: KB ** 2 },
  { unit: 'GB/s', dimension: 'bandwidth', factor: KB ** 3 },
  { unit: 'TB/s', dimension: 'bandwidth', factor: KB ** 4 },
  { unit: 'MiB/s', dimension: 'bandwidth', factor: KiB ** 2 },
  { unit: 'GiB/s', dimension: 'bandwidth', factor: KiB ** 3 },
  { unit: 'TiB/s', dimension: 'bandwidth', factor: KiB ** 4 },
  { unit: 'TiB/min', dimension: 'data-per-minute', factor: KiB ** 4 },
  { unit: 'TB/min', dimension: 'data-per-minute', factor: KB ** 4 },
  { unit: 'TFLOPS', dimension: 'compute', factor: 1e12 },
  { unit: 'PFLOPS', dimension: 'compute', factor: 1e15 },
  { unit: 'tokens/s', dimension: 'token-throughput', factor: 1 },
  { unit: 'µs', dimension: 'latency', factor: 1e-6 },
  { unit: 'ms', dimension: 'latency', factor: 1e-3 },
  { unit: 's', dimension: 'latency', factor: 1 },
  { unit: '%', dimension: 'percent', factor: 1 },
  { unit: 'nodes', dimension: 'count', factor: 1 },
  { unit: 'GPUs', dimension: 'count', factor: 1 },
  { unit: 'tokens', dimension: 'count', factor: 1 },
];

const BY_NAME = new Map(UNITS.map((u) => [u.unit.toLowerCase(), u]));

/** Spellings seen in the wild, mapped to the canonical unit. A Map: a unit such as "__proto__" finds nothing. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['tokens per second', 'tokens/s'],
  ['token/s', 'tokens/s'],
  ['tok/s', 'tokens/s'],
  ['us', 'µs'],
  ['μs', 'µs'], // Greek mu
  ['tflops', 'TFLOPS'],
  ['tflop/s', 'TFLOPS'],
  ['node', 'nodes'],
  ['gpu', 'GPUs'],
]);

export function unitInfo(unit: string): UnitInfo | undefined {
  const key = unit.trim().toLowerCase();
  return BY_NAME.get(key) ?? BY_NAME.get((ALIASES.get(key) ?? '').toLowerCase());
}

/** The canonical spelling of a unit, or the unit as given when it is unknown. */
export function canonicalUnit(unit: string): string {
  return unitInfo(unit)?.unit ?? unit.trim();
}

/** Converts a value between two units of the same dimension; undefined when they do not compare. */
export function convert(value: number, from: string, to: string): number | undefined {
  const a = unitInfo(from);
  const b = unitInfo(to);
  if (!a || !b || a.dimension !== b.dimension) return undefined;
  return (value * a.factor) / b.factor;
}

/** Formats a number the way the index writes it: 73700 → "73.7k", 3000 → "3000". */
export function formatNumber(value: number): string {
  if (Math.abs(value) >= 10000) {
    const k = value / 1000;
    return `${trimZeros(k.toFixed(1))}k`;
  }
  return trimZeros(value.toFixed(2));
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
