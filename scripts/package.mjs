// `npm run package`: builds open-infra-index-<version>.vsix with @vscode/vsce
// (whose vscode:prepublish step makes the production build) and prints its path.
// It asks no questions (no standard input) and fails on any vsce warning,
// since vsce without a terminal would otherwise accept it silently. What the
// project knowingly lacks is accepted with an explicit flag, said in FLAGS.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';


const FLAGS = [
  // Everything the extension runs is bundled by esbuild; node_modules never ships.
  '--no-dependencies',
  // There is no public repository URL yet. Add "repository" to package.json when
  // there is one, and drop this flag and the next.
  '--allow-missing-repository',
  // Without a repository vsce cannot make the README's relative links absolute;
  // they stay relative (the screenshots are not in the package).
  '--no-rewrite-relative-links',
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${name}-${version}.vsix`);
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');

/** Runs vsce package; resolves to its exit code and everything it printed. */
function runVsce() {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [vsce, 'package', ...FLAGS, '--out', vsix], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        process.stdout.write(chunk);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

export async function packageExtension() {
  console.log(`vsce package ${FLAGS.join(' ')}`);
  const { code, output } = await runVsce();
  if (code !== 0) throw new Error(`vsce package failed (exit ${code})`);
  const warnings = output.split('\n').filter((line) => /\bWARNING\b/.test(line));
  if (warnings.length) throw new Error(`vsce warned, and a warning is not accepted silently:\n${warnings.join('\n')}`);
  return { path: vsix, bytes: statSync(vsix).size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { path, bytes } = await packageExtension();
    console.log(`${path} (${(bytes / 1024).toFixed(1)} KB)`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
