// What every page the extension renders must hold, however hostile the index:
// checked on the HTML handed to the webview. Pure (no vscode import), so the
// hostile corpus's test and a quick script outside VS Code can both use it.

export interface Tag {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [name: string, value: string | undefined, quote: string]>;
  readonly raw: string;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an attribute value may hold. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The start tags of a document. The renderers escape every `<`, `>` and quote
 * of text, so a tag ends at the first `>`; a value with a raw `>` would show
 * up as a malformed attribute.
 */
export function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>/g)) {
    const attributes: [string, string | undefined, string][] = [];
    const rest = m[2];
    const attr = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*\/|\s*(\S)/g;
    for (const a of rest.matchAll(attr)) {
      if (a[5] !== undefined) attributes.push([`(stray ${a[5]})`, undefined, '']);
      else if (a[1] !== undefined) {
        const quote = a[2] !== undefined ? '"' : a[3] !== undefined ? "'" : a[4] !== undefined ? 'none' : '';
        attributes.push([a[1].toLowerCase(), a[2] ?? a[3] ?? a[4], quote]);
      }
    }
    tags.push({ name: m[1].toLowerCase(), attributes, raw: m[0] });
  }
  return tags;
}

const ALLOWED_TAGS = new Set(
  'html head meta link title body main header section article div span p a button h1 h2 h3 h4 h5 h6 dl dt dd ul ol li strong em code pre br hr time progress svg g rect line circle path text title defs clippath table caption thead tbody tr th td blockquote del input img script'.split(' '),
);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'srcset', 'background', 'ping']);

/** Problems with a page's HTML; empty when it holds every invariant. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const tags = startTags(html);

  const csp = tags.filter((t) => t.name === 'meta' && t.attributes.some(([n, v]) => n === 'http-equiv' && v?.toLowerCase() === 'content-security-policy'));
  if (csp.length !== 1) problems.push(`${csp.length} CSP meta tags`);
  const policy = decodeEntities(csp[0]?.attributes.find(([n]) => n === 'content')?.[1] ?? '');
  const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  if (directives.get('default-src')?.join(' ') !== "'none'") problems.push(`default-src is not 'none': ${policy}`);
  const scriptSrc = directives.get('script-src') ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(scriptSrc[0] ?? '')?.[1];
  if (scriptSrc.length !== 1 || !nonce) problems.push(`script-src is not one nonce: ${policy}`);
  for (const name of directives.keys()) if (!['default-src', 'style-src', 'img-src', 'font-src', 'script-src'].includes(name)) problems.push(`unexpected CSP directive ${name}`);
  const broad = [...directives.values()].flat().filter((v) => /^'unsafe-|^'strict-dynamic'$|^\*$|^[a-z-]+:$/i.test(v));
  if (broad.length) problems.push(`CSP allows too much (${broad.join(' ')}): ${policy}`);

  const scripts = tags.filter((t) => t.name === 'script');
  if (scripts.length !== 1) problems.push(`${scripts.length} script tags`);
  if ((html.match(/<script/gi) ?? []).length !== 1) problems.push(`${(html.match(/<script/gi) ?? []).length} "<script" in the HTML`);
  for (const s of scripts) {
    const attrs = new Map(s.attributes.map(([n, v]) => [n, v]));
    if (!nonce || attrs.get('nonce') !== nonce) problems.push(`a script without the page's nonce: ${s.raw}`);
    if (!attrs.get('src')) problems.push(`an inline script: ${s.raw}`);
  }
  if (!/<script [^>]*><\/script>\s*<\/body>\s*<\/html>\s*$/.test(html)) problems.push('the page does not end with its one script');

  for (const tag of tags) {
    if (!ALLOWED_TAGS.has(tag.name)) problems.push(`unexpected element <${tag.name}>: ${tag.raw.slice(0, 200)}`);
    for (const [name, value, quote] of tag.attributes) {
      if (name.startsWith('(stray')) problems.push(`malformed tag ${name}: ${tag.raw.slice(0, 200)}`);
      else if (/^on/i.test(name)) problems.push(`event handler attribute ${name}: ${tag.raw.slice(0, 200)}`);
      else if (name === 'style' || name === 'srcdoc') problems.push(`${name} attribute: ${tag.raw.slice(0, 200)}`);
      if (value !== undefined && quote !== '"') problems.push(`attribute ${name} not double-quoted: ${tag.raw.slice(0, 200)}`);
      if (!URL_ATTRIBUTES.has(name) || value === undefined) continue;
      const url = decodeEntities(value).trim();
      const ok = name === 'href' ? /^https?:\/\//i.test(url) || /^#[^\s]*$/.test(url) : name === 'src' && tag.name === 'script' && /^https?:\/\//i.test(url);
      if (!ok) problems.push(`${name} is not http(s) or #: ${url.slice(0, 200)}`);
      if (/^https?:/i.test(url) && /["<>\s]/.test(url)) problems.push(`${name} holds a double quote, bracket or space: ${url.slice(0, 200)}`);
    }
  }
  if (/<style/i.test(html)) problems.push('a <style> element');
  return problems;
}
