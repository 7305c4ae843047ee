// The upstream index, cached in the extension's global storage so that it
// survives reloads and offline starts. meta.json says where the copy came
// from, when, and whether it is in use; it names the markdown by its SHA-256,
// so the copy is read only if it is whole. Writes are atomic: the markdown
// goes to a new file first, and meta.json is replaced by a rename, so a crash
// leaves the old copy or the new one, never half of each.
import * as vscode from 'vscode';
import { describeError, describeSchemaError } from '../core/describe';
import { validateUpstreamCacheMeta } from './generated/upstreamCacheValidator';
import type { Validators } from './fetchIndex';

export interface UpstreamCacheMeta {
  readonly version: 1;
  /** The URL the copy was fetched from. */
  readonly url: string;
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the copy was fetched, and when upstream was last asked (ms since the epoch). */
  readonly fetchedAt: number;
  readonly checkedAt: number;
  /** Whether the user chose this copy over the bundled index. */
  readonly inUse: boolean;
  /** Of the markdown's UTF-8 bytes. */
  readonly sha256: string;
}

export type CacheRead =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly meta: UpstreamCacheMeta; readonly markdown: string }
  | { readonly kind: 'damaged'; readonly reason: string };

const META = 'meta.json';

export class UpstreamCache {
  constructor(private readonly dir: vscode.Uri) {}

  async read(): Promise<CacheRead> {
    let metaBytes: Uint8Array;
    try {
      metaBytes = await vscode.workspace.fs.readFile(this.uri(META));
    } catch {
      return { kind: 'none' };
    }
    let meta: unknown;
    try {
      meta = JSON.parse(new TextDecoder().decode(metaBytes));
    } catch (err) {
      return { kind: 'damaged', reason: `its ${META} is not valid JSON (${describeError(err)})` };
    }
    if (!validateUpstreamCacheMeta(meta)) {
      return { kind: 'damaged', reason: `its ${META} is not as expected (${describeSchemaError(validateUpstreamCacheMeta.errors)})` };
    }
    const checked = meta as UpstreamCacheMeta;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri(markdownName(checked.sha256)));
    } catch {
      return { kind: 'damaged', reason: 'the cached markdown is missing' };
    }
    if ((await sha256(bytes)) !== checked.sha256) return { kind: 'damaged', reason: 'the cached markdown does not match its checksum' };
    return { kind: 'ok', meta: checked, markdown: new TextDecoder().decode(bytes) };
  }

  /** Stores a new copy and its meta.json; on success the previous copy's file is removed. */
  async write(markdown: string, source: { url: string; validators: Validators; fetchedAt: number; inUse: boolean }): Promise<UpstreamCacheMeta> {
    const bytes = new TextEncoder().encode(markdown);
    const hash = await sha256(bytes);
    const previous = await this.read();
    await vscode.workspace.fs.createDirectory(this.dir);
    await this.replace(markdownName(hash), bytes);
    const meta: UpstreamCacheMeta = {
      version: 1,
      url: source.url,
      etag: source.validators.etag,
      lastModified: source.validators.lastModified,
      fetchedAt: source.fetchedAt,
      checkedAt: source.fetchedAt,
      inUse: source.inUse,
      sha256: hash,
    };
    await this.writeMeta(meta);
    if (previous.kind === 'ok' && previous.meta.sha256 !== hash) {
      await Promise.resolve(vscode.workspace.fs.delete(this.uri(markdownName(previous.meta.sha256)))).catch(() => undefined);
    }
    return meta;
  }

  /** Changes meta.json only (a check that found nothing new, or the choice of index). */
  async update(meta: UpstreamCacheMeta, change: Partial<Pick<UpstreamCacheMeta, 'checkedAt' | 'inUse'>>): Promise<UpstreamCacheMeta> {
    const next = { ...meta, ...change };
    await this.writeMeta(next);
    return next;
  }

  private async writeMeta(meta: UpstreamCacheMeta): Promise<void> {
    await this.replace(META, new TextEncoder().encode(`${JSON.stringify(meta, null, 2)}\n`));
  }

  /** Writes beside the target, then renames over it. */
  private async replace(name: string, bytes: Uint8Array): Promise<void> {
    const temporary = this.uri(`${name}.${Date.now().toString(36)}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, this.uri(name), { overwrite: true });
  }

  private uri(name: string): vscode.Uri {
    return vscode.Uri.joinPath(this.dir, name);
  }
}

function markdownName(hash: string): string {
  return `index-${hash.slice(0, 16)}.md`;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  // A copy on its own ArrayBuffer: what readFile returns may be a view into a larger, shared one.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
