// Bounds on markdown before marked reads it. Marked's inline lexer rescans
// the rest of a paragraph for each unmatched delimiter (emphasis, code spans,
// links, HTML), and it recurses once per level of block quote or list, so a
// long paragraph full of markup is quadratic and deep nesting overflows the
// stack. No line of the index or of a summary comes near these bounds; text
// past them is cut, or made plain text, and reported.

import * as l10n from '@vscode/l10n';
import { endsMojibakePair, mayBeMojibake } from './encoding';
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
  /** mayBeMojibake(text), found on the way: the bounds read every character already. */
  readonly mayBeMojibake: boolean;
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

/** The first character after the spaces that open text[from, to), or -1 when there is none. */
function firstAfterSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === 0x20) i++;
  return i < to ? text.charCodeAt(i) : -1;
}

// Characters that can open a block quote or a list: only lines that start with one are looked at further.
const CONTAINER_START = new Uint8Array(128);
for (const c of '>-+*0123456789') CONTAINER_START[c.charCodeAt(0)] = 1;

/** The markdown with its lines, markup and nesting bounded; the line count is kept. */
export function boundMarkdown(markdown: string): Bounded {
  const bounds = new Bounds(markdown);
  for (let start = 0, lineNo = 1; start <= markdown.length; lineNo++) {
    const newline = markdown.indexOf('\n', start);
    const end = newline === -1 ? markdown.length : newline;
    bounds.line(start, end, lineNo);
    start = end + 1;
  }
  return bounds.finish();
}

/**
 * Reads the markdown line by line. A line is looked at where it stands in the
 * markdown and copied only when it changes: slicing out every line would cost
 * more than the checks themselves.
 */
class Bounds {
  readonly problems: BoundProblem[] = [];
  private readonly pieces: string[] = [];
  /** Where the markdown not yet copied into pieces starts. */
  private copied = 0;
  /** Markup characters in the paragraph so far. */
  private markup = 0;
  /** Lines of the paragraph so far. */
  private blockLines = 0;
  /** Whether the paragraph's markup has been made text (reported once). */
  private neutralising = false;
  /** The marker of the open code fence. */
  private fence: string | undefined;
  private mojibake = false;

  constructor(private readonly markdown: string) {}

  /** Bounds markdown[start, end), a line without its newline. */
  line(start: number, end: number, lineNo: number): void {
    const { markdown, problems } = this;
    let to = end;
    if (end - start > MAX_LINE) {
      to = start + MAX_LINE;
      problems.push({ line: lineNo, message: l10n.t('Line is longer than {0} characters; the rest was cut.', MAX_LINE) });
    }
    /** The line's new text, when it changes. */
    let changed = to < end ? markdown.slice(start, to) : undefined;
    const lead = firstAfterSpaces(markdown, start, to);
    const fenceMark = lead === 0x60 || lead === 0x7e ? FENCE.exec(markdown.slice(start, to))?.[1] : undefined;
    if (lead === -1 || (lead <= 0x20 && isBlank(markdown.slice(start, to)))) {
      // Blank: no character that a code page makes of UTF-8 is white space, so no mojibake either.
      this.markup = 0;
      this.blockLines = 0;
      this.neutralising = false;
    } else if (this.fence !== undefined || fenceMark) {
      if (this.fence === undefined) this.fence = fenceMark;
      else if (fenceMark && fenceMark[0] === this.fence[0] && fenceMark.length >= this.fence.length) this.fence = undefined;
      if (!this.mojibake) this.mojibake = mayBeMojibake(markdown.slice(start, to));
    } else if (++this.blockLines > MAX_BLOCK_LINES) {
      if (this.blockLines === MAX_BLOCK_LINES + 1) {
        problems.push({ line: lineNo, message: l10n.t('Paragraph runs to more than {0} lines without a blank line; the rest was cut.', MAX_BLOCK_LINES) });
      }
      changed = '';
    } else if (CONTAINER_START[lead] === 1) {
      const prefix = containerPrefix(markdown.slice(start, to), lineNo, problems);
      const text = this.boundMarkup(prefix.rest, 0, prefix.rest.length, lineNo);
      if (prefix.changed || text !== undefined) changed = prefix.head + (text ?? prefix.rest);
    } else {
      changed = this.boundMarkup(markdown, start, to, lineNo) ?? changed;
    }
    if (changed !== undefined) {
      this.pieces.push(markdown.slice(this.copied, start), changed);
      this.copied = end;
    }
  }

  finish(): Bounded {
    const { markdown, pieces, problems, mojibake } = this;
    if (pieces.length === 0) return { text: markdown, problems, mayBeMojibake: mojibake };
    pieces.push(markdown.slice(this.copied));
    return { text: pieces.join(''), problems, mayBeMojibake: mojibake };
  }

  /**
   * Counts the markup in text[from, to), noting mojibake on the way, and
   * returns that stretch with the paragraph's markup past MAX_MARKUP made
   * plain text; undefined when nothing needs to change.
   */
  private boundMarkup(text: string, from: number, to: number, lineNo: number): string | undefined {
    let count = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        if (!this.mojibake && endsMojibakePair(text, i)) this.mojibake = true;
      } else if (IS_MARKUP[code] === 1) {
        count++;
      }
    }
    const keep = MAX_MARKUP - this.markup;
    this.markup += count;
    if (count <= keep) return undefined;
    if (!this.neutralising) {
      this.problems.push({ line: lineNo, message: l10n.t('Paragraph holds more than {0} markup characters; the rest were read as text.', MAX_MARKUP) });
      this.neutralising = true;
    }
    return neutraliseMarkupAfter(text.slice(from, to), keep);
  }
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
  problems.push({ line: lineNo, message: l10n.t('More than {0} block quotes or lists open on one line; the rest reads as text.', MAX_NESTING) });
  // A backslash before the first non-blank character keeps it from opening anything.
  const lead = /^[ \t]*/.exec(rest)?.[0] ?? '';
  return { head: `${line.slice(0, at)}${lead}\\`, rest: rest.slice(lead.length), changed: true };
}

/** The line with its markup characters after the first `keep` made plain text. */
function neutraliseMarkupAfter(line: string, keep: number): string {
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
  return copied === 0 ? line : out + line.slice(copied);
}
