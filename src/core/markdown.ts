// Markdown to HTML for webviews, with marked. Marked does not sanitize, so
// this renderer decides: raw HTML comes out as text, only http(s) links are
// links, and images become links (webviews load no remote images).

import { Marked, type Tokens } from 'marked';
import { escapeAttribute, escapeHtml, safeHttpUrl } from './html';
import { boundMarkdown } from './markdownBounds';

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      const url = safeHttpUrl(href);
      return url ? `<a href="${escapeAttribute(url)}" class="external">${inner}</a>` : inner;
    },
    image({ href, text }: Tokens.Image): string {
      const url = safeHttpUrl(href);
      return url ? `<a href="${escapeAttribute(url)}" class="external">${escapeHtml(text || url)}</a>` : escapeHtml(text);
    },
  },
});

/** Never throws: markdown that marked cannot read comes out as escaped text. */
export function renderMarkdown(markdown: string): string {
  const text = typeof markdown === 'string' ? markdown.replace(/\r\n?/g, '\n') : '';
  try {
    return marked.parse(boundMarkdown(text).text, { async: false });
  } catch {
    return `<p>${escapeHtml(text)}</p>`;
  }
}
