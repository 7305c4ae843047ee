// The second step of reading the index: a section's classified lines become
// its entries. A section is one entry when its heading links a repository;
// otherwise each line that links a repository starts an entry, and the lines
// around it are sorted into that entry's name, description, features,
// figures and links.

import * as l10n from '@vscode/l10n';
import { githubRepo, idFromRepo, slugify } from './ids';
import { codeNameLanguage } from './codeNames';
import type { InlineLink, Line, Section } from './indexLines';
import { IMPORTS_LINE, outsideLinkText } from './indexLines';
import { dedupeLinks, labelled, type LinkResolver } from './indexLinks';
import type { CodeImport, Entry, Figure, Link, Problem } from './model';

const DAY = /^Day\s+(\d+)\s*[-–—:]\s*/i;

interface EntryDraft {
  name: string;
  /** The id to use when there is no repository: a slug of this, or else of the name. */
  idFrom?: string;
  repo?: string;
  description: string[];
  features: string[];
  figures: Figure[];
  links: Link[];
  imports: CodeImport[];
  line: number;
}

/** Reads one section's lines, in order, into entries. */
export class EntryBuilder {
  private readonly day: number | undefined;
  /** The heading without its "Day N -". */
  private readonly title: string;
  /** A repository linked from the heading: the whole section is then one entry. */
  private headingRepo: Link | undefined;
  /** The heading's other links ("## 202504 [A post](…)"): they belong to the section's first entry. */
  private readonly headingLinks: Link[] = [];
  private readonly drafts: EntryDraft[] = [];
  /** The entry that lines are added to. */
  private current: EntryDraft | undefined;
  /** The paragraph that started the current entry: lines of a later one wait for the next entry. */
  private currentBlock = -1;
  /** Lines that belong to an entry not started yet. */
  private pending: Line[] = [];

  constructor(
    private readonly section: Section,
    private readonly periodId: string,
    private readonly links: LinkResolver,
    private readonly problems: Problem[],
    /** Makes an entry's id unique in the index. */
    private readonly uniqueId: (candidate: string, line: number) => string,
  ) {
    const dayMatch = DAY.exec(section.heading);
    this.day = dayMatch ? Number(dayMatch[1]) : undefined;
    this.title = (dayMatch ? section.heading.slice(dayMatch[0].length) : section.heading).trim();
    // Every heading link is resolved, images too, so that each broken one is reported.
    for (const l of section.headingLinks) {
      const link = links.resolve(l, section.line);
      if (!link) continue;
      if (!this.headingRepo && link.kind === 'repo') this.headingRepo = link;
      else this.headingLinks.push(link);
    }
    if (this.headingRepo) {
      this.current = newDraft(section.headingLinks[0]?.label || this.title, section.line, this.headingRepo.url);
      this.current.links.push(...this.headingLinks);
      this.drafts.push(this.current);
    }
  }

  read(line: Line): void {
    if (!this.headingRepo) {
      const repoLink = firstRepo(line.links, this.links, line.line);
      if (repoLink) {
        this.startEntry(line, repoLink.url);
        return;
      }
      const { kind } = line;
      if (!this.current || kind === 'intro' || kind === 'text' || this.pending.length > 0 || line.block !== this.currentBlock) {
        this.pending.push(line);
        return;
      }
    }
    if (this.current) this.addLine(this.current, line);
  }

  /** The entries, once every line has been read. */
  finish(): Entry[] {
    if (this.pending.length > 0) {
      if (this.current) {
        for (const p of this.pending) this.addLine(this.current, p);
      } else {
        // No repository anywhere (a paper, an overview): the section is one entry.
        const draft = this.titleDraft();
        for (const p of this.pending) this.addLine(draft, p);
        this.drafts.push(draft);
      }
      this.pending = [];
    }
    if (this.drafts.length === 0) this.drafts.push(this.titleDraft());
    return this.drafts.map((d) => ({
      id: this.uniqueId((d.repo && idFromRepo(d.repo)) || slugify(d.idFrom ?? d.name) || `entry-${d.line}`, d.line),
      name: d.name,
      periodId: this.periodId,
      day: this.day,
      section: this.title,
      description: d.description.join(' ').trim(),
      repo: d.repo,
      features: d.features,
      figures: d.figures,
      links: dedupeLinks(d.links),
      ...(d.imports.length > 0 ? { imports: d.imports } : {}),
      line: d.line,
    }));
  }

  /**
   * The entry a section without repositories is: named by its heading, with
   * the heading's links. "One More Thing: DeepSeek-V3/R1 Inference System
   * Overview" names its subject after the colon. A paper keeps its whole title,
   * "Fire-Flyer AI-HPC: A Cost-Effective …", and its id comes from the part
   * before the colon, so that it stays short.
   */
  private titleDraft(): EntryDraft {
    const parts = this.title.split(/:\s+/);
    const subject = parts.length > 1 && this.day !== undefined ? parts[parts.length - 1] : this.title;
    const draft = newDraft(subject, this.section.line);
    if (parts.length > 1 && this.day === undefined) draft.idFrom = parts[0];
    draft.links.push(...this.headingLinks);
    return draft;
  }

  private startEntry(line: Line, repoUrl: string): void {
    const outside = outsideLinkText(line);
    const named = /^(.+?)\s+[-–—]\s+(.+)$/.exec(outside);
    let name = named ? named[1] : outside;
    const draft = newDraft('', this.pending[0]?.line ?? line.line, repoUrl);
    if (named) draft.description.push(named[2]);
    // Lines waiting for an entry: an intro ("**EPLB** - …") names it, the rest describe it.
    for (const p of this.pending) {
      if (p.kind === 'intro' && !name) {
        name = p.leadBold ?? '';
        draft.description.push(p.body.replace(/^.*?\s[-–—]\s+/, ''));
      } else if (p.kind === 'bullet' && draft.description.length === 0) {
        // "📊 Analyze …" before a repository link describes the entry it starts.
        draft.description.push(p.body);
      } else {
        this.addLine(draft, p);
      }
    }
    this.pending = [];
    draft.name = name || githubRepo(repoUrl)?.name || this.title;
    this.drafts.push(draft);
    this.current = draft;
    this.currentBlock = line.block;
  }

  /** "Imports: `my_lib`, `my_lib/api.h`": Python modules and headers, each known by its form. */
  private addImports(draft: EntryDraft, line: Line): void {
    const names = line.text.replace(IMPORTS_LINE, '').split(/[\s,;]+/).filter(Boolean);
    for (const name of names.slice(0, MAX_IMPORTS)) {
      const language = codeNameLanguage(name);
      if (language) draft.imports.push({ language, name });
      else this.problems.push({ line: line.line, message: l10n.t('"{0}" is neither a Python module nor a header path; it is not mapped.', name.slice(0, 80)) });
    }
  }

  private addLine(draft: EntryDraft, line: Line): void {
    const { kind, body } = line;
    switch (kind) {
      case 'figure':
        if (line.figures.length === 0) {
          this.problems.push({ line: line.line, message: l10n.t('Figure line has no number with a known unit: "{0}".', body) });
        }
        for (const f of line.figures) draft.figures.push(f);
        break;
      case 'feature':
      case 'bullet':
        draft.features.push(body);
        break;
      case 'links':
        for (const l of line.links) {
          const link = this.links.resolve(l, line.line);
          if (link) draft.links.push(labelled(link, body));
        }
        break;
      case 'intro':
      case 'text':
        draft.description.push(body);
        break;
      case 'imports':
        this.addImports(draft, line);
        break;
    }
  }
}

/** At most this many names on one "Imports:" line. */
const MAX_IMPORTS = 50;

/** A section's entries, with its links resolved by the index's resolver. */
export function sectionEntries(
  section: Section,
  periodId: string,
  links: LinkResolver,
  problems: Problem[],
  uniqueId: (candidate: string, line: number) => string,
): Entry[] {
  const builder = new EntryBuilder(section, periodId, links, problems, uniqueId);
  for (const line of section.lines) builder.read(line);
  return builder.finish();
}

/**
 * The first link to a repository among a line's links that are not images.
 * Every one of them is resolved, so that each broken link is reported.
 */
function firstRepo(inline: readonly InlineLink[], links: LinkResolver, line: number): Link | undefined {
  let repo: Link | undefined;
  for (const l of inline) {
    if (l.image) continue;
    const link = links.resolve(l, line);
    if (!repo && link?.kind === 'repo') repo = link;
  }
  return repo;
}

function newDraft(name: string, line: number, repo?: string): EntryDraft {
  return {
    name,
    repo,
    description: [],
    features: [],
    figures: [],
    links: repo ? [{ label: 'Repository', url: repo, kind: 'repo' }] : [],
    imports: [],
    line,
  };
}
