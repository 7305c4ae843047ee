#!/usr/bin/env node
// npm run data:check -- <folder of clones> [--entry <id>]
//
// The maintainer's check that keeps the bundled entry data honest. For every figure of media/entries.json
// that cites a file in a git repository, it reads that file's whole history in a clone and asks:
//   - is the value in the file at the cited commit?
//   - when was it first published there? (`source.date` must be that day)
//   - is it still there at HEAD? A `current` figure must be; one the source dropped must be `removed`, with
//     the commit that removed it (`removed.commit`); a `superseded` one may be either.
// It also lists, per repository, the figure-like numbers (a number and a unit such as TFLOPS or GB/s) that
// README.md states at HEAD and that no figure of the data has: candidates to add, not errors.
// It prints a report, and exits 1 when any figure is wrong (value, date or status), 2 on a usage error.
//
// The folder holds one clone per repository, bare or not, named <owner>+<name>/repo (as the workplace's
// fetch lays them out), <owner>+<name> or <name>. A repository without a clone is reported as not checked.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The places a clone of `repo` ("owner/name") may be in `folder`. */
export function cloneDir(folder, repo) {
  const [owner, name] = repo.split('/');
  return [join(folder, `${owner}+${name}`, 'repo'), join(folder, `${owner}+${name}`), join(folder, name)].find((dir) => existsSync(dir));
}

/** A repository read with git: commits of a file, oldest first, and the file at each. */
export function gitRepo(dir) {
  const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const show = (commit, path) => {
    try {
      return git('show', `${commit}:${path}`);
    } catch {
      return undefined;
    }
  };
  return {
    resolve: (rev) => {
      try {
        return git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`).trim();
      } catch {
        return undefined;
      }
    },
    /** The commits that touched `path` up to HEAD, oldest first, each with its committer date and the file's text (undefined where the commit deleted it). */
    history: (path) =>
      git('log', '--reverse', '--format=%H %cs', 'HEAD', '--', path)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [commit, date] = line.split(' ');
          return { commit, date, text: show(commit, path) };
        }),
    show,
  };
}

/** A pattern that finds `value` written as a number in text: 1550, 1,550 or 1550.0; not 11550, 1550.5 or 2.15504. */
export function numberPattern(value) {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.length > 3 ? `(?:${whole}|${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')})` : whole;
  const tail = fraction ? `\\.${fraction}0*` : '(?:\\.0+)?';
  return new RegExp(`(?<![\\d.,])${grouped}${tail}(?![\\d]|\\.\\d)`);
}

const FIGURE_LIKE = /(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s*(TFLOPS|TFlops|tflops|GB\/s|GiB\/s|TB\/s|TiB\/s|µs|us\b)/g;

/** The figure-like numbers of `text` (a number with a unit), with their lines. */
export function figureLikeNumbers(text) {
  const found = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(FIGURE_LIKE)) found.push({ value: Number(m[1].replace(/,/g, '')), unit: m[2], line: i + 1 });
  });
  return found;
}

/** What to look for in the source: the text the figure's `stated` gives, or its value as a number. */
export function figurePattern(figure) {
  return figure.stated ? new RegExp(plain(figure.stated).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : numberPattern(figure.value);
}

/** Markdown's emphasis marks taken out and runs of spaces made one, so that a stated "PP+1" is found in "*PP*+1", and "| 64 | 51 GB/s" in a padded table. */
const plain = (text) => text.replace(/[*_]/g, '').replace(/[ \t]+/g, ' ');

/**
 * Checks one figure against the history of its file (oldest first, as gitRepo().history returns it), the file's
 * text at the cited commit, and, where the value was first published in another file (source.firstPath), that
 * file's history. Returns { published: {commit, date}, atCited, atHead, removedBy: {commit, date}?, problems }.
 */
export function checkFigure(figure, history, citedText, firstHistory = []) {
  const problems = [];
  if (figure.derived && !figure.stated) {
    // Worked out, not written: the source file must be there; its history says nothing of the value.
    if (citedText === undefined) problems.push(`${figure.source.path} is not in the cited commit ${short(figure.source.commit)}`);
    return { derived: figure.derived, atCited: undefined, atHead: undefined, problems };
  }
  const pattern = figurePattern(figure);
  const has = (text) => text !== undefined && pattern.test(figure.stated ? plain(text) : text);
  const atCited = has(citedText);
  const all = [...firstHistory, ...history].filter((h) => has(h.text)).sort((a, b) => a.date.localeCompare(b.date));
  const published = all[0] && { commit: all[0].commit, date: all[0].date };
  const atHead = history.length > 0 && has(history[history.length - 1].text);
  let lastIndex = -1;
  history.forEach((h, i) => has(h.text) && (lastIndex = i));
  const removedBy = !atHead && lastIndex >= 0 && lastIndex + 1 < history.length ? { commit: history[lastIndex + 1].commit, date: history[lastIndex + 1].date } : undefined;
  const where = figure.stated ? `"${figure.stated}"` : 'the value';

  if (!atCited) problems.push(`${where} is not in ${figure.source.path} at the cited commit ${short(figure.source.commit)}`);
  if (!published) problems.push(`${where} is in no version of ${[figure.source.firstPath, figure.source.path].filter(Boolean).join(' or ')}`);
  else if (figure.source.date !== published.date) problems.push(`date ${figure.source.date}, but first published ${published.date} (${short(published.commit)})`);
  const status = figure.status;
  if (status === 'current' && !atHead) problems.push(`status current, but ${removedBy ? `removed by ${short(removedBy.commit)} (${removedBy.date})` : 'not'} at HEAD: should be removed`);
  if (status === 'removed' && atHead) problems.push('status removed, but the value is at HEAD: should be current');
  if (status === 'removed' && removedBy && (figure.removed?.commit !== removedBy.commit || figure.removed?.date !== removedBy.date)) {
    problems.push(`removed by ${removedBy.commit} (${removedBy.date}), but the data says ${figure.removed ? `${figure.removed.commit} (${figure.removed.date})` : 'nothing'}`);
  }
  return { published, atCited, atHead, removedBy, problems };
}

const short = (commit) => (commit ?? '').slice(0, 7);

/** Checks every figure of the entry data against the clones in `folder`. */
export function checkData(data, folder, { only } = {}) {
  const repos = new Map();
  const repoOf = (repo) => {
    if (!repos.has(repo)) {
      const dir = cloneDir(folder, repo);
      repos.set(repo, dir && { repo: gitRepo(dir), histories: new Map() });
    }
    return repos.get(repo);
  };
  const results = [];
  const valuesByRepo = new Map();
  for (const [id, entry] of Object.entries(data.entries)) {
    if (only && id !== only) continue;
    for (const figure of entry.figures ?? []) {
      const { repo, path, commit } = figure.source;
      const label = `${id}: ${figure.metric} ${figure.value} ${figure.unit}`;
      // A GitHub repository ("owner/name"); "arxiv.org/abs" and the like are not git.
      if (!/^[\w-]+\/[\w.-]+$/.test(repo)) {
        results.push({ label, skipped: `${repo}/${path} is not a git repository` });
        continue;
      }
      if (!valuesByRepo.has(repo)) valuesByRepo.set(repo, new Set());
      valuesByRepo.get(repo).add(figure.value);
      const clone = repoOf(repo);
      if (!clone) {
        results.push({ label, skipped: `no clone of ${repo}` });
        continue;
      }
      const cited = commit && clone.repo.resolve(commit);
      if (!cited) {
        results.push({ label, problems: [`the cited commit ${commit ?? '(none)'} is not in ${repo}`] });
        continue;
      }
      const historyOf = (file) => {
        if (!clone.histories.has(file)) clone.histories.set(file, clone.repo.history(file));
        return clone.histories.get(file);
      };
      const firstHistory = figure.source.firstPath ? historyOf(figure.source.firstPath) : [];
      results.push({ label, ...checkFigure(figure, historyOf(path), clone.repo.show(cited, path), firstHistory) });
    }
  }
  const unlisted = [];
  for (const [repo, values] of valuesByRepo) {
    // The index's README: its figures are the index's own, read from its text, not entry data.
    if (repo === 'deepseek-ai/open-infra-index') continue;
    const clone = repoOf(repo);
    const readme = clone?.repo.show('HEAD', 'README.md');
    if (!readme) continue;
    const missing = figureLikeNumbers(readme).filter((n) => !values.has(n.value));
    if (missing.length) unlisted.push({ repo, missing });
  }
  return { results, unlisted };
}

/** The report as text, and how many figures are wrong. */
export function formatReport({ results, unlisted }) {
  const lines = [];
  let wrong = 0;
  let checked = 0;
  for (const r of results) {
    if (r.skipped) {
      lines.push(`  skip  ${r.label}: ${r.skipped}`);
      continue;
    }
    checked++;
    if (r.problems.length) {
      wrong++;
      for (const p of r.problems) lines.push(`  WRONG ${r.label}: ${p}`);
    } else if (r.derived) {
      lines.push(`  ok    ${r.label}: derived (${r.derived}); its source file is there`);
    } else {
      lines.push(`  ok    ${r.label}: first published ${r.published.date}, ${r.atHead ? 'at HEAD' : `removed by ${short(r.removedBy?.commit)}`}`);
    }
  }
  for (const { repo, missing } of unlisted) {
    lines.push(`  note  ${repo} README.md at HEAD states numbers no figure has: ${missing.map((m) => `${m.value} ${m.unit} (line ${m.line})`).join(', ')}`);
  }
  lines.push(`${checked} figures checked, ${wrong} wrong, ${results.length - checked} not checked`);
  return { text: lines.join('\n'), wrong, checked };
}

if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--entry');
  const only = args.includes('--entry') ? args[args.indexOf('--entry') + 1] : undefined;
  if (!folder || !existsSync(folder)) {
    console.error('usage: npm run data:check -- <folder of clones: <owner>+<name>/repo, <owner>+<name> or <name>> [--entry <id>]');
    process.exit(2);
  }
  const data = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'media', 'entries.json'), 'utf8'));
  const report = formatReport(checkData(data, folder, { only }));
  console.log(report.text);
  process.exitCode = report.wrong > 0 ? 1 : 0;
}
