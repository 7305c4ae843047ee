// Where in a JSON value an ajv error points, as a reader writes it:
// "entries.flashmla.figures[3]", "limit". Used by the checks of the entry data
// (entryDataCheck.ts) and of the language-model tools' input (agentToolInput.ts).

/** A value's own property (never one from its prototype); undefined for anything but an object or array. */
export function own(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** "/entries/a~1b/figures/3" → ["entries", "a/b", "figures", "3"] */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ["entries", "flashmla", "figures", "3"] → "entries.flashmla.figures[3]", read against the data for array indexes. */
export function jsonPath(root: unknown, segments: readonly string[]): string {
  let path = '';
  let value = root;
  for (const s of segments) {
    if (Array.isArray(value) && /^\d+$/.test(s)) path += `[${s}]`;
    else if (/^[A-Za-z0-9_$-]+$/.test(s)) path += path ? `.${s}` : s;
    else path += `[${JSON.stringify(s)}]`;
    value = own(value, s);
  }
  return path || '(top level)';
}
