// What the extension host's bundle holds: the parser (marked) and the entry
// data's validator run only in the parse worker, so that activation loads
// neither. An import that drags them back into dist/extension.js (a constant
// taken from the catalog's build, say) fails here, before the bench sees the
// bundle grow. Reads the metafile of the build `npm run test:unit` runs first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readRepoFile } from './helpers';

interface Metafile {
  readonly outputs: Readonly<Record<string, { readonly inputs: Readonly<Record<string, unknown>> }>>;
}

const meta = JSON.parse(readRepoFile('dist', 'meta.json')) as Metafile;
const inputsOf = (output: string): string[] => Object.keys(meta.outputs[output]?.inputs ?? {});

describe('what each bundle holds', () => {
  test('the parse worker holds the parser and the entry data’s validator', () => {
    const worker = inputsOf('dist/parseWorker.js');
    assert.ok(worker.some((i) => i.startsWith('node_modules/marked/')), worker.join('\n'));
    assert.ok(worker.includes('src/core/generated/entriesValidator.js'));
  });

  test('the extension host’s bundle holds neither', () => {
    const host = inputsOf('dist/extension.js');
    assert.ok(host.includes('src/extension.ts'), 'the metafile lists the host bundle');
    assert.deepEqual(
      host.filter((i) => i.startsWith('node_modules/marked/') || i.endsWith('entriesValidator.js') || /src\/core\/(parseIndex|catalogBuild|markdown)\.ts$/.test(i)),
      [],
    );
  });
});
