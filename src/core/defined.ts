/** The object without its undefined fields, so that it compares and serialises cleanly. */
export function withoutUndefined<T extends object>(o: T): T {
  // A loop rather than Object.entries/fromEntries: figures are built this way by the thousand.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o)) {
    const value = (o as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
