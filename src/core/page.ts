// The document around every webview page: a strict CSP, the stylesheets and
// the one script from media/, both through the webview's URIs, the script
// under a nonce made afresh for each render.

import { displayLocale } from './displayLocale';
import { withoutUndefined } from './defined';
import { escapeAttribute, escapeHtml } from './html';

export interface PageAssets {
  /** webview.cspSource */
  readonly cspSource: string;
  /** Stylesheets from media/, in order (the shared base first). */
  readonly styleUris: readonly string[];
  readonly scriptUri: string;
  /** A fresh random nonce for this render. */
  readonly nonce: string;
}

export function contentSecurityPolicy(assets: Pick<PageAssets, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src ${assets.cspSource}`,
    `img-src ${assets.cspSource}`,
    `font-src ${assets.cspSource}`,
    `script-src 'nonce-${assets.nonce}'`,
  ].join('; ');
}

export interface DocumentParts {
  readonly title: string;
  /** data-* and class attributes of <body>; undefined values are left out. */
  readonly bodyAttributes?: Readonly<Record<string, string | number | undefined>>;
  /** The body's HTML, already escaped by the page's renderer. */
  readonly body: string;
  /** What the page's live region says once the page has loaded: what changed, when a page is drawn again. */
  readonly announce?: string;
}

export function htmlDocument(assets: PageAssets, parts: DocumentParts): string {
  const attributes = Object.entries(withoutUndefined({ ...parts.bodyAttributes, 'data-announce': parts.announce || undefined }))
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  const styles = assets.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeAttribute(uri)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="${displayLocale() === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(assets))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(parts.title)}</title>
</head>
<body${attributes}>
${parts.body}
<div id="announce" class="visually-hidden" role="status" aria-live="polite"></div>
<script nonce="${escapeAttribute(assets.nonce)}" src="${escapeAttribute(assets.scriptUri)}"></script>
</body>
</html>`;
}
