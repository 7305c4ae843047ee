// Builds the extension bundle (dist/extension.js) and, with --tests, transpiles
// src/ and test/ file by file into out/ for the unit and integration suites.
// Usage: node scripts/build.mjs [--production] [--tests] [--watch]
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

function tsFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.d.ts'))
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

const bundle = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/extension.js',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

if (watch) {
  const ctx = await esbuild.context(bundle);
  await ctx.watch();
  console.log('esbuild: watching src/ for changes');
} else {
  await esbuild.build(bundle);
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
