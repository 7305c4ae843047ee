// Checks shared by the webview page tests: the CSP, scripts only by nonce
// from media/, attributes all name="value", no handlers, no inline styles,
// only http(s) links.
import assert from 'node:assert/strict';

/** Text content of an HTML fragment, for checks that do not care about markup. */
export function text(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

export function checkSafety(html: string, nonce: string): void {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(csp, 'has a CSP meta tag');
  const policy = text(csp[1]).trim();
  assert.match(policy, /^default-src 'none'; /);
  assert.ok(policy.includes(`script-src 'nonce-${nonce}'`), 'the CSP names the nonce');
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs] of scripts) {
    assert.ok(attrs.includes(`nonce="${nonce}"`), `script carries the nonce: ${attrs}`);
    assert.match(attrs, /src="https:\/\/file\+\.vscode-resource[^"]*\/media\/[^"]+\.js"/, 'scripts come from media/');
  }
  assert.doesNotMatch(html, /<script\b[^>]*>[^<]+<\/script>/i, 'no inline script body');
  for (const [, tag, attrs] of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi)) {
    // Every attribute value is double-quoted, so a name is what stands outside quotes.
    const rest = attrs.replace(/\s*=\s*"[^"]*"/g, ' ').trim();
    assert.doesNotMatch(rest, /["'<>=]/, `<${tag}> attributes are all name="value": ${attrs}`);
    for (const name of rest.split(/\s+/).filter(Boolean)) {
      assert.doesNotMatch(name, /^on/i, `<${tag}> has no event handler attribute`);
      assert.notEqual(name.toLowerCase(), 'style', `<${tag}> has no inline style`);
    }
  }
  for (const [, href] of html.matchAll(/\bhref="([^"]*)"/g)) {
    assert.match(href, /^https?:\/\//, `only http(s) links: ${href}`);
  }
  assert.doesNotMatch(html, /<form\b|<iframe\b|<object\b|<embed\b/i);
}
