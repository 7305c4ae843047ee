// Bounds on markdown before marked reads it. Marked's inline lexer rescans
// the rest of a paragraph for each unmatched delimiter (emphasis, code spans,
// links, HTML), and it recurses once per level of block quote or list, so a
// long paragraph full of markup is quadratic and deep nesting overflows the
// stack. No line of the index or of a summary comes near these bounds; text
// past them is cut or escaped so that it reads as plain text, and reported.

/** Longer lines are cut: the index's longest is under 200 characters, a summary's under 400. */
export const MAX_LINE = 2_000;
/** Markup characters a paragraph may hold before the rest are escaped; the index's hold a few dozen. */
export const MAX_MARKUP = 200;
/** Block quotes and lists opened on one line beyond this are text. */
export const MAX_NESTING = 8;

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
const MARKUP = /[*_~`[\]<>!\\|&]/g;
// Inside a fenced code block nothing is inline markup.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A block-quote or list marker at the start of what is left of a line.
const CONTAINER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/** The markdown with its lines, markup and nesting bounded; the line count is kept. */
export function boundMarkdown(markdown: string): Bounded {
  const problems: BoundProblem[] = [];
  const lines = markdown.split('\n');
  let markup = 0;
  let escaping = false;
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line.length > MAX_LINE) {
      line = line.slice(0, MAX_LINE);
      problems.push({ line: i + 1, message: `Line is longer than ${MAX_LINE} characters; the rest was cut.` });
    }
    if (line.trim() === '') {
      markup = 0;
      escaping = false;
      lines[i] = line;
      continue;
    }
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined || fenceMark) {
      if (fence === undefined) fence = fenceMark;
      else if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      lines[i] = line;
      continue;
    }
    line = boundNesting(line, i + 1, problems);
    const count = line.match(MARKUP)?.length ?? 0;
    if (markup + count > MAX_MARKUP) {
      const keep = Math.max(0, MAX_MARKUP - markup);
      line = escapeMarkupAfter(line, keep);
      if (!escaping) {
        problems.push({ line: i + 1, message: `Paragraph holds more than ${MAX_MARKUP} markup characters; the rest read as text.` });
        escaping = true;
      }
    }
    markup += count;
    lines[i] = line;
  }
  return { text: lines.join('\n'), problems };
}

function boundNesting(line: string, lineNo: number, problems: BoundProblem[]): string {
  let at = 0;
  for (let depth = 0; depth < MAX_NESTING; depth++) {
    const m = CONTAINER.exec(line.slice(at, at + 16));
    if (!m) return line;
    at += m[0].length;
  }
  const rest = line.slice(at);
  if (!CONTAINER.test(rest.slice(0, 16))) return line;
  problems.push({ line: lineNo, message: `More than ${MAX_NESTING} block quotes or lists open on one line; the rest reads as text.` });
  // A backslash before the first non-blank character keeps it from opening anything.
  const lead = /^[ \t]*/.exec(rest)?.[0] ?? '';
  return `${line.slice(0, at)}${lead}\\${rest.slice(lead.length)}`;
}

/** Escapes the markup characters of a line after the first `keep`. */
function escapeMarkupAfter(line: string, keep: number): string {
  let seen = 0;
  return line.replace(MARKUP, (c) => (seen++ < keep ? c : `\\${c}`));
}
