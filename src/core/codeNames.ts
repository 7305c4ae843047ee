// From code to entries: the Python modules and C/C++/CUDA headers each
// entry's own repository documents (entries.json's "code"), and those a
// user's own index adds ("Imports: `my_lib`"). A module matches itself and
// its submodules (deep_gemm.jit is DeepGEMM's); a header matches by its path
// as it is included (<hf3fs_usrbio.h>).

import type { Catalog } from './catalog';
import type { CodeLanguage } from './model';

/** A name a program imports or includes, and the entry it belongs to. */
export interface CodeName {
  readonly language: CodeLanguage;
  /** "flash_mla", "hf3fs_fuse.io", "deep_ep/buffer.hpp" */
  readonly name: string;
  readonly entryId: string;
}

/** Looks names up by language; built once per catalog. */
export class CodeNames {
  private readonly python = new Map<string, string>();
  private readonly headers = new Map<string, string>();

  constructor(names: readonly CodeName[]) {
    for (const n of names) {
      const map = n.language === 'python' ? this.python : this.headers;
      // The first entry to claim a name keeps it.
      if (!map.has(n.name)) map.set(n.name, n.entryId);
    }
  }

  get size(): number {
    return this.python.size + this.headers.size;
  }

  /** The entry a dotted module belongs to: the longest mapped prefix ("hf3fs_fuse.io.x" → "hf3fs_fuse.io"). */
  pythonModule(dotted: string): { readonly entryId: string; readonly name: string } | undefined {
    let name = dotted;
    for (;;) {
      const entryId = this.python.get(name);
      if (entryId !== undefined) return { entryId, name };
      const dot = name.lastIndexOf('.');
      if (dot < 0) return undefined;
      name = name.slice(0, dot);
    }
  }

  /** The entry an included header belongs to, by its path as written. */
  header(path: string): { readonly entryId: string; readonly name: string } | undefined {
    const entryId = this.headers.get(path);
    return entryId === undefined ? undefined : { entryId, name: path };
  }

  /** Whether a text could mention any mapped name at all: a cheap test before any scan. */
  mightUse(text: string): boolean {
    for (const name of this.python.keys()) if (text.includes(name.split('.')[0])) return true;
    for (const name of this.headers.keys()) if (text.includes(name)) return true;
    return false;
  }
}

/** The code names of a catalog: each entry's, from its data and from its index text. */
export function codeNamesOf(catalog: Pick<Catalog, 'entries'>): CodeNames {
  const names: CodeName[] = [];
  for (const item of catalog.entries) {
    for (const c of item.entry.imports ?? []) names.push({ language: c.language, name: c.name, entryId: item.entry.id });
    for (const c of item.data?.code ?? []) names.push({ language: c.language, name: c.name, entryId: item.entry.id });
  }
  return new CodeNames(names);
}

const HEADER = /\.(?:h|hh|hpp|hxx|cuh|inl)$/i;
/** A Python module: dotted identifiers. */
const PYTHON_MODULE = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** A header path as included: no spaces, quotes, angle brackets or "..". */
const HEADER_PATH = /^(?!.*\.\.)[A-Za-z0-9_./+-]+$/;

/** The language of a name written in an index ("my_lib", "my_lib/api.h"); undefined for neither. */
export function codeNameLanguage(name: string): CodeLanguage | undefined {
  if (name.length > 200) return undefined;
  if (HEADER.test(name)) return HEADER_PATH.test(name) ? 'cpp' : undefined;
  return PYTHON_MODULE.test(name) ? 'python' : undefined;
}
