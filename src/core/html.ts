// Escaping for everything that goes into a webview's HTML.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string | number | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Attribute values are always double-quoted by the renderers, so the same escaping serves. */
export const escapeAttribute = escapeHtml;

/** A link out of the webview that shows its address on hover; the text alone without an address. */
export function externalLink(url: string | undefined, text: string): string {
  return url ? `<a class="external" href="${escapeAttribute(url)}" title="${escapeAttribute(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/**
 * An http(s) URL, normalised; undefined for anything else (javascript:, data:,
 * file:…) and for a URL with a user name, which can make one host read as
 * another (https://github.com@evil.example/).
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.username || u.password) return undefined;
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}
