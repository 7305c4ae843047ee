// Issue 12: from the user's code to the index's entries. The code names come
// from the entry data (and a user's index); the scanner finds their imports.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { catalogFromSources } from '../../src/core/catalogBuild';
import { CodeNames, codeNameLanguage, codeNamesOf } from '../../src/core/codeNames';
import type { EntryDataFile } from '../../src/core/entryData';
import { scanImports, useAt, useOfName, type CodeUse } from '../../src/core/importScan';
import { parseIndex } from '../../src/core/parseIndex';
import { readRepoFile } from './helpers';

const dataJson = readRepoFile('media', 'entries.json');
const catalog = catalogFromSources(readRepoFile('media', 'open-infra-index.md'), dataJson, parseIndex);
const names = codeNamesOf(catalog);

/** "flashmla flash_mla 0:5-14 [flash_mla]" for each use. */
const brief = (uses: readonly CodeUse[]) => uses.map((u) => `${u.entryId} ${u.written} ${u.line}:${u.start}-${u.end} [${u.bound.map((b) => (b.local === b.imported ? b.local : `${b.imported} as ${b.local}`)).join(', ')}]`);

describe('the bundled code names', () => {
  test('map each library’s documented modules and headers to its entry', () => {
    const python: Array<[string, string]> = [
      ['flash_mla', 'flashmla'],
      ['deep_ep', 'deepep'],
      ['deep_gemm', 'deepgemm'],
      ['dualpipe', 'dualpipe'],
      ['eplb', 'eplb'],
      ['smallpond', 'smallpond'],
      ['hf3fs_fuse', '3fs'],
      ['hf3fs_fuse.io', '3fs'],
      ['hf3fs_py_usrbio', '3fs'],
      ['deep_gemm.jit_kernels', 'deepgemm'],
    ];
    for (const [module, id] of python) assert.equal(names.pythonModule(module)?.entryId, id, module);
    assert.equal(names.header('hf3fs_usrbio.h')?.entryId, '3fs');
    for (const other of ['flash_mla_extra', 'torch', 'deep', 'eplb2']) assert.equal(names.pythonModule(other), undefined, other);
  });

  test('each is sourced to a file of the component’s repository at a full commit', () => {
    const data = JSON.parse(dataJson) as EntryDataFile;
    let count = 0;
    for (const [id, d] of Object.entries(data.entries)) {
      for (const c of d.code ?? []) {
        count++;
        assert.match(c.source.commit ?? '', /^[0-9a-f]{40}$/, `${id} ${c.name}`);
        assert.match(c.source.repo, /^deepseek-ai\//, `${id} ${c.name}`);
        assert.equal(codeNameLanguage(c.name), c.language, `${id} ${c.name} reads as ${c.language}`);
      }
    }
    assert.equal(count, 9);
  });

  test('mightUse is a cheap test that lets only possible importers through', () => {
    assert.equal(names.mightUse('import numpy as np\nprint(1)\n'), false);
    assert.equal(names.mightUse('import deep_gemm\n'), true);
    assert.equal(names.mightUse('#include <hf3fs_usrbio.h>\n'), true);
  });
});

describe('Python imports', () => {
  test('import, dotted, aliased and several on a line', () => {
    const text = ['import os', 'import flash_mla', 'import deep_gemm.jit as jit, deep_ep', 'import torch, smallpond  # data', 'x = 1'].join('\n');
    assert.deepEqual(brief(scanImports(text, 'python', names)), [
      'flashmla flash_mla 1:7-16 [flash_mla]',
      'deepgemm deep_gemm.jit 2:7-20 [deep_gemm.jit as jit]',
      'deepep deep_ep 2:29-36 [deep_ep]',
      'smallpond smallpond 3:14-23 [smallpond]',
    ]);
  });

  test('from … import, with aliases, a star, and a list over several lines', () => {
    const text = [
      'from flash_mla import get_mla_metadata, flash_mla_with_kvcache as kv',
      'from deep_ep import *',
      'from hf3fs_fuse.io import (',
      '    make_iovec,  # comment',
      '    make_ioring as ring,',
      ')',
      'from . import local',
      'from torch import nn',
    ].join('\n');
    assert.deepEqual(brief(scanImports(text, 'python', names)), [
      'flashmla flash_mla 0:5-14 [get_mla_metadata, flash_mla_with_kvcache as kv]',
      'deepep deep_ep 1:5-12 []',
      '3fs hf3fs_fuse.io 2:5-18 [make_iovec, make_ioring as ring]',
    ]);
  });

  test('a name bound by an import finds it; a position on the module finds it', () => {
    const uses = scanImports('import deep_gemm as dg\nfrom flash_mla import get_mla_metadata\n', 'python', names);
    assert.equal(useOfName(uses, 'dg')?.entryId, 'deepgemm');
    assert.equal(useOfName(uses, 'get_mla_metadata')?.entryId, 'flashmla');
    assert.equal(useOfName(uses, 'deep_gemm'), undefined, 'aliased away');
    assert.equal(useAt(uses, 1, 8)?.entryId, 'flashmla');
    assert.equal(useAt(uses, 1, 30), undefined, 'past the module name');
  });

  test('over-long lines are not read', () => {
    assert.deepEqual(scanImports(`import flash_mla${' '.repeat(2_000)}`, 'python', names), []);
  });
});

describe('C, C++ and CUDA includes', () => {
  test('angle brackets and quotes, with the header’s place in the line', () => {
    const text = ['#include <cstdio>', '#include <hf3fs_usrbio.h>', '  #  include "hf3fs_usrbio.h" // USRBIO', '#include <other/hf3fs_usrbio.h>'].join('\n');
    assert.deepEqual(brief(scanImports(text, 'cpp', names)), ['3fs hf3fs_usrbio.h 1:10-24 []', '3fs hf3fs_usrbio.h 2:14-28 []']);
  });
});

describe('a user’s own index adds mappings', () => {
  test('"Imports:" names Python modules and headers; anything else is a problem', () => {
    const md = ['## 202502 Week', '### Day 1 - [Tool](https://github.com/o/tool)', 'A tool.', 'Imports: `my_tool`, `my_tool.ops`, `my_tool/api.cuh`, `no-good!`, `../x.h`'].join('\n');
    const parsed = parseIndex(md);
    const entry = parsed.index.periods[0].entries[0];
    assert.deepEqual(entry.imports, [
      { language: 'python', name: 'my_tool' },
      { language: 'python', name: 'my_tool.ops' },
      { language: 'cpp', name: 'my_tool/api.cuh' },
    ]);
    const problems = parsed.problems.map((p) => p.message).join('\n');
    assert.match(problems, /"no-good!" is neither a Python module nor a header path/);
    assert.match(problems, /"\.\.\/x\.h" is neither a Python module nor a header path/);
    assert.equal(entry.description, 'A tool.', 'the line is not part of the description');
    const own = codeNamesOf(catalogFromSources(md, undefined, parseIndex));
    assert.equal(own.pythonModule('my_tool.ops.sub')?.entryId, 'tool');
    assert.equal(own.header('my_tool/api.cuh')?.entryId, 'tool');
  });

  test('the first entry to claim a name keeps it', () => {
    const n = new CodeNames([
      { language: 'python', name: 'x', entryId: 'a' },
      { language: 'python', name: 'x', entryId: 'b' },
    ]);
    assert.equal(n.pythonModule('x')?.entryId, 'a');
  });
});
