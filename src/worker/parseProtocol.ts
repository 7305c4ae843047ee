// What the extension and its parse worker say to each other.
import type { ParseResult } from '../core/model';

export interface ParseRequest {
  readonly markdown: string;
  readonly baseUrl?: string;
}

export type ParseReply = { readonly ok: true; readonly result: ParseResult } | { readonly ok: false; readonly error: string };
