// Turns the links written in the index into the model's links: absolute
// http(s) URLs of a known kind, without user names. Anything unusable is
// reported and dropped.

import * as l10n from '@vscode/l10n';
import { githubRepo } from './ids';
import type { InlineLink } from './indexLines';
import type { Link, LinkKind, Problem } from './model';

const PAPER_HOSTS = /(^|\.)(arxiv\.org|doi\.org|dl\.acm\.org|ieeexplore\.ieee\.org|openreview\.net)$/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** What an address resolves to: the absolute URL, or why it cannot be used. */
export type Resolved = { readonly url: string; readonly hostname: string; readonly repo: boolean } | { readonly error: 'unusable' | 'scheme' | 'userinfo' };

/**
 * Resolves each link (and, when broken, reports it) once, however often it is
 * asked for. One resolver serves a whole index: the same address, linked from
 * a heading and again from a line, is parsed once.
 */
export class LinkResolver {
  private readonly resolved = new Map<InlineLink, Link | undefined>();
  private readonly addresses = new Map<string, Resolved>();

  constructor(
    private readonly base: string,
    private readonly problems: Problem[],
  ) {}

  resolve(link: InlineLink, line: number): Link | undefined {
    if (!this.resolved.has(link)) this.resolved.set(link, this.build(link, line));
    return this.resolved.get(link);
  }

  private build(link: InlineLink, line: number): Link | undefined {
    const href = link.href.trim();
    let address = this.addresses.get(href);
    if (!address) {
      address = resolveAddress(href, this.base);
      this.addresses.set(href, address);
    }
    const name = link.label || href;
    if ('error' in address) {
      this.problems.push({
        line,
        message:
          address.error === 'unusable'
            ? href
              ? l10n.t('Link "{0}" has no usable address: "{1}".', name, href)
              : l10n.t('Link "{0}" has no usable address.', name)
            : address.error === 'scheme'
              ? l10n.t('Link "{0}" is not an http(s) link and was dropped: "{1}".', name, href)
              : // "https://github.com@evil.example/" reads as GitHub but goes to evil.example.
                l10n.t('Link "{0}" names a user in its address and was dropped: "{1}".', name, href),
      });
      return undefined;
    }
    let kind: LinkKind = 'doc';
    if (link.image) kind = 'image';
    else if (address.repo) kind = 'repo';
    else if (PAPER_HOSTS.test(address.hostname)) kind = 'paper';
    else if (CJK.test(link.label)) kind = 'translation';
    return { label: withoutLeadingEmoji(link.label).trim(), url: address.url, kind };
  }
}

const LEADING_EMOJI = /^[\s\p{Extended_Pictographic}\uFE0F]+/u;

/** "📄 Paper" → "Paper". Most labels start with a visible ASCII character, which is neither space nor emoji: nothing to replace. */
function withoutLeadingEmoji(label: string): string {
  const first = label.charCodeAt(0);
  return first > 0x20 && first < 0x80 ? label : label.replace(LEADING_EMOJI, '');
}

/**
 * A GitHub repository address exactly as the URL parser would write it: an
 * https link to github.com, an owner and a name of unreserved characters,
 * neither of them "." or "..". Most of an index's links are such addresses.
 */
const PLAIN_REPO = /^https:\/\/github\.com\/(?!\.\.?\/)[A-Za-z0-9_.-]+\/(?!\.\.?\/?$)[A-Za-z0-9_.-]+\/?$/;

/** The absolute address of href against base, as the URL parser resolves it. */
export function resolveAddress(href: string, base: string): Resolved {
  // Parsing every URL is a twentieth of reading a large index; these need no parsing.
  if (PLAIN_REPO.test(href)) return { url: href.endsWith('/') ? href.slice(0, -1) : href, hostname: 'github.com', repo: true };
  return parseAddress(href, base);
}

/** resolveAddress by the URL parser alone; exported for the test that holds the two to the same result. */
export function parseAddress(href: string, base: string): Resolved {
  let url: URL;
  try {
    if (!href) return { error: 'unusable' };
    url = new URL(href, base);
  } catch {
    return { error: 'unusable' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'scheme' };
  if (url.username || url.password) return { error: 'userinfo' };
  const full = url.toString();
  const repo = githubRepo(full) !== undefined;
  return { url: repo ? full.replace(/\/$/, '') : full, hostname: url.hostname, repo };
}

/** A link without a label of its own takes the text of its line. */
export function labelled(link: Link, body: string): Link {
  if (link.label) return link;
  return { ...link, label: body || link.url };
}

/** The links with each address once, the first of them kept. */
export function dedupeLinks(links: Link[]): Link[] {
  // An entry has a few links, and looking back over those kept costs less
  // than building a Set for every entry; a long list takes the Set, to stay linear.
  if (links.length > FEW_LINKS) {
    const seen = new Set<string>();
    return links.filter((l) => {
      if (seen.has(l.url)) return false;
      seen.add(l.url);
      return true;
    });
  }
  const kept: Link[] = [];
  for (const link of links) if (!hasUrl(kept, link.url)) kept.push(link);
  return kept;
}

const FEW_LINKS = 8;

function hasUrl(links: readonly Link[], url: string): boolean {
  for (const l of links) if (l.url === url) return true;
  return false;
}

/** A file on raw.githubusercontent.com, in its parts; undefined for any other address. */
function rawGitHubFile(parsed: URL): { owner: string; repo: string; ref: string; path: string } | undefined {
  const m = parsed.hostname === 'raw.githubusercontent.com' ? /^\/([^/]+)\/([^/]+)\/([^/]+)\/(.*)$/.exec(parsed.pathname) : null;
  return m ? { owner: m[1], repo: m[2], ref: m[3], path: m[4] } : undefined;
}

/** What the bundled index's relative links resolve against: upstream's README folder as GitHub shows it. */
export const UPSTREAM_BASE = 'https://github.com/deepseek-ai/open-infra-index/blob/main/';

/**
 * What relative links in an index fetched from `url` resolve against: for a
 * raw GitHub file, the folder of that file on github.com (where the links
 * point in the README as GitHub shows it); otherwise the URL's own folder.
 */
export function linkBaseFor(url: string): string {
  const parsed = new URL(url);
  const raw = rawGitHubFile(parsed);
  if (raw) {
    const folder = raw.path.slice(0, raw.path.lastIndexOf('/') + 1);
    return `https://github.com/${raw.owner}/${raw.repo}/blob/${raw.ref}/${folder}`;
  }
  return new URL('.', parsed).href;
}

/**
 * What the figures of an index fetched from `url` cite: for a raw GitHub file,
 * that file in its repository (at the branch it was fetched from); otherwise
 * the address itself.
 */
export function indexSourceFor(url: string): { repo: string; path: string; url: string } {
  const parsed = new URL(url);
  const raw = rawGitHubFile(parsed);
  if (raw?.path) {
    return { repo: `${raw.owner}/${raw.repo}`, path: raw.path, url: `https://github.com/${raw.owner}/${raw.repo}/blob/${raw.ref}/${raw.path}` };
  }
  return { repo: parsed.host, path: parsed.pathname.replace(/^\//, ''), url: parsed.href };
}
