// Builds the extension: dist/extension.js, one bundle for both of VS Code's
// extension hosts (Node, and the web worker of vscode.dev and github.dev),
// dist/webview/page.js, the script of its pages, and dist/ThirdPartyNotices.txt
// with the licences of the packages bundled into the extension. With --tests it also transpiles src/ and test/ file by file into out/
// for the unit and integration suites.
// Usage: node scripts/build.mjs [--production] [--tests] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

function tsFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

// `main` and `browser` in package.json both name this bundle: built for the
// browser platform, it can use only what both hosts have (esbuild fails the
// build if anything imports a Node module), and the package carries one copy.
const bundle = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: ['es2022', 'node20'],
  outfile: 'dist/extension.js',
  // Required only in the Node host (parse worker threads); never reached in a web worker.
  external: ['vscode', 'node:worker_threads'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

// The pages' script, typed against the same messages as the extension.
const pageScript = {
  entryPoints: ['src/webview/pageScript.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  outfile: 'dist/webview/page.js',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

// The parse worker: a Web Worker or a Node worker thread (see src/worker/parseWorker.ts).
const parseWorker = {
  ...bundle,
  entryPoints: ['src/worker/parseWorker.ts'],
  format: 'iife',
  outfile: 'dist/parseWorker.js',
  metafile: false,
};

/** The packages from node_modules that went into the bundle, with their licence texts. */
function thirdPartyNotices(meta) {
  const packages = new Map();
  for (const input of Object.keys(meta.inputs)) {
    const m = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (m) packages.set(m[2], m[1]);
  }
  const sections = [...packages].sort().map(([name, dir]) => {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(dir).find((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f));
    if (!licenceFile) throw new Error(`${name} is bundled but ships no licence file`);
    const text = readFileSync(join(dir, licenceFile), 'utf8').trim();
    return `${name} ${manifest.version} (${manifest.license})\n${'-'.repeat(60)}\n${text}`;
  });
  return `Open Infra Index for VS Code: third-party notices

The index's names, facts, figures and links come from DeepSeek's Open Infra Index
(github.com/deepseek-ai/open-infra-index), which is dedicated to the public domain
under CC0 1.0, and from each component's own repository, cited figure by figure.
The descriptions are this project's own words. This project is not affiliated with
DeepSeek.

This extension bundles the following packages, under the licences below.

${sections.join('\n\n')}
`;
}

if (watch) {
  for (const options of [bundle, pageScript, parseWorker]) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching src/ for changes');
} else {
  const [{ metafile }] = await Promise.all([esbuild.build(bundle), esbuild.build(pageScript), esbuild.build(parseWorker)]);
  writeFileSync('dist/ThirdPartyNotices.txt', thirdPartyNotices(metafile));
  // For npm run bench: how much of the bundle is the project's own code.
  writeFileSync('dist/meta.json', JSON.stringify(metafile));
  if (tests) {
    rmSync('out', { recursive: true, force: true });
    await esbuild.build({
      entryPoints: [...tsFiles('src'), ...tsFiles('test')],
      outbase: '.',
      outdir: 'out',
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      logLevel: 'warning',
    });
  }
}
