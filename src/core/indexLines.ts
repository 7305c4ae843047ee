// The first step of reading the index: marked's token tree becomes periods
// (##) of sections (###) of lines, each line classified once as it is read.
// A line is one hard- or soft-broken line of a paragraph, or a list item.

import type { Token, Tokens } from 'marked';
import { extractFigures } from './figures';
import type { Figure, Problem } from './model';

export interface InlineLink {
  readonly label: string;
  readonly href: string;
  readonly image: boolean;
}

/**
 * feature: a ✅ line; bullet: another emoji line that states no figure;
 * figure: a ⚡ line, or a bullet that states one ("🚀 Cost profit margin 545%").
 */
export type LineKind = 'feature' | 'bullet' | 'figure' | 'links' | 'text' | 'intro';

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
  readonly sections: Section[];
}

export interface Outline {
  readonly title: string;
  readonly periods: readonly PeriodDraft[];
}

// A leading emoji (with variation selectors and joiners) marks what a line is.
const MARKER = /^\s*((?:\p{Extended_Pictographic}|\p{Emoji_Presentation})(?:[\uFE0F\u200D]|\p{Extended_Pictographic})*)\s*/u;
const FEATURE_MARKS = new Set(['✅']);
const FIGURE_MARKS = new Set(['⚡']);

export function readOutline(tokens: readonly Token[], problems: Problem[]): Outline {
  let title = 'Open Infra Index';
  const periods: PeriodDraft[] = [];
  let section: Section | undefined;
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
          periods.push({ heading: text, line: start, sections: [] });
          section = undefined;
        } else if (h.depth === 3) {
          if (periods.length === 0) {
            problems.push({ line: start, message: `Section "${text}" comes before any period heading (##).` });
            periods.push({ heading: 'Other', line: start, sections: [] });
          }
          section = { heading: text, headingLinks: collectLinks(h.tokens), line: start, lines: [] };
          periods[periods.length - 1].sections.push(section);
        } else if (section) {
          section.lines.push(...splitLines(h.tokens, start, block));
        }
        break;
      }
      case 'paragraph':
        if (section) section.lines.push(...splitLines((token as Tokens.Paragraph).tokens, start, block));
        break;
      case 'list':
        if (section) {
          let itemLine = start;
          for (const item of (token as Tokens.List).items) {
            section.lines.push(...splitLines(item.tokens, itemLine, block));
            itemLine += countNewlines(item.raw);
          }
        }
        break;
      default:
        // HTML blocks, code, rules and blank space carry no entries.
        break;
    }
  }
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
  for (const t of (tokens ?? []) as Inline[]) {
    switch (t.type) {
      case 'br':
        out += '\n';
        break;
      case 'image':
        out += (t as Tokens.Image).text;
        break;
      case 'html':
        out += t.raw;
        break;
      case 'escape':
      case 'codespan':
        out += t.text ?? '';
        break;
      default:
        out += t.tokens ? plainText(t.tokens) : (t.text ?? t.raw);
    }
  }
  return out;
}

function collectLinks(tokens: readonly Token[] | undefined, out: InlineLink[] = []): InlineLink[] {
  for (const t of (tokens ?? []) as Inline[]) {
    if (t.type === 'link') out.push({ label: plainText(t.tokens).trim(), href: (t as Tokens.Link).href, image: false });
    else if (t.type === 'image') out.push({ label: (t as Tokens.Image).text, href: (t as Tokens.Image).href, image: true });
    else if (t.tokens) collectLinks(t.tokens, out);
  }
  return out;
}

/** Splits a paragraph's inline tokens at hard and soft line breaks. */
function splitLines(tokens: readonly Token[] | undefined, firstLine: number, block: number): Line[] {
  const groups: Token[][] = [[]];
  const add = (t: Inline): void => {
    if (t.type === 'br') {
      groups.push([]);
    } else if (t.type === 'text' && (t.text ?? '').includes('\n')) {
      const parts = (t.text ?? '').split('\n');
      parts.forEach((part, i) => {
        if (i > 0) groups.push([]);
        if (part) groups[groups.length - 1].push({ type: 'text', raw: part, text: part } as Tokens.Text);
      });
    } else {
      groups[groups.length - 1].push(t);
    }
  };
  for (const t of (tokens ?? []) as Inline[]) {
    // A list item wraps its inline tokens in a text token.
    if (t.type === 'text' && t.tokens) t.tokens.forEach(add);
    else add(t);
  }
  const lines: Line[] = [];
  groups.forEach((group, i) => {
    const text = oneSpaced(plainText(group));
    const links = collectLinks(group);
    if (!text && links.length === 0) return;
    const firstReal = group.find((t) => !(t.type === 'text' && onlyMarker((t as Inline).text ?? '')));
    const leadBold = firstReal?.type === 'strong' ? plainText((firstReal as Tokens.Strong).tokens).trim() : undefined;
    const { kind, body, figures } = classify(text, links, leadBold);
    lines.push({ text, links, leadBold, line: firstLine + i, block, kind, body, figures });
  });
  return lines;
}

/** Runs of white space made one space, and the ends trimmed; most lines need neither. */
function oneSpaced(text: string): string {
  return NEEDS_SPACING.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
const NEEDS_SPACING = /^\s|\s$|\s\s|[^\S ]/;

/** Whether the text is blank, or a line marker and blanks. */
function onlyMarker(text: string): boolean {
  const marker = MARKER.exec(text);
  return (marker ? marker[0].length : 0) === text.length || BLANK.test(text);
}
const BLANK = /^\s*$/;

function classify(text: string, links: readonly InlineLink[], leadBold: string | undefined): Pick<Line, 'kind' | 'body' | 'figures'> {
  const marker = MARKER.exec(text);
  const body = text.slice(marker ? marker[0].length : 0).trim();
  const mark = marker?.[1].replace(/\uFE0F/g, '');
  const none: readonly Figure[] = [];
  if (leadBold && /^\S.*?\s[-–—]\s/.test(body) && body.startsWith(leadBold)) return { kind: 'intro', body, figures: none };
  if (mark && FIGURE_MARKS.has(mark)) return { kind: 'figure', body, figures: extractFigures(body) };
  if (links.length > 0) return { kind: 'links', body, figures: none };
  if (!mark) return { kind: 'text', body, figures: none };
  if (FEATURE_MARKS.has(mark)) return { kind: 'feature', body, figures: none };
  const figures = extractFigures(body);
  return figures.length > 0 ? { kind: 'figure', body, figures } : { kind: 'bullet', body, figures: none };
}

/** The text of a line with its links, marker and arrows taken out: "3FS" of "📥 3FS → https://…". */
export function outsideLinkText(line: Line): string {
  let text = line.text;
  for (const l of line.links) text = text.replace(l.label, ' ').replace(l.href, ' ');
  return withoutTrailingArrows(text.replace(MARKER, ''))
    .replace(/→/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "3FS →" → "3FS"; by hand, as "[→:]+\s*$" retries at every character of a long run. */
function withoutTrailingArrows(text: string): string {
  let end = text.trimEnd().length;
  const arrowsEnd = end;
  while (end > 0 && (text[end - 1] === '→' || text[end - 1] === ':')) end--;
  return end < arrowsEnd ? text.slice(0, end) : text;
}
