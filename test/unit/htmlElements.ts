// Reads the attributes of a page's elements, so that tests check which
// attributes an element has and their values, not the order they are written in.

export type Attributes = Readonly<Record<string, string>>;

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** The attributes of every <tag> in the HTML, in document order, with their values unescaped. */
export function elements(html: string, tag: string): Attributes[] {
  return [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>`, 'gi'))].map((m) => attributes(m[1] ?? ''));
}

// The renderers write every attribute as name="value" (checkSafety holds them to it).
function attributes(source: string): Attributes {
  return Object.fromEntries(
    [...source.matchAll(/([^\s="]+)="([^"]*)"/g)].map(([, name, value]) => [name, value.replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])]),
  );
}

/** Whether an element's class attribute lists the class. */
export function hasClass(element: Attributes, name: string): boolean {
  return (element.class ?? '').split(/\s+/).includes(name);
}
