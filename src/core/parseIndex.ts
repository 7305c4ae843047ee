// Turns markdown in the structure of the Open Infra Index README into the
// model. It works on marked's token tree, not on line positions, so it reads
// the live upstream README as well as the bundled copy:
//   ## period        ### section (one or more entries)       lines inside
// indexLines.ts reads the tokens into lines, entryBuilder.ts the lines into
// entries, indexLinks.ts resolves their links; this file puts them together.
// Malformed input never throws: it yields what could be read plus problems.

import * as l10n from '@vscode/l10n';
import { Lexer, type Token } from 'marked';
import { repairMojibake } from './encoding';
import { sectionEntries } from './entryBuilder';
import { slugify } from './ids';
import { readOutline, type PeriodDraft } from './indexLines';
import type { Entry, InfraIndex, ParseResult, Period, Problem } from './model';
import { describeError } from './describe';
import { LinkResolver, UPSTREAM_BASE } from './indexLinks';
import { boundMarkdown } from './markdownBounds';
import { withoutUndefined } from './defined';

export { UPSTREAM_BASE };

/** Markdown larger than this is cut, so that hostile input cannot stall the lexer. */
export const MAX_INDEX_BYTES = 1_000_000;

export interface ParseOptions {
  /** Relative links resolve against this; defaults to the upstream README's folder. */
  readonly baseUrl?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function parseIndex(markdown: string, options: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const base = options.baseUrl ?? UPSTREAM_BASE;
  let source = typeof markdown === 'string' ? markdown : '';
  if (source.length > MAX_INDEX_BYTES) {
    problems.push({ line: 1, message: l10n.t('The index is larger than {0} characters; only the start was read.', MAX_INDEX_BYTES) });
    source = source.slice(0, MAX_INDEX_BYTES);
  }
  // Most text has no carriage return, and looking for one is much quicker than a replace that finds none.
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  const bounded = boundMarkdown(source.replaceAll('\0', ''));
  problems.push(...bounded.problems);
  source = bounded.mayBeMojibake ? repairLines(bounded.text, problems) : bounded.text;

  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(source);
  } catch (err) {
    problems.push({ line: 1, message: l10n.t('The index could not be read as markdown: {0}', describeError(err)) });
    tokens = [];
  }

  const links = new LinkResolver(base, problems);
  const ids = new Set<string>();
  /** The entry id, renamed when an earlier entry has it. */
  const uniqueId = (candidate: string, line: number): string => {
    let id = candidate;
    if (ids.has(id)) {
      problems.push({ line, message: l10n.t('Entry id "{0}" is used twice; the second is renamed.', id) });
      let n = 2;
      while (ids.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    ids.add(id);
    return id;
  };
  const byPeriod = new Map<PeriodDraft, { id: string; entries: Entry[] }>();
  const { title, periods } = readOutline(tokens, problems, (section, period) => {
    let found = byPeriod.get(period);
    if (!found) byPeriod.set(period, (found = { id: periodId(period), entries: [] }));
    for (const entry of sectionEntries(section, found.id, links, problems, uniqueId)) found.entries.push(entry);
  });
  if (periods.length === 0) {
    problems.push({ line: 1, message: l10n.t('No period headings (## …) were found: this does not look like the Open Infra Index.') });
  }
  const built: Period[] = periods.map((p) => buildPeriod(p, byPeriod.get(p) ?? { id: periodId(p), entries: [] }, problems));
  const index: InfraIndex = { title, periods: built };
  problems.sort((a, b) => a.line - b.line);
  return { index, problems };
}

/** Repairs the lines that were decoded in the wrong encoding. */
function repairLines(source: string, problems: Problem[]): string {
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const repair = repairMojibake(line);
    if (!repair) return;
    lines[i] = repair.text;
    problems.push({
      line: i + 1,
      kind: 'encoding',
      message: repair.lossy
        ? l10n.t('Text was decoded in the wrong encoding ({0}); repaired, but some characters were lost.', repair.codePage)
        : l10n.t('Text was decoded in the wrong encoding ({0}); repaired.', repair.codePage),
    });
  });
  return lines.join('\n');
}

function periodParts(heading: string): { title: string; when?: string; year?: number; month?: number } {
  const m = /^(\d{4})(\d{2})?\s+(.*)$/.exec(heading);
  if (!m) return { title: heading };
  const month = m[2] ? Number(m[2]) : 0;
  const known = month >= 1 && month <= 12;
  const when = known ? `${MONTHS[month - 1]} ${m[1]}` : m[1];
  return { title: m[3].trim(), when, year: Number(m[1]), ...(known ? { month } : {}) };
}

function periodId(draft: PeriodDraft): string {
  return slugify(draft.heading) || `period-${draft.line}`;
}

function buildPeriod(draft: PeriodDraft, { id, entries }: { id: string; entries: Entry[] }, problems: Problem[]): Period {
  const { title, when, year, month } = periodParts(draft.heading);
  if (entries.length === 0) {
    problems.push({ line: draft.line, message: l10n.t('Period "{0}" has no entries.', draft.heading) });
  }
  return withoutUndefined<Period>({ id, heading: draft.heading, title, when, year, month, entries, line: draft.line });
}
