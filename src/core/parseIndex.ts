// Turns markdown in the structure of the Open Infra Index README into the
// model. It works on marked's token tree, not on line positions, so it reads
// the live upstream README as well as the bundled copy:
//   ## period        ### section (one or more entries)       lines inside
// A line is one hard- or soft-broken line of a paragraph, or a list item.
// Malformed input never throws: it yields what could be read plus problems.

import { Lexer, type Token, type Tokens } from 'marked';
import { repairMojibake } from './encoding';
import { extractFigures } from './figures';
import { githubRepo, idFromRepo, slugify } from './ids';
import type { Entry, Figure, InfraIndex, Link, LinkKind, ParseResult, Period, Problem } from './model';

export const UPSTREAM_BASE = 'https://github.com/deepseek-ai/open-infra-index/blob/main/';

/** Markdown larger than this is cut, so that hostile input cannot stall the lexer. */
export const MAX_INDEX_BYTES = 1_000_000;

export interface ParseOptions {
  /** Relative links resolve against this; defaults to the upstream README's folder. */
  readonly baseUrl?: string;
}

interface InlineLink {
  readonly label: string;
  readonly href: string;
  readonly image: boolean;
}

/** One line of text inside a section, with its links and line number. */
interface Line {
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

interface Section {
  readonly heading: string;
  readonly headingLinks: readonly InlineLink[];
  readonly line: number;
  readonly lines: Line[];
}

interface PeriodDraft {
  readonly heading: string;
  readonly line: number;
  readonly sections: Section[];
}

// A leading emoji (with variation selectors and joiners) marks what a line is.
const MARKER = /^\s*((?:\p{Extended_Pictographic}|\p{Emoji_Presentation})(?:[\uFE0F\u200D]|\p{Extended_Pictographic})*)\s*/u;
const FEATURE_MARKS = new Set(['✅']);
const FIGURE_MARKS = new Set(['⚡']);
const DAY = /^Day\s+(\d+)\s*[-–—:]\s*/i;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function parseIndex(markdown: string, options: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const base = options.baseUrl ?? UPSTREAM_BASE;
  let source = typeof markdown === 'string' ? markdown : '';
  if (source.length > MAX_INDEX_BYTES) {
    problems.push({ line: 1, message: `The index is larger than ${MAX_INDEX_BYTES} characters; only the start was read.` });
    source = source.slice(0, MAX_INDEX_BYTES);
  }
  source = repairLines(source.replace(/\r\n?/g, '\n').replaceAll('\0', ''), problems);

  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(source);
  } catch (err) {
    problems.push({ line: 1, message: `The index could not be read as markdown: ${String(err)}` });
    tokens = [];
  }

  let title = 'Open Infra Index';
  const periods: PeriodDraft[] = [];
  let section: Section | undefined;
  let lineNo = 1;
  for (const [block, token] of tokens.entries()) {
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

  if (periods.length === 0) {
    problems.push({ line: 1, message: 'No period headings (## …) were found: this does not look like the Open Infra Index.' });
  }
  const ids = new Set<string>();
  const built: Period[] = periods.map((p) => buildPeriod(p, base, ids, problems));
  const index: InfraIndex = { title, periods: built };
  problems.sort((a, b) => a.line - b.line);
  return { index, problems };
}

function repairLines(source: string, problems: Problem[]): string {
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const repair = repairMojibake(line);
    if (!repair) return;
    lines[i] = repair.text;
    problems.push({
      line: i + 1,
      message: repair.lossy
        ? `Text was decoded in the wrong encoding (${repair.codePage}); repaired, but some characters were lost.`
        : `Text was decoded in the wrong encoding (${repair.codePage}); repaired.`,
    });
  });
  return lines.join('\n');
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

type Inline = Token & { tokens?: Token[]; text?: string };

function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((t: Inline) => {
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
    })
    .join('');
}

function collectLinks(tokens: readonly Token[] | undefined): InlineLink[] {
  const out: InlineLink[] = [];
  for (const t of (tokens ?? []) as Inline[]) {
    if (t.type === 'link') out.push({ label: plainText(t.tokens).trim(), href: (t as Tokens.Link).href, image: false });
    else if (t.type === 'image') out.push({ label: (t as Tokens.Image).text, href: (t as Tokens.Image).href, image: true });
    else if (t.tokens) out.push(...collectLinks(t.tokens));
  }
  return out;
}

/** Splits a paragraph's inline tokens at hard and soft line breaks. */
function splitLines(tokens: readonly Token[] | undefined, firstLine: number, block: number): Line[] {
  const groups: Token[][] = [[]];
  const flat = (tokens ?? []).flatMap((t: Inline) =>
    // A list item wraps its inline tokens in a text token.
    t.type === 'text' && t.tokens ? t.tokens : [t],
  );
  for (const t of flat as Inline[]) {
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
  }
  const lines: Line[] = [];
  groups.forEach((group, i) => {
    const text = plainText(group).replace(/\s+/g, ' ').trim();
    if (!text && collectLinks(group).length === 0) return;
    const firstReal = group.find((t) => !(t.type === 'text' && !(t as Inline).text?.replace(MARKER, '').trim()));
    const leadBold = firstReal?.type === 'strong' ? plainText((firstReal as Tokens.Strong).tokens).trim() : undefined;
    const links = collectLinks(group);
    lines.push({ text, links, leadBold, line: firstLine + i, block, ...classify(text, links, leadBold) });
  });
  return lines;
}

function periodParts(heading: string): { title: string; when?: string } {
  const m = /^(\d{4})(\d{2})?\s+(.*)$/.exec(heading);
  if (!m) return { title: heading };
  const month = m[2] ? Number(m[2]) : 0;
  const when = month >= 1 && month <= 12 ? `${MONTHS[month - 1]} ${m[1]}` : m[1];
  return { title: m[3].trim(), when };
}

function buildPeriod(draft: PeriodDraft, base: string, ids: Set<string>, problems: Problem[]): Period {
  const { title, when } = periodParts(draft.heading);
  const periodId = slugify(draft.heading) || `period-${draft.line}`;
  const entries: Entry[] = [];
  for (const section of draft.sections) {
    for (const e of sectionEntries(section, periodId, base, problems)) {
      let id = e.id || `entry-${e.line}`;
      if (ids.has(id)) {
        problems.push({ line: e.line, message: `Entry id "${id}" is used twice; the second is renamed.` });
        let n = 2;
        while (ids.has(`${id}-${n}`)) n++;
        id = `${id}-${n}`;
      }
      ids.add(id);
      entries.push({ ...e, id });
    }
  }
  if (entries.length === 0) {
    problems.push({ line: draft.line, message: `Period "${draft.heading}" has no entries.` });
  }
  return { id: periodId, heading: draft.heading, title, when, entries, line: draft.line };
}

interface EntryDraft {
  name: string;
  repo?: string;
  description: string[];
  features: string[];
  figures: Figure[];
  links: Link[];
  line: number;
}

/**
 * feature: a ✅ line; bullet: another emoji line that states no figure;
 * figure: a ⚡ line, or a bullet that states one ("🚀 Cost profit margin 545%").
 */
type LineKind = 'feature' | 'bullet' | 'figure' | 'links' | 'text' | 'intro';

function sectionEntries(section: Section, periodId: string, base: string, problems: Problem[]): Entry[] {
  const dayMatch = DAY.exec(section.heading);
  const day = dayMatch ? Number(dayMatch[1]) : undefined;
  const title = section.heading.replace(DAY, '').trim();

  // Each link is resolved (and, when broken, reported) once.
  const resolved = new Map<InlineLink, Link | undefined>();
  const resolve = (link: InlineLink, line: number): Link | undefined => {
    if (!resolved.has(link)) resolved.set(link, resolveLink(link, base, line, problems));
    return resolved.get(link);
  };
  const headingRepo = section.headingLinks
    .map((l) => resolve(l, section.line))
    .find((l): l is Link => l?.kind === 'repo');

  const drafts: EntryDraft[] = [];
  let current: EntryDraft | undefined;
  // The paragraph that started the current entry: lines of a later one wait for the next entry.
  let currentBlock = -1;
  let pending: Line[] = [];

  if (headingRepo) {
    current = newDraft(section.headingLinks[0]?.label || title, section.line, headingRepo.url);
    drafts.push(current);
  }

  const addLine = (draft: EntryDraft, line: Line): void => {
    const { kind, body } = line;
    switch (kind) {
      case 'figure':
        if (line.figures.length === 0) {
          problems.push({ line: line.line, message: `Figure line has no number with a known unit: "${body}".` });
        }
        draft.figures.push(...line.figures);
        break;
      case 'feature':
      case 'bullet':
        draft.features.push(body);
        break;
      case 'links':
        for (const l of line.links) {
          const link = resolve(l, line.line);
          if (link) draft.links.push(labelled(link, body));
        }
        break;
      case 'intro':
      case 'text':
        draft.description.push(body);
        break;
    }
  };

  const startEntry = (line: Line, repoUrl: string): void => {
    const outside = outsideLinkText(line);
    const named = /^(.+?)\s+[-–—]\s+(.+)$/.exec(outside);
    let name = named ? named[1] : outside;
    const draft = newDraft('', pending[0]?.line ?? line.line, repoUrl);
    if (named) draft.description.push(named[2]);
    // Lines waiting for an entry: an intro ("**EPLB** - …") names it, the rest describe it.
    for (const p of pending) {
      if (p.kind === 'intro' && !name) {
        name = p.leadBold ?? '';
        draft.description.push(p.body.replace(/^.*?\s[-–—]\s+/, ''));
      } else if (p.kind === 'bullet' && draft.description.length === 0) {
        // "📊 Analyze …" before a repository link describes the entry it starts.
        draft.description.push(p.body);
      } else {
        addLine(draft, p);
      }
    }
    pending = [];
    draft.name = name || githubRepo(repoUrl)?.name || title;
    drafts.push(draft);
    current = draft;
    currentBlock = line.block;
  };

  for (const line of section.lines) {
    if (!headingRepo) {
      const repoLink = line.links
        .filter((l) => !l.image)
        .map((l) => resolve(l, line.line))
        .find((l) => l?.kind === 'repo');
      if (repoLink) {
        startEntry(line, repoLink.url);
        continue;
      }
      const { kind } = line;
      if (!current || kind === 'intro' || kind === 'text' || pending.length > 0 || line.block !== currentBlock) {
        pending.push(line);
        continue;
      }
    }
    if (current) addLine(current, line);
  }

  if (pending.length > 0) {
    if (current) {
      for (const p of pending) addLine(current, p);
    } else {
      // No repository anywhere (a paper, an overview): the section is one entry.
      const draft = newDraft(nameFromTitle(title, day !== undefined), section.line);
      for (const p of pending) addLine(draft, p);
      drafts.push(draft);
    }
  }
  if (drafts.length === 0) {
    const draft = newDraft(nameFromTitle(title, day !== undefined), section.line);
    drafts.push(draft);
  }

  return drafts.map((d) => ({
    id: (d.repo && idFromRepo(d.repo)) || slugify(d.name),
    name: d.name,
    periodId,
    day,
    section: title,
    description: d.description.join(' ').trim(),
    repo: d.repo,
    features: d.features,
    figures: d.figures,
    links: dedupeLinks(d.links),
    line: d.line,
  }));
}

function newDraft(name: string, line: number, repo?: string): EntryDraft {
  return {
    name,
    repo,
    description: [],
    features: [],
    figures: [],
    links: repo ? [{ label: 'Repository', url: repo, kind: 'repo' }] : [],
    line,
  };
}

/**
 * "One More Thing: DeepSeek-V3/R1 Inference System Overview" names its subject
 * after the colon; a paper title "Fire-Flyer AI-HPC: A Cost-Effective …" before it.
 */
function nameFromTitle(title: string, isDay: boolean): string {
  const parts = title.split(/:\s+/);
  if (parts.length < 2) return title;
  return isDay ? parts[parts.length - 1] : parts[0];
}

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
function outsideLinkText(line: Line): string {
  let text = line.text;
  for (const l of line.links) text = text.replace(l.label, ' ').replace(l.href, ' ');
  return text
    .replace(MARKER, '')
    .replace(/[→:]+\s*$/, '')
    .replace(/\s*→\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function labelled(link: Link, body: string): Link {
  if (link.label) return link;
  return { ...link, label: body || link.url };
}

function dedupeLinks(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    if (seen.has(l.url)) return false;
    seen.add(l.url);
    return true;
  });
}

const PAPER_HOSTS = /(^|\.)(arxiv\.org|doi\.org|dl\.acm\.org|ieeexplore\.ieee\.org|openreview\.net)$/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

function resolveLink(link: InlineLink, base: string, line: number, problems: Problem[]): Link | undefined {
  const href = link.href.trim();
  let url: URL;
  try {
    if (!href) throw new Error('empty');
    url = new URL(href, base);
  } catch {
    problems.push({ line, message: `Link "${link.label || href}" has no usable address${href ? `: "${href}"` : ''}.` });
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push({ line, message: `Link "${link.label || href}" is not an http(s) link and was dropped: "${href}".` });
    return undefined;
  }
  const full = url.toString();
  let kind: LinkKind = 'doc';
  if (link.image) kind = 'image';
  else if (githubRepo(full)) kind = 'repo';
  else if (PAPER_HOSTS.test(url.hostname)) kind = 'paper';
  else if (CJK.test(link.label)) kind = 'translation';
  return { label: link.label.replace(/^[\s\p{Extended_Pictographic}\uFE0F]+/u, '').trim(), url: githubRepo(full) ? full.replace(/\/$/, '') : full, kind };
}
