// Finds where a source file imports one of the index's libraries: Python's
// "import x", "import x.y as z" and "from x import a, b as c" (parenthesised
// over several lines too), and C/C++/CUDA's #include <x.h>. Line by line,
// with anchored patterns and a bound on line length, so it runs in linear
// time on any text. It reports the module's place in its line, for links
// and hovers, and the names each import binds, for hovers on their uses.

import type { CodeNames } from './codeNames';
import type { CodeLanguage } from './model';

/** Lines longer than this are not read: no import statement comes near it. */
export const MAX_IMPORT_LINE = 1_000;
/** A parenthesised "from x import (…)" is read for at most this many lines. */
const MAX_CONTINUATION = 200;

/** A name an import binds in the file: "flash_mla", or "fm" for "import flash_mla as fm". */
export interface BoundName {
  readonly local: string;
  /** The name as the module has it: get_mla_metadata for "from flash_mla import get_mla_metadata as meta". */
  readonly imported: string;
}

/** One import of a mapped module or header. Lines and columns are 0-based; end is exclusive. */
export interface CodeUse {
  readonly entryId: string;
  /** The mapped name it matched: "flash_mla", "hf3fs_fuse.io", "hf3fs_usrbio.h". */
  readonly name: string;
  /** The module or header as written: "flash_mla.ops". */
  readonly written: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The whole line, trimmed, for lists. */
  readonly text: string;
  readonly bound: readonly BoundName[];
}

const PY_IMPORT = /^\s*import\s+/y;
const PY_FROM = /^\s*from\s+([A-Za-z_][\w.]*)\s+import\s+/y;
const PY_AS = /^([A-Za-z_][\w.]*)(?:\s+as\s+([A-Za-z_]\w*))?$/;
const INCLUDE = /^\s*#\s*include\s*([<"])([^<>"]{1,300})[>"]/;

/** The imports of mapped names in a file's text, in order. */
export function scanImports(text: string, language: CodeLanguage, names: CodeNames): CodeUse[] {
  const uses: CodeUse[] = [];
  // Only lines holding the statement's keyword are read: the next one is found once, not per line.
  const marker = language === 'cpp' ? '#' : 'import';
  const cursor = new LineCursor(text);
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, cursor.position)) {
    cursor.seek(at);
    const line = cursor.text();
    if (line.length <= MAX_IMPORT_LINE) {
      if (language === 'cpp') includeUse(line, cursor.line, names, uses);
      else pythonUse(cursor, names, uses);
    }
    if (!cursor.advance()) break;
  }
  return uses;
}

/**
 * Walks a text's lines without splitting it: each line is found once, and
 * only the lines asked for are copied. Lines end at "\n"; a "\r" before it
 * is dropped.
 */
class LineCursor {
  /** 0-based number of the current line. */
  line = 0;
  private start = 0;

  constructor(private readonly source: string) {}

  /** Moves forward to the line holding an offset. */
  seek(offset: number): void {
    for (let nl = this.source.indexOf('\n', this.start); nl !== -1 && nl < offset; nl = this.source.indexOf('\n', this.start)) {
      this.line++;
      this.start = nl + 1;
    }
  }

  private end(): number {
    const nl = this.source.indexOf('\n', this.start);
    return nl === -1 ? this.source.length : nl;
  }

  /** The current line's text; longer lines than MAX_IMPORT_LINE come back cut, to be skipped. */
  text(): string {
    const end = Math.min(this.end(), this.start + MAX_IMPORT_LINE + 2);
    const line = this.source.slice(this.start, end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** Where the current line starts. */
  get position(): number {
    return this.start;
  }

  /** Moves to the next line; false at the last. */
  advance(): boolean {
    const nl = this.source.indexOf('\n', this.start);
    if (nl === -1) return false;
    this.line++;
    this.start = nl + 1;
    return true;
  }
}

function includeUse(line: string, i: number, names: CodeNames, uses: CodeUse[]): void {
  const m = INCLUDE.exec(line);
  if (!m) return;
  const path = m[2].trim();
  const found = names.header(path);
  if (!found) return;
  const start = m.index + m[0].length - 1 - m[2].length + m[2].indexOf(path);
  uses.push({ entryId: found.entryId, name: found.name, written: path, line: i, start, end: start + path.length, text: line.trim(), bound: [] });
}

/** Reads a Python import on the cursor's line; a parenthesised list moves the cursor to its last line. */
function pythonUse(cursor: LineCursor, names: CodeNames, uses: CodeUse[]): void {
  const line = cursor.text();
  const i = cursor.line;
  PY_FROM.lastIndex = 0;
  const from = PY_FROM.exec(line);
  if (from) {
    const module = from[1];
    const found = names.pythonModule(module);
    let rest = withoutComment(line.slice(PY_FROM.lastIndex));
    // "from x import (a,\n b)": the list runs to the closing parenthesis.
    if (rest.trimStart().startsWith('(')) {
      const parts = [rest];
      for (let n = 0; !parts[parts.length - 1].includes(')') && n < MAX_CONTINUATION && cursor.advance(); n++) {
        const next = cursor.text();
        if (next.length > MAX_IMPORT_LINE) break;
        parts.push(withoutComment(next));
      }
      rest = parts.join(' ').replace(/[()]/g, ' ');
    }
    if (!found) return;
    const start = line.indexOf(module, line.indexOf('from') + 4);
    uses.push({ entryId: found.entryId, name: found.name, written: module, line: i, start, end: start + module.length, text: line.trim(), bound: boundNames(rest) });
    return;
  }
  PY_IMPORT.lastIndex = 0;
  if (!PY_IMPORT.test(line)) return;
  // "import a.b as c, d": each module on its own, at its place in the line.
  let offset = PY_IMPORT.lastIndex;
  const list = withoutComment(line.slice(offset));
  for (const part of list.split(',')) {
    const lead = part.length - part.trimStart().length;
    const m = PY_AS.exec(part.trim());
    if (m) {
      const found = names.pythonModule(m[1]);
      if (found) {
        const start = offset + lead;
        // "import a.b" binds a; "import a.b as c" binds c.
        const bound = [{ local: m[2] ?? m[1].split('.')[0], imported: m[2] ? m[1] : m[1].split('.')[0] }];
        uses.push({ entryId: found.entryId, name: found.name, written: m[1], line: i, start, end: start + m[1].length, text: line.trim(), bound });
      }
    }
    offset += part.length + 1;
  }
}

function withoutComment(text: string): string {
  const hash = text.indexOf('#');
  return hash === -1 ? text : text.slice(0, hash);
}

/** "a, b as c, *": the names bound, each as (local, imported). */
function boundNames(list: string): BoundName[] {
  const out: BoundName[] = [];
  for (const part of list.split(',')) {
    const m = PY_AS.exec(part.trim());
    if (m && !m[1].includes('.')) out.push({ local: m[2] ?? m[1], imported: m[1] });
  }
  return out;
}

/** The import a name in the file stands for: "fm" → the use of "import flash_mla as fm". */
export function useOfName(uses: readonly CodeUse[], word: string): CodeUse | undefined {
  for (let i = uses.length - 1; i >= 0; i--) if (uses[i].bound.some((b) => b.local === word)) return uses[i];
  return undefined;
}

/** The import whose module is written at a position. */
export function useAt(uses: readonly CodeUse[], line: number, character: number): CodeUse | undefined {
  return uses.find((u) => u.line === line && character >= u.start && character <= u.end);
}
