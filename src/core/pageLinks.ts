// The links a rendered page shows: the hrefs of its <a> elements, read back
// from the HTML itself, so that a panel opens exactly what its page offers and
// nothing a page script (or anything else posting to it) makes up.

const ANCHOR_HREF = /<a\b[^>]*?\shref="([^"]*)"/g;

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&amp;', '&'],
  ['&lt;', '<'],
  ['&gt;', '>'],
  ['&quot;', '"'],
  ['&#39;', "'"],
]);

/** Undoes escapeAttribute, as the browser does before the page script reads an href. */
function unescapeAttribute(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES.get(e) ?? e);
}

/** The hrefs of every link in a page rendered by panelHtml.ts or compareHtml.ts, as the page script posts them. */
export function pageLinks(html: string): ReadonlySet<string> {
  return new Set([...html.matchAll(ANCHOR_HREF)].map((m) => unescapeAttribute(m[1])));
}
