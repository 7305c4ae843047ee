// What the extension and its parse worker say to each other.
import type { CatalogData } from '../core/catalog';
import type { IndexSource } from '../core/indexSource';

export interface ParseRequest {
  readonly markdown: string;
  /** The entry data (entries.json) as text, checked in the worker. */
  readonly data?: string;
  readonly baseUrl?: string;
  /** What the index's own figures cite; the bundled snapshot's commit when absent. */
  readonly indexSource?: IndexSource;
  /** An index from elsewhere (see CatalogOptions.foreign). */
  readonly foreign?: boolean;
  /** The runtime strings of the display language, for the problems' messages; absent in English. */
  readonly l10n?: Record<string, string>;
}

export type ParseReply = { readonly ok: true; readonly result: CatalogData } | { readonly ok: false; readonly error: string };
