// npm run data:check (scripts/data-check.mjs) against small git repositories built here, in a temporary
// folder: a README whose figures are published, changed, moved and dropped over a few commits.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { readRepoFile, ROOT } from './helpers';

interface Report {
  text: string;
  wrong: number;
  checked: number;
}
interface DataCheck {
  checkData(data: unknown, folder: string): unknown;
  formatReport(result: unknown): Report;
  numberPattern(value: number): RegExp;
}

let check: DataCheck;
let folder: string;
const commits: Record<string, string> = {};

/** Commits `files` into `dir` on `date`, as `name`. */
function commit(dir: string, name: string, date: string, files: Record<string, string | null>): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(dir, path));
    else writeFileSync(join(dir, path), text);
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { env, encoding: 'utf8' });
  git('add', '-A');
  git('-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', name);
  commits[name] = git('rev-parse', 'HEAD').trim();
}

function figure(value: number, unit: string, commitName: string, date: string, extra: Record<string, unknown> = {}) {
  return { metric: `m${value}`, value, unit, scope: 'gpu', class: 'performance', status: 'current', source: { repo: 'acme/kernels', path: 'README.md', commit: commits[commitName], date }, ...extra };
}

function run(figures: unknown[]): Report {
  return check.formatReport(check.checkData({ entries: { kernels: { figures } } }, folder));
}

describe('npm run data:check', () => {
  before(async () => {
    check = (await import(pathToFileURL(join(ROOT, 'scripts', 'data-check.mjs')).href)) as DataCheck;
    folder = mkdtempSync(join(tmpdir(), 'oii-data-check-'));
    const dir = join(folder, 'acme+kernels');
    mkdirSync(dir);
    execFileSync('git', ['-C', dir, 'init', '-q', '-b', 'main']);
    commit(dir, 'first', '2025-02-24', { 'README.md': '# Kernels\n\nUp to 580 TFLOPS and 3000 GB/s on H800.\n' });
    commit(dir, 'faster', '2025-04-22', { 'README.md': '# Kernels\n\nUp to 660 TFLOPS and 3000 GB/s on H800. Batches of 4K tokens.\n' });
    commit(dir, 'tables out', '2025-06-01', { 'README.md': '# Kernels\n\nUp to 660 TFLOPS on H800. Batches of 4K tokens.\n', 'docs.md': 'Old table: 3000 GB/s.\n' });
    commit(dir, 'unrelated', '2025-07-01', { 'LICENSE': 'MIT\n' });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('finds a value as the source writes it, and only that value', () => {
    const p = check.numberPattern(1550);
    for (const yes of ['up to 1550 TFLOPS', '1,550 TFLOPS', '(1550)', '1550.0 TFLOPS']) assert.match(yes, p, yes);
    for (const no of ['11550 TFLOPS', '1550.5 TFLOPS', '21550', '1.550']) assert.doesNotMatch(no, p, no);
    assert.match('3.66 TiB/min', check.numberPattern(3.66));
    assert.doesNotMatch('3.665 TiB/min', check.numberPattern(3.66));
  });

  test('right figures pass: current at HEAD, dated when first published, read at any later commit', () => {
    const report = run([figure(660, 'TFLOPS', 'unrelated', '2025-04-22'), figure(4096, 'tokens', 'faster', '2025-04-22', { stated: '4K tokens' })]);
    assert.equal(report.wrong, 0, report.text);
    assert.equal(report.checked, 2);
    assert.match(report.text, /0 wrong/);
  });

  test('a current figure its source dropped is wrong, and the check names the commit that dropped it', () => {
    const report = run([figure(580, 'TFLOPS', 'first', '2025-02-24')]);
    assert.equal(report.wrong, 1);
    assert.match(report.text, new RegExp(`status current, but removed by ${commits.faster.slice(0, 7)} \\(2025-04-22\\) at HEAD: should be removed`));
  });

  test('a removed figure passes with that commit, and fails with another or while still at HEAD', () => {
    const removed = (c: string, date: string) => ({ status: 'removed', removed: { commit: commits[c], date } });
    assert.equal(run([figure(580, 'TFLOPS', 'first', '2025-02-24', removed('faster', '2025-04-22'))]).wrong, 0);
    assert.match(run([figure(580, 'TFLOPS', 'first', '2025-02-24', removed('tables out', '2025-06-01'))]).text, /removed by [0-9a-f]{40} \(2025-04-22\), but the data says/);
    assert.match(run([figure(660, 'TFLOPS', 'faster', '2025-04-22', removed('tables out', '2025-06-01'))]).text, /status removed, but the value is at HEAD/);
  });

  test('a date that is not the first publication is wrong', () => {
    const report = run([figure(660, 'TFLOPS', 'unrelated', '2025-07-01')]);
    assert.equal(report.wrong, 1);
    assert.match(report.text, new RegExp(`date 2025-07-01, but first published 2025-04-22 \\(${commits.faster.slice(0, 7)}\\)`));
  });

  test('a value that is not in the file at the cited commit is wrong', () => {
    assert.match(run([figure(661, 'TFLOPS', 'faster', '2025-04-22')]).text, /the value is not in README\.md at the cited commit/);
    assert.match(run([figure(4096, 'tokens', 'first', '2025-04-22', { stated: '4K tokens' })]).text, /"4K tokens" is not in README\.md at the cited commit/);
  });

  test('a figure that moved to another file is dated from the first file, and current where it now is', () => {
    const moved = figure(3000, 'GB/s', 'unrelated', '2025-02-24', { source: { repo: 'acme/kernels', path: 'docs.md', commit: commits.unrelated, date: '2025-02-24', firstPath: 'README.md' } });
    assert.equal(run([moved]).wrong, 0, run([moved]).text);
    const { firstPath: _, ...withoutFirst } = (moved as { source: Record<string, unknown> }).source;
    assert.match(run([{ ...moved, source: withoutFirst }]).text, /first published 2025-06-01/);
  });

  test('a derived figure is not looked for; a repository without a clone, or a source that is not git, is not checked', () => {
    const report = run([
      figure(1.21, 'ratio', 'first', '2025-02-24', { derived: 'computed by running the example' }),
      { ...figure(1, 'x', 'first', '2025-02-24'), source: { repo: 'acme/missing', path: 'README.md', commit: 'abc1234', date: '2025-02-24' } },
      { ...figure(1, 'x', 'first', '2025-02-24'), source: { repo: 'arxiv.org/abs', path: '2408.14158', date: '2024-08-26' } },
    ]);
    assert.equal(report.wrong, 0, report.text);
    assert.match(report.text, /derived \(computed by running the example\)/);
    assert.match(report.text, /no clone of acme\/missing/);
    assert.match(report.text, /arxiv\.org\/abs\/2408\.14158 is not a git repository/);
  });

  test('numbers with a unit in the README at HEAD that no figure has are listed, as notes, not errors', () => {
    assert.doesNotMatch(run([figure(660, 'TFLOPS', 'unrelated', '2025-04-22')]).text, /note/, 'every number of HEAD’s README is a figure');
    const report = run([figure(4096, 'tokens', 'faster', '2025-04-22', { stated: '4K tokens' })]);
    assert.equal(report.wrong, 0);
    assert.match(report.text, /note {2}acme\/kernels README\.md at HEAD states numbers no figure has: 660 TFLOPS \(line 3\)/);
  });

  test('the bundled data has every field the check needs, and says how each figure is checked', () => {
    // The bundled data's figures cite GitHub files at full or short commits; derived figures say how.
    const data = JSON.parse(readRepoFile('media', 'entries.json')) as {
      entries: Record<string, { figures?: { status: string; removed?: unknown; derived?: string; source: { repo: string; commit?: string } }[] }>;
    };
    for (const [id, entry] of Object.entries(data.entries)) {
      for (const f of entry.figures ?? []) {
        if (f.status === 'removed') assert.ok(f.removed, `${id}: a removed figure names the commit that removed it`);
        if (/^[\w-]+\/[\w.-]+$/.test(f.source.repo)) assert.match(f.source.commit ?? '', /^[0-9a-f]{7,40}$/, `${id}: cites a commit`);
      }
    }
  });
});
