import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, from out/test/unit/. */
export const ROOT = resolve(__dirname, '..', '..', '..');

export function readRepoFile(...parts: string[]): string {
  return readFileSync(join(ROOT, ...parts), 'utf8');
}

/** UTF-8 text as it reads after being decoded with a Windows code page. */
export function misdecode(text: string, codePage = 'windows-1254'): string {
  return new TextDecoder(codePage).decode(new TextEncoder().encode(text));
}
