#!/usr/bin/env node
// Writes media/upstream-record.json: what the bundled index was drawn from, as facts and digests (see
// src/core/upstreamRecord.ts). Run it on upstream's README at the commit the bundle follows, from a
// clone of github.com/deepseek-ai/open-infra-index, whenever the bundle moves to a newer upstream:
//
//   npm run data:record-upstream -- <clone> [<commit>]     (default commit: the clone's HEAD)
//
// It reads README.md at that commit with git, parses it as the extension parses the upstream index
// (links resolved as for infraIndex.upstream.url's default), and records upstream's commit and date, a
// digest of the file's text, and per entry a digest of its wording, its figures and its links. No
// sentence of upstream's is written into the project.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const load = (module) => require(join(repoRoot, 'out', 'src', ...module.split('/')));
const { parseIndex } = load('core/parseIndex.js');
const { linkBaseFor } = load('core/indexLinks.js');
const { recordUpstream } = load('core/upstreamRecord.js');

const REPO = 'deepseek-ai/open-infra-index';
const PATH = 'README.md';
const DEFAULT_UPSTREAM_URL = 'https://raw.githubusercontent.com/deepseek-ai/open-infra-index/main/README.md';

const [clone, rev = 'HEAD'] = process.argv.slice(2);
if (!clone) {
  console.error('usage: npm run data:record-upstream -- <clone of deepseek-ai/open-infra-index> [<commit>]');
  process.exit(1);
}
const git = (...args) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
const commit = git('rev-parse', `${rev}^{commit}`).trim();
const date = git('show', '-s', '--format=%cs', commit).trim();
const text = git('show', `${commit}:${PATH}`);
const parsed = parseIndex(text, { baseUrl: linkBaseFor(DEFAULT_UPSTREAM_URL) });
const record = await recordUpstream(text, parsed.index, { repo: REPO, path: PATH, commit, date });
const out = join(repoRoot, 'media', 'upstream-record.json');
writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
console.log(`${out}: ${REPO} ${PATH} @ ${commit} (${date}), ${Object.keys(record.entries).length} entries, sha256 ${record.sha256}`);
if (parsed.problems.length > 0) console.log(`(the parse reported ${parsed.problems.length} problem(s): ${parsed.problems.map((p) => p.message).join('; ')})`);
