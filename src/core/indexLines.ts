// The first step of reading the index: marked's token tree becomes periods
// (##) of sections (###) of lines, each line classified once as it is read.
// A line is one hard- or soft-broken line of a paragraph, or a list item.

import * as l10n from '@vscode/l10n';
import type { Token, Tokens } from 'marked';
import { extractFigures } from './figures';
import type { Figure, Problem } from './model';
import { isBlank, oneSpaced } from './whitespace';

export interface InlineLink {
  readonly label: string;
  readonly href: string;
  readonly image: boolean;
}

/**
 * feature: a ✅ line; bullet: another emoji line that states no figure;
 * figure: a ⚡ line, or a bullet that states one ("🚀 Cost profit margin 545%").
 */
export type LineKind = 'feature' | 'bullet' | 'figure' | 'links' | 'text' | 'intro' | 'imports';

/** One line of text inside a section, with its links and line number. */
export interface Line {
  readonly text: string;
  readonly links: readonly InlineLink[];
  /** Bold text at the very start ("**DualPipe** - …"). */
  readonly leadBold?: string;
  readonly line: number;
  /** Which paragraph or list of the section the line is in. */
  readonly block: number;
  /** What the line is, classified once when it is read. */
  readonly kind: LineKind;
  /** The text without its leading marker. */
  readonly body: string;
  /** The figures a figure line states (empty for a ⚡ line without any). */
  readonly figures: readonly Figure[];
}

export interface Section {
  readonly heading: string;
  readonly headingLinks: readonly InlineLink[];
  readonly line: number;
  readonly lines: Line[];
}

export interface PeriodDraft {
  readonly heading: string;
  readonly line: number;
}

export interface Outline {
  readonly title: string;
  readonly periods: readonly PeriodDraft[];
}

// A leading emoji (with variation selectors and joiners) marks what a line is.
// Sticky and without a capture: tested, it allocates no match.
const MARKER = /\s*(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})(?:[\uFE0F\u200D]|\p{Extended_Pictographic})*\s*/uy;
const FEATURE_MARKS = new Set(['✅']);
const FIGURE_MARKS = new Set(['⚡']);
/** The date that opens a period heading: "202502 ", "2024 ". */
export const PERIOD_DATE = /^\d{4}(?:\d{2})?\s+/;

/**
 * Reads the token tree into periods, handing each section to `onSection` as
 * soon as its last line is read: a section's lines are garbage once its
 * entries are built, so a large index never holds all its lines at once.
 */
export function readOutline(tokens: readonly Token[], problems: Problem[], onSection: (section: Section, period: PeriodDraft) => void): Outline {
  let title = 'Open Infra Index';
  const periods: PeriodDraft[] = [];
  let section: Section | undefined;
  const splitter = new LineSplitter();
  const finishSection = (): void => {
    if (section) onSection(section, periods[periods.length - 1]);
    section = undefined;
  };
  let lineNo = 1;
  for (let block = 0; block < tokens.length; block++) {
    const token = tokens[block];
    const start = lineNo;
    lineNo += countNewlines(token.raw);
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        const text = plainText(h.tokens).trim();
        if (h.depth === 1) {
          title = text || title;
        } else if (h.depth === 2) {
          finishSection();
          periods.push({ heading: text, line: start });
          // "## 202504 [A post](its/README.md)": a period that is itself one entry.
          const links = collectLinks(h.tokens);
          if (links) section = { heading: text.replace(PERIOD_DATE, ''), headingLinks: links, line: start, lines: [] };
        } else if (h.depth === 3) {
          finishSection();
          if (periods.length === 0) {
            problems.push({ line: start, message: l10n.t('Section "{0}" comes before any period heading (##).', text) });
            periods.push({ heading: 'Other', line: start });
          }
          section = { heading: text, headingLinks: collectLinks(h.tokens) ?? NO_LINKS, line: start, lines: [] };
        } else if (section) {
          splitter.split(h.tokens, start, block, section.lines);
        }
        break;
      }
      case 'paragraph':
        if (section) splitter.split((token as Tokens.Paragraph).tokens, start, block, section.lines);
        break;
      case 'list':
        if (section) {
          let itemLine = start;
          for (const item of (token as Tokens.List).items) {
            splitter.split(item.tokens, itemLine, block, section.lines);
            itemLine += countNewlines(item.raw);
          }
        }
        break;
      default:
        // HTML blocks, code, rules and blank space carry no entries.
        break;
    }
  }
  finishSection();
  return { title, periods };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

type Inline = Token & { tokens?: Token[]; text?: string };

function plainText(tokens: readonly Token[] | undefined): string {
  // Concatenated in a loop: this runs for every line of the index.
  let out = '';
  if (tokens) for (const t of tokens) out += tokenText(t);
  return out;
}

function tokenText(t: Inline): string {
  switch (t.type) {
    case 'br':
      return '\n';
    case 'image':
      return (t as Tokens.Image).text;
    case 'html':
      return t.raw;
    case 'escape':
    case 'codespan':
      return t.text ?? '';
    default:
      return t.tokens ? plainText(t.tokens) : (t.text ?? t.raw);
  }
}

/** The links among the tokens, added to `out`; undefined when there are none. */
function collectLinks(tokens: readonly Token[] | undefined, out?: InlineLink[]): InlineLink[] | undefined {
  if (tokens) for (const t of tokens) out = tokenLinks(t, out);
  return out;
}

function tokenLinks(t: Inline, out: InlineLink[] | undefined): InlineLink[] | undefined {
  if (t.type === 'link') out = withLink(out, { label: plainText(t.tokens).trim(), href: (t as Tokens.Link).href, image: false });
  else if (t.type === 'image') out = withLink(out, imageLink(t as Tokens.Image));
  else if (t.tokens) out = collectLinks(t.tokens, out);
  return out;
}

function imageLink(t: Tokens.Image): InlineLink {
  return { label: t.text, href: t.href, image: true };
}

/** The link added to `out`; a first link makes a list of one, as most lines hold one link or none. */
function withLink(out: InlineLink[] | undefined, link: InlineLink): InlineLink[] {
  if (!out) return [link];
  out.push(link);
  return out;
}

const NO_LINKS: readonly InlineLink[] = [];

/**
 * Splits paragraphs' inline tokens at hard and soft line breaks, gathering
 * each line's text and links in one pass over the tokens. This runs for every
 * line of the index, so it builds nothing that a line does not keep: one
 * splitter serves the whole index, and it adds lines straight to their section.
 */
class LineSplitter {
  private out: Line[] = [];
  private firstLine = 0;
  private block = 0;
  private offset = 0;
  private text = '';
  private links: InlineLink[] | undefined;
  /** The first token that is not blank or a bare marker. */
  private first: Inline | undefined;

  /** Adds the lines of one paragraph (or list item, or minor heading) to `out`. */
  split(tokens: readonly Token[] | undefined, firstLine: number, block: number, out: Line[]): void {
    this.out = out;
    this.firstLine = firstLine;
    this.block = block;
    this.offset = 0;
    if (tokens) {
      for (const t of tokens as Inline[]) {
        // A list item wraps its inline tokens in a text token.
        if (t.type === 'text' && t.tokens) for (const inner of t.tokens) this.add(inner);
        else this.add(t);
      }
    }
    this.flush();
  }

  private add(t: Inline): void {
    if (t.type === 'br') {
      this.flush();
    } else if (t.type === 'text' && t.tokens === undefined) {
      const value = t.text ?? '';
      let from = 0;
      for (let nl = value.indexOf('\n'); nl !== -1; nl = value.indexOf('\n', from)) {
        this.addText(value.slice(from, nl), t);
        this.flush();
        from = nl + 1;
      }
      this.addText(from === 0 ? value : value.slice(from), t);
    } else {
      this.addInline(t);
      this.first ??= t;
    }
  }

  /** Text, or a part of a text token split at a newline, which stands for it. */
  private addText(value: string, t: Inline): void {
    if (!value) return;
    this.text += value;
    if (this.first === undefined && !onlyMarker(value)) this.first = t;
  }

  /** The token's text (as tokenText reads it) and links (as tokenLinks finds them), in one walk. */
  private addInline(t: Inline): void {
    switch (t.type) {
      case 'link': {
        const label = plainText(t.tokens);
        this.text += t.tokens ? label : (t.text ?? t.raw);
        this.links = withLink(this.links, { label: label.trim(), href: (t as Tokens.Link).href, image: false });
        break;
      }
      case 'image':
        this.text += (t as Tokens.Image).text;
        this.links = withLink(this.links, imageLink(t as Tokens.Image));
        break;
      case 'br':
      case 'html':
      case 'escape':
      case 'codespan':
        // Leaves: marked gives them no inner tokens, so no links.
        this.text += tokenText(t);
        break;
      default:
        if (t.tokens) for (const inner of t.tokens) this.addInline(inner);
        else this.text += t.text ?? t.raw;
    }
  }

  private flush(): void {
    const text = oneSpaced(this.text);
    if (text || this.links) {
      const first = this.first;
      const leadBold = first?.type === 'strong' ? plainText(first.tokens).trim() : undefined;
      this.out.push(classifiedLine(text, this.links ?? NO_LINKS, leadBold, this.firstLine + this.offset, this.block));
    }
    this.offset++;
    this.text = '';
    this.links = undefined;
    this.first = undefined;
  }
}

/** Whether the text is blank, or a line marker and blanks. */
function onlyMarker(text: string): boolean {
  return markerLength(text) === text.length || isBlank(text);
}
/** "Imports: `my_lib`, `my_lib/api.h`": the modules and headers code uses the entry through. */
export const IMPORTS_LINE = /^imports?:\s+/i;
/** "**DualPipe** - …": a name, a dash between spaces, and what it is. */
const INTRO = /^\S.*?\s[-–—]\s/;

/**
 * The length of the marker (and the blanks around it) that opens the text, or 0.
 * The pattern is tried only where the first visible character could start a
 * marker (every emoji is at U+00A9 or above): most lines start with a letter
 * or a link, and the Unicode-property pattern is the dearest test here.
 */
function markerLength(text: string): number {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 0x20) i++;
  if (i === text.length || text.charCodeAt(i) < 0xa0) return 0;
  MARKER.lastIndex = 0;
  return MARKER.test(text) ? MARKER.lastIndex : 0;
}

const NONE: readonly Figure[] = [];

/** The line, built in one piece with what it is, its text without the marker, and the figures it states. */
function classifiedLine(text: string, links: readonly InlineLink[], leadBold: string | undefined, line: number, block: number): Line {
  const length = markerLength(text);
  const body = length > 0 ? text.slice(length).trim() : text;
  const marker = length > 0 ? text.slice(0, length).trim() : undefined;
  const mark = marker?.includes('\uFE0F') ? marker.replace(/\uFE0F/g, '') : marker;
  let kind: LineKind;
  let figures = NONE;
  if (leadBold && body.startsWith(leadBold) && INTRO.test(body)) {
    kind = 'intro';
  } else if (mark && FIGURE_MARKS.has(mark)) {
    kind = 'figure';
    figures = extractFigures(body);
  } else if (links.length > 0) {
    kind = 'links';
  } else if (!mark) {
    kind = IMPORTS_LINE.test(text) ? 'imports' : 'text';
  } else if (FEATURE_MARKS.has(mark)) {
    kind = 'feature';
  } else {
    const stated = extractFigures(body);
    if (stated.length > 0) figures = stated;
    kind = stated.length > 0 ? 'figure' : 'bullet';
  }
  return { text, links, leadBold, line, block, kind, body, figures };
}

/** The text of a line with its links, marker and arrows taken out: "3FS" of "📥 3FS → https://…". */
export function outsideLinkText(line: Line): string {
  let text = line.text;
  for (const l of line.links) text = text.replace(l.label, ' ').replace(l.href, ' ');
  return oneSpaced(withoutTrailingArrows(text.slice(markerLength(text))).replace(/→/g, ' '));
}

const LINK_EMOJI = '\u{1F517}';

/**
 * "3FS →" and "3FS → 🔗" → "3FS": the arrows, colons and link emoji that lead
 * to a link. By hand, as "[→:]+\s*$" retries at every character of a long run.
 */
function withoutTrailingArrows(text: string): string {
  let end = text.length;
  for (;;) {
    if (end > 0 && (text[end - 1] === '→' || text[end - 1] === ':' || text.charCodeAt(end - 1) <= 0x20)) end--;
    else if (end > 1 && text.slice(end - 2, end) === LINK_EMOJI) end -= 2;
    else break;
  }
  return end < text.length ? text.slice(0, end) : text;
}
