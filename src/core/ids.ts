// Stable entry ids: a repository's name in lower case, or a slug of a name.

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
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
