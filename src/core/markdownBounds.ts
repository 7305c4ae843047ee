// Bounds on markdown before marked reads it. Marked's inline lexer rescans
// the rest of a paragraph for each unmatched delimiter (emphasis, code spans,
// links, HTML), and it recurses once per level of block quote or list, so a
// long paragraph full of markup is quadratic and deep nesting overflows the
// stack. No line of the index or of a summary comes near these bounds; text
// past them is cut, or made plain text, and reported.

import { isBlank } from './whitespace';

/** Longer lines are cut: the index's longest is under 200 characters, a summary's under 400. */
export const MAX_LINE = 2_000;
/**
 * Markup characters a paragraph may hold; past them marked would rescan the
 * paragraph once for each. The index's paragraphs hold at most a dozen.
 */
export const MAX_MARKUP = 100;
/** Block quotes and lists opened on one line beyond this are text. */
export const MAX_NESTING = 8;
/**
 * Lines a paragraph (or list, or quote) may run to before a blank line; the
 * rest is cut. Marked rereads a list item for each lazy line that continues it.
 */
export const MAX_BLOCK_LINES = 100;

export interface BoundProblem {
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export interface Bounded {
  readonly text: string;
  readonly problems: readonly BoundProblem[];
}

// Characters that start or end inline markup in marked's GFM inline grammar.
// Past the bound, each becomes its full-width look-alike: it reads the same and,
// unlike a backslash escape, does not make a token of its own.
const MARKUP = '*_~`[]<>!\\|&';
const IS_MARKUP = new Uint8Array(128);
for (const c of MARKUP) IS_MARKUP[c.charCodeAt(0)] = 1;
const FULL_WIDTH_OFFSET = 0xfee0;

// Inside a fenced code block nothing is inline markup.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A block-quote or list marker at the start of what is left of a line.
const CONTAINER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/** The first character after the spaces that open the line, or -1 when there is none. */
function firstAfterSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  return i < line.length ? line.charCodeAt(i) : -1;
}

// Characters that can open a block quote or a list: only lines that start with one are looked at further.
const CONTAINER_START = new Uint8Array(128);
for (const c of '>-+*0123456789') CONTAINER_START[c.charCodeAt(0)] = 1;

/** The markdown with its lines, markup and nesting bounded; the line count is kept. */
export function boundMarkdown(markdown: string): Bounded {
  const problems: BoundProblem[] = [];
  // Only changed lines are copied: joining every line again would cost more than the checks.
  const pieces: string[] = [];
  let copied = 0;
  let markup = 0;
  let blockLines = 0;
  let neutralising = false;
  let fence: string | undefined;
  for (let start = 0, lineNo = 1; start <= markdown.length; lineNo++) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    const lineStart = start;
    const original = markdown.slice(lineStart, end);
    let line = original;
    start = end + 1;
    if (line.length > MAX_LINE) {
      line = line.slice(0, MAX_LINE);
      problems.push({ line: lineNo, message: `Line is longer than ${MAX_LINE} characters; the rest was cut.` });
    }
    const lead = firstAfterSpaces(line);
    const fenceMark = lead === 0x60 || lead === 0x7e ? FENCE.exec(line)?.[1] : undefined;
    if (lead === -1 || (lead <= 0x20 && isBlank(line))) {
      markup = 0;
      blockLines = 0;
      neutralising = false;
    } else if (fence !== undefined || fenceMark) {
      if (fence === undefined) fence = fenceMark;
      else if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
    } else if (++blockLines > MAX_BLOCK_LINES) {
      if (blockLines === MAX_BLOCK_LINES + 1) {
        problems.push({ line: lineNo, message: `Paragraph runs to more than ${MAX_BLOCK_LINES} lines without a blank line; the rest was cut.` });
      }
      line = '';
    } else {
      const prefix = CONTAINER_START[lead] === 1 ? containerPrefix(line, lineNo, problems) : { head: '', rest: line };
      const { text, count } = neutraliseMarkupAfter(prefix.rest, MAX_MARKUP - markup);
      if (text !== prefix.rest && !neutralising) {
        problems.push({ line: lineNo, message: `Paragraph holds more than ${MAX_MARKUP} markup characters; the rest were read as text.` });
        neutralising = true;
      }
      markup += count;
      if (prefix.changed || text !== prefix.rest) line = prefix.head + text;
    }
    if (line !== original) {
      pieces.push(markdown.slice(copied, lineStart), line);
      copied = end;
    }
  }
  if (pieces.length === 0) return { text: markdown, problems };
  pieces.push(markdown.slice(copied));
  return { text: pieces.join(''), problems };
}

/**
 * Splits off the block-quote and list markers that open the line, up to
 * MAX_NESTING of them; a further marker is escaped so that it reads as text.
 */
function containerPrefix(line: string, lineNo: number, problems: BoundProblem[]): { head: string; rest: string; changed?: boolean } {
  let at = 0;
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const m = CONTAINER.exec(line.slice(at, at + 16));
    if (!m) return { head: line.slice(0, at), rest: line.slice(at) };
    at += m[0].length;
  }
  const rest = line.slice(at);
  if (!CONTAINER.test(rest.slice(0, 16))) return { head: line.slice(0, at), rest };
  problems.push({ line: lineNo, message: `More than ${MAX_NESTING} block quotes or lists open on one line; the rest reads as text.` });
  // A backslash before the first non-blank character keeps it from opening anything.
  const lead = /^[ \t]*/.exec(rest)?.[0] ?? '';
  return { head: `${line.slice(0, at)}${lead}\\`, rest: rest.slice(lead.length), changed: true };
}

/** The line with its markup characters after the first `keep` made plain text, and how many it holds. */
function neutraliseMarkupAfter(line: string, keep: number): { text: string; count: number } {
  let count = 0;
  let out = '';
  let copied = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= 128 || IS_MARKUP[code] === 0) continue;
    if (count++ < keep) continue;
    out += line.slice(copied, i) + String.fromCharCode(code + FULL_WIDTH_OFFSET);
    copied = i + 1;
  }
  return { text: copied === 0 ? line : out + line.slice(copied), count };
}
