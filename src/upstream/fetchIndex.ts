// Fetches index markdown from the one URL the user configured, through the
// `fetch` VS Code gives extensions (its proxy settings apply). Everything that
// can go wrong on the way (a status other than 200 or 304, a redirect to
// another host, no answer in time, a body that stalls, is cut short, is too
// large, is empty or is an HTML page) ends in a FetchError whose message says
// what happened in words a user can act on. No vscode import: unit tests run
// it against a local server.

export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchOutcome =
  | { readonly kind: 'notModified' }
  | { readonly kind: 'fetched'; readonly text: string; readonly validators: Validators; readonly url: string };

export interface FetchLimits {
  /** For the whole exchange, headers and body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Cancels the request (the user cancelled the progress notification). */
  readonly signal?: AbortSignal;
}

/** What went wrong, worded for the user; `url` is the address asked. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

/** The user cancelled; not an error to report. */
export class FetchCancelled extends Error {
  constructor() {
    super('The check was cancelled.');
  }
}

const MAX_REDIRECTS = 5;
const NOT_MARKDOWN = 'the server sent an HTML page, not the index markdown. Check that the setting names the raw file.';
const HTML_START = /^\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/**
 * GETs `url`, conditionally when `validators` are given (so that an unchanged
 * index costs a 304). Redirects are followed only within the same origin.
 */
export async function fetchIndexText(url: string, validators: Validators | undefined, limits: FetchLimits, fetchFn: FetchFunction = fetch): Promise<FetchOutcome> {
  const start = checkedUrl(url);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([timeout.signal, limits.signal]) : timeout.signal;
  const headers: Record<string, string> = { Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' };
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  try {
    let current = start;
    for (let hop = 0; ; hop++) {
      const response = await fetchFn(current.href, { headers, redirect: 'manual', signal });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
        void response.body?.cancel();
        current = nextHop(start, current, response, hop);
        continue;
      }
      if (response.status === 304) return { kind: 'notModified' };
      if (!response.ok) {
        void response.body?.cancel();
        throw new FetchError(url, `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
      }
      const type = response.headers.get('content-type') ?? '';
      if (/\btext\/html\b/i.test(type)) {
        void response.body?.cancel();
        throw new FetchError(url, NOT_MARKDOWN);
      }
      const text = await readBody(url, response, limits.maxBytes, signal);
      if (text.trim() === '') throw new FetchError(url, 'the server sent an empty file.');
      if (HTML_START.test(text)) throw new FetchError(url, NOT_MARKDOWN);
      return {
        kind: 'fetched',
        text,
        url: current.href,
        validators: { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined },
      };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (limits.signal?.aborted) throw new FetchCancelled();
    if (timeout.signal.aborted) throw new FetchError(url, `no complete answer within ${Math.round(limits.timeoutMs / 1000)} s.`);
    throw new FetchError(url, `the request failed (${describe(err)}).`);
  } finally {
    clearTimeout(timer);
  }
}

/** Only http(s) URLs are fetched. */
function checkedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(url, 'this is not a valid URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new FetchError(url, 'only http and https addresses can be fetched.');
  if (parsed.username || parsed.password) throw new FetchError(url, 'addresses with a user name or password are not fetched.');
  return parsed;
}

function nextHop(start: URL, current: URL, response: Response, hop: number): URL {
  const location = response.headers.get('location');
  if (response.type === 'opaqueredirect' || !location) {
    throw new FetchError(start.href, 'the server redirected elsewhere. Set the address the file is at now.');
  }
  const next = new URL(location, current);
  if (next.origin !== start.origin) {
    throw new FetchError(start.href, `the server redirected to another host (${next.host}), which is not followed. Set that address yourself if you trust it.`);
  }
  if (hop + 1 >= MAX_REDIRECTS) throw new FetchError(start.href, 'the server redirected too many times.');
  return next;
}

/** The body as UTF-8 text, read up to `maxBytes`; a body cut short is an error, not an index. */
async function readBody(url: string, response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = () => new FetchError(url, `the file is larger than ${formatBytes(maxBytes)}, more than an index can be.`);
  if (declared > maxBytes) {
    void response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      if (signal.aborted) throw err;
      throw new FetchError(url, `the connection closed before the file was complete (${received} bytes arrived${Number.isFinite(declared) ? ` of ${declared}` : ''}).`);
    }
    const { done, value } = chunk;
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      void reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (Number.isFinite(declared) && received < declared) {
    throw new FetchError(url, `the file arrived incomplete (${received} of ${declared} bytes).`);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${Math.round(bytes / 1000)} KB`;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? `${err.message}: ${cause.message}` : err.message;
}
