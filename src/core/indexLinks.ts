// Turns the links written in the index into the model's links: absolute
// http(s) URLs of a known kind, without user names. Anything unusable is
// reported and dropped.

import { githubRepo } from './ids';
import type { InlineLink } from './indexLines';
import type { Link, LinkKind, Problem } from './model';

const PAPER_HOSTS = /(^|\.)(arxiv\.org|doi\.org|dl\.acm\.org|ieeexplore\.ieee\.org|openreview\.net)$/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Resolves each link (and, when broken, reports it) once, however often it is asked for. */
export class LinkResolver {
  private readonly resolved = new Map<InlineLink, Link | undefined>();

  constructor(
    private readonly base: string,
    private readonly problems: Problem[],
  ) {}

  resolve(link: InlineLink, line: number): Link | undefined {
    if (!this.resolved.has(link)) this.resolved.set(link, resolveLink(link, this.base, line, this.problems));
    return this.resolved.get(link);
  }
}

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
  if (url.username || url.password) {
    // "https://github.com@evil.example/" reads as GitHub but goes to evil.example.
    problems.push({ line, message: `Link "${link.label || href}" names a user in its address and was dropped: "${href}".` });
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

/** A link without a label of its own takes the text of its line. */
export function labelled(link: Link, body: string): Link {
  if (link.label) return link;
  return { ...link, label: body || link.url };
}

export function dedupeLinks(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    if (seen.has(l.url)) return false;
    seen.add(l.url);
    return true;
  });
}
