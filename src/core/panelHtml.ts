// Renders an entry's panel as HTML. Pure: the VS Code layer passes in the
// webview's CSP source, asset URIs and a fresh nonce.

import type { CatalogEntry } from './catalog';
import { figureLabel } from './figures';
import { escapeAttribute, escapeHtml } from './html';

export interface PageAssets {
  /** webview.cspSource */
  readonly cspSource: string;
  readonly styleUri: string;
  readonly scriptUri: string;
  /** A fresh random nonce for this render. */
  readonly nonce: string;
}

export function contentSecurityPolicy(assets: PageAssets): string {
  return [
    "default-src 'none'",
    `style-src ${assets.cspSource}`,
    `img-src ${assets.cspSource}`,
    `font-src ${assets.cspSource}`,
    `script-src 'nonce-${assets.nonce}'`,
  ].join('; ');
}

export function renderEntryPage(item: CatalogEntry, assets: PageAssets): string {
  const { entry } = item;
  const figures = item.figures
    .map((f) => `<li class="figure">${escapeHtml(figureLabel(f))}${f.measure ? ` — ${escapeHtml(f.measure)}` : ''}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(assets))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(assets.styleUri)}">
<title>${escapeHtml(entry.name)}</title>
</head>
<body data-entry-id="${escapeAttribute(entry.id)}">
<main>
<h1>${escapeHtml(entry.name)}</h1>
<p class="tagline">${escapeHtml(item.data?.tagline ?? entry.description)}</p>
<ul class="figures">${figures}</ul>
</main>
<script nonce="${escapeAttribute(assets.nonce)}" src="${escapeAttribute(assets.scriptUri)}"></script>
</body>
</html>`;
}
