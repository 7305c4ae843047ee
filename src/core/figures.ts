// Reads performance figures out of the index's figure phrases, such as
// "Performance: 3000 GB/s memory-bound | BF16 580 TFLOPS compute-bound on H800"
// or "73.7k/14.8k input/output tokens per second per H800 node".

import type { Figure, FigureClass, FigureScope, Precision } from './model';
import { canonicalUnit } from './units';
import { isBlank, oneSpaced } from './whitespace';

// A number starts only where a run of digits (or a chain of thousands groups)
// starts: tried again inside the run, the digits are rescanned to the end at
// every position, which is quadratic in the length of the run.
const NUMBER = String.raw`(?<!\d)((?<!\d,)\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?([kKM])?(\+)?`;
const PRECISION = String.raw`BF16|FP8|FP16|FP32`;
// Longest spellings first, so "TiB/min" wins over a bare "TiB".
const UNIT = String.raw`tokens per second|tokens\/s|TiB\/min|TB\/min|[MGT]i?B\/s|[TP]FLOPS|µs|μs|us|ms|%`;
const HARDWARE = String.raw`GB200|B200|H800|H100|H200|H20|A100|Hopper|Blackwell`;

// number [/ number [label/label]] [precision] unit
const FIGURE = new RegExp(
  String.raw`${NUMBER}(?:\s*\/\s*${NUMBER}(?:\s+([A-Za-z]+)\/([A-Za-z]+))?)?\s*(?:(${PRECISION})\s+)?(${UNIT})(?![A-Za-z])`,
  'g',
);

// Compiled once: readContext and clauseFigures run for every figure of the index.
const ON_HARDWARE = new RegExp(String.raw`\s(?:on|with)\s+(${HARDWARE})(?:\s+GPUs?)?(?![A-Za-z0-9])`, 'i');
const BARE_HARDWARE = new RegExp(String.raw`(?<![A-Za-z0-9])(${HARDWARE})(?:\s+GPUs?)?(?![A-Za-z0-9])`);
/** Text without any of these holds neither hardware nor a node count. */
const HINT = new RegExp(String.raw`-node|${HARDWARE}`, 'i');
const SCALE = /\s(?:in|on|across)\s+an?\s+((\d+)-node\s+cluster)\b/i;
const PRECISION_BEFORE = new RegExp(String.raw`\b(${PRECISION})\s*$`);
const QUALIFIER_BEFORE = /\b(up to|over|nearly|about|around|approximately)\s*$/i;

const MULTIPLIER: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6 };

function toNumber(digits: string, suffix: string | undefined): number {
  const n = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
  // Round away binary noise: 73.7 * 1000 is 73700.00000000001.
  return suffix ? Math.round(n * MULTIPLIER[suffix] * 1e6) / 1e6 : n;
}

interface Context {
  measure: string;
  hardware?: string;
  scale?: string;
  nodes?: number;
}

const NO_CONTEXT: Context = { measure: '' };

/** Pulls hardware and scale out of a stretch of text; what remains describes the measure. */
function readContext(text: string): Context {
  // Half the stretches between figures are empty or one word: nothing to pull out.
  if (!HINT.test(text)) return isBlank(text) ? NO_CONTEXT : { measure: tidy(text) };
  let rest = ` ${text} `;
  let scale: string | undefined;
  let nodes: number | undefined;
  const scaleMatch = /-node/i.test(rest) ? SCALE.exec(rest) : null;
  if (scaleMatch) {
    scale = scaleMatch[1];
    nodes = Number(scaleMatch[2]);
    rest = rest.replace(scaleMatch[0], ' ');
  }
  let hardware: string | undefined;
  const onHardware = ON_HARDWARE.exec(rest);
  if (onHardware) {
    hardware = onHardware[1];
    rest = rest.replace(onHardware[0], ' ');
  } else {
    const bare = BARE_HARDWARE.exec(rest);
    if (bare) {
      hardware = bare[1];
      rest = rest.replace(bare[0], ' ');
    }
  }
  return { measure: tidy(rest), hardware, scale, nodes };
}

/** Characters trimmed from the ends of a measure: " ,;:.–—-". */
function looseEnd(code: number): boolean {
  return code === 0x20 || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x2e || code === 0x2013 || code === 0x2014 || code === 0x2d;
}

function tidy(text: string): string {
  // Trimmed by hand: an unanchored "[…]+$" retries at every character of a long run.
  const t = oneSpaced(text);
  let start = 0;
  let end = t.length;
  while (start < end && looseEnd(t.charCodeAt(start))) start++;
  while (end > start && looseEnd(t.charCodeAt(end - 1))) end--;
  return t.slice(start, end);
}

/** The measure's parts that are set, one space apart; undefined when none is. Written out, not filtered and joined: it runs for every figure. */
function joinMeasure(before: string, label: string | undefined, after: string): string | undefined {
  let joined = before;
  if (label) joined = joined ? `${joined} ${label}` : label;
  if (after) joined = joined ? `${joined} ${after}` : after;
  return joined.trim() || undefined;
}

/**
 * Extracts every figure from one figure phrase. Returns an empty list when the
 * phrase holds no number with a known unit.
 */
const LABEL = /^\s*[A-Za-z][A-Za-z ]{0,30}:\s+(?=.*\d)/;
// Global: extractFigures walks the breaks itself rather than splitting into an array.
const CLAUSE_BREAK = /(?<!\s)\s+\|\s+|;\s+/g;

export function extractFigures(phrase: string): Figure[] {
  // "Performance: …" — a label, not part of what is measured.
  const body = phrase.includes(':') ? phrase.replace(LABEL, '') : phrase;
  const drafts: FigureDraft[] = [];
  let from = 0;
  if (body.includes('|') || body.includes(';')) {
    CLAUSE_BREAK.lastIndex = 0;
    for (let b = CLAUSE_BREAK.exec(body); b; b = CLAUSE_BREAK.exec(body)) {
      clauseFigures(body.slice(from, b.index).trim(), drafts);
      from = b.index + b[0].length;
    }
  }
  clauseFigures(body.slice(from).trim(), drafts);
  // "3000 GB/s memory-bound | BF16 580 TFLOPS compute-bound on H800": the
  // trailing hardware applies to the whole line when it names only one.
  let lineHardware: string | undefined;
  let several = false;
  for (const d of drafts) {
    if (!d.hardware) continue;
    if (lineHardware === undefined) lineHardware = d.hardware;
    else if (d.hardware !== lineHardware) several = true;
  }
  if (several) lineHardware = undefined;
  return drafts.map((d) => figure(d, lineHardware));
}

/** Adds the figures one clause states to `out`. */
function clauseFigures(clause: string, out: FigureDraft[]): void {
  // A figure's context runs from the end of the one before to the start of
  // the next, so each match is read once the next one is found.
  FIGURE.lastIndex = 0;
  let prevEnd = 0;
  for (let m = FIGURE.exec(clause), next: RegExpExecArray | null; m; m = next) {
    const start = m.index;
    const end = start + m[0].length;
    next = FIGURE.exec(clause);
    const nextStart = next ? next.index : clause.length;
    let before = clause.slice(prevEnd, start);
    prevEnd = end;
    const after = clause.slice(end, nextStart);

    let qualifier: string | undefined;
    const upTo = QUALIFIER_BEFORE.exec(before);
    if (upTo) {
      qualifier = upTo[1].toLowerCase();
      before = before.slice(0, upTo.index);
    }
    let precision = m[9] as Precision | undefined;
    const precBefore = PRECISION_BEFORE.exec(before);
    if (precBefore) {
      precision ??= precBefore[1] as Precision;
      before = before.slice(0, precBefore.index);
    }
    const beforeCtx = readContext(before);
    const afterCtx = readContext(after);
    const unit = unitOf(m[10]);
    const hardware = afterCtx.hardware ?? beforeCtx.hardware;
    const scale = afterCtx.scale ?? beforeCtx.scale;
    const nodes = afterCtx.nodes ?? beforeCtx.nodes;
    const measure = joinMeasure(beforeCtx.measure, m[7], afterCtx.measure);
    out.push({ value: toNumber(m[1], m[2]), lowerBound: m[3] === '+', measure, unit, qualifier, precision, hardware, scale, nodes, text: clause });
    // "73.7k/14.8k input/output tokens per second": two figures, one per label.
    if (m[4] !== undefined) {
      const second = joinMeasure(beforeCtx.measure, m[8], afterCtx.measure);
      out.push({ value: toNumber(m[4], m[5]), lowerBound: m[6] === '+', measure: second, unit, qualifier, precision, hardware, scale, nodes, text: clause });
    }
  }
}

/**
 * A figure read from a clause, before the hardware its line names is known:
 * one flat object per figure, as the index's figures are read by the thousand.
 */
interface FigureDraft {
  readonly value: number;
  readonly lowerBound: boolean;
  readonly measure: string | undefined;
  readonly unit: string;
  readonly qualifier: string | undefined;
  readonly precision: Precision | undefined;
  readonly hardware: string | undefined;
  readonly scale: string | undefined;
  readonly nodes: number | undefined;
  readonly text: string;
}

const CANONICAL_UNITS = new Map<string, string>();

/** The canonical unit of a spelling FIGURE matched; FIGURE knows a dozen spellings, so each is looked up once. */
function unitOf(spelling: string): string {
  let unit = CANONICAL_UNITS.get(spelling);
  if (unit === undefined) CANONICAL_UNITS.set(spelling, (unit = canonicalUnit(spelling)));
  return unit;
}

/**
 * A figure with only the fields that are set. Built field by field, not by
 * spreading and filtering: the index's figures are read by the thousand.
 */
function figure(d: FigureDraft, lineHardware: string | undefined): Figure {
  const f: { -readonly [K in keyof Figure]?: Figure[K] } = { value: d.value, unit: d.unit };
  if (d.lowerBound) f.lowerBound = true;
  if (d.qualifier !== undefined) f.qualifier = d.qualifier;
  if (d.precision !== undefined) f.precision = d.precision;
  if (d.measure !== undefined) f.measure = d.measure;
  const hardware = d.hardware ?? lineHardware;
  if (hardware !== undefined) f.hardware = hardware;
  if (d.scale !== undefined) f.scale = d.scale;
  if (d.nodes !== undefined) f.nodes = d.nodes;
  const scope = scopeOf(d, hardware);
  if (scope !== undefined) f.scope = scope;
  f.class = classOf(d);
  f.text = d.text;
  return f as Figure;
}

// "per client node", "per H800 node", "per GPU": what the clause says its figure is a figure of.
const PER_CLIENT = /\bper client\b/i;
const PER_NODE = /\bper (?:[\w-]+ )?node\b/i;
const PER_GPU = /\bper (?:GPU|device)\b/i;
const COST = /\b(?:cost|costs|margin|profit|price|revenue|saving|savings|spend)\b/i;

/**
 * What the figure is a figure of, as far as the words around it say: a
 * cluster where they name one, per client or per node where they say so, per
 * GPU where they say so or name only the GPU it ran on, the whole system for
 * a percentage ("Cost profit margin 545%"); otherwise the text does not say.
 * The measure is one-spaced, so a space stands for any run of blanks.
 */
function scopeOf(d: FigureDraft, hardware: string | undefined): FigureScope | undefined {
  const words = d.measure ?? '';
  if (d.scale !== undefined) return 'cluster';
  if (PER_CLIENT.test(words)) return 'client';
  if (PER_NODE.test(words)) return 'node';
  if (PER_GPU.test(words) || hardware !== undefined) return 'gpu';
  if (d.unit === '%') return 'system';
  return undefined;
}

/** Every unit the parser reads is a rate, a time or a percentage: performance, or cost where a percentage measures one. */
function classOf(d: FigureDraft): FigureClass {
  return d.unit === '%' && COST.test(d.measure ?? '') ? 'cost' : 'performance';
}
