// The messages between the extension and its pages' script
// (src/webview/pageScript.ts), typed once for both sides. Anything a webview
// posts is untrusted: parseWebviewMessage accepts only these shapes and drops
// everything else.

export interface OpenLinkMessage {
  readonly type: 'openLink';
  readonly url: string;
}
export interface OpenEntryMessage {
  readonly type: 'openEntry';
  readonly id: string;
  /** A figure of that entry to scroll to and highlight (from a chart's bar). */
  readonly figure?: number;
}
export interface CopyFigureMessage {
  readonly type: 'copyFigure';
  readonly figure: number;
}
export interface EntryActionMessage {
  readonly type: 'openRepository' | 'cloneRepository' | 'copyLink';
}

/** From an entry page: open the file at a place where the workspace imports the entry (by its position in the page's list). */
export interface OpenUseMessage {
  readonly type: 'openUse';
  readonly use: number;
}

/** From the Show Changes page: put the newer index in use. */
export interface UseUpstreamMessage {
  readonly type: 'useUpstreamIndex';
}

/** From a page to the extension. */
export type WebviewMessage = OpenLinkMessage | OpenEntryMessage | CopyFigureMessage | EntryActionMessage | UseUpstreamMessage | OpenUseMessage;

/** From the extension to an entry page: scroll to a figure and highlight it, without a new render. */
export interface HighlightFigureMessage {
  readonly type: 'highlightFigure';
  readonly figure: number;
}

/** From the extension to a page. */
export type PageMessage = HighlightFigureMessage;

/** What a page keeps across window reloads (the webview's getState/setState). */
export interface PageState {
  readonly entryId?: string;
  readonly scrollY?: number;
}

const MAX_STRING = 2048;

function isString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_STRING;
}

function isFigureIndex(v: unknown): v is number {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) < 10_000;
}

export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'openLink':
      return isString(m.url) ? { type: 'openLink', url: m.url } : undefined;
    case 'openEntry': {
      if (!isString(m.id) || !/^[a-z0-9][a-z0-9-]*$/.test(m.id)) return undefined;
      if (m.figure === undefined) return { type: 'openEntry', id: m.id };
      return isFigureIndex(m.figure) ? { type: 'openEntry', id: m.id, figure: m.figure } : undefined;
    }
    case 'copyFigure':
      return isFigureIndex(m.figure) ? { type: 'copyFigure', figure: m.figure } : undefined;
    case 'openUse':
      return isFigureIndex(m.use) ? { type: 'openUse', use: m.use } : undefined;
    case 'openRepository':
    case 'cloneRepository':
    case 'copyLink':
    case 'useUpstreamIndex':
      return { type: m.type };
    default:
      return undefined;
  }
}
