// Stable entry ids: a repository's name in lower case, or a slug of a name.

/** Runs of lower-case letters and digits joined by single dashes: what slugify makes. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(text: string): string {
  // A repository's name is often a slug already: testing for that allocates nothing, unlike the replaces.
  if (SLUG.test(text)) return text;
  // Accents are taken off by decomposing; ASCII has nothing to decompose, and most ids are ASCII.
  const folded = isAscii(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const GITHUB_REPO = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;

/** "https://github.com/deepseek-ai/FlashMLA" → { owner, name }; undefined for anything deeper. */
export function githubRepo(url: string): { owner: string; name: string } | undefined {
  const m = GITHUB_REPO.exec(url.trim());
  return m ? { owner: m[1], name: m[2] } : undefined;
}

export function idFromRepo(url: string): string | undefined {
  const repo = githubRepo(url);
  return repo ? slugify(repo.name) : undefined;
}

const CLONE_URL = /^https:\/\/github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/;

/**
 * The URL to clone, only for exactly https://github.com/<owner>/<repo>: not
 * http, not another host or port, no user name, nothing after the repository.
 */
export function githubCloneUrl(url: string | undefined): string | undefined {
  const m = url === undefined ? null : CLONE_URL.exec(url);
  if (!m || [m[1], m[2]].some((part) => /^\.+$/.test(part))) return undefined;
  return `https://github.com/${m[1]}/${m[2]}`;
}
