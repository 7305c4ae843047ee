// One way to put an error or an untrusted value into a message or a log line.

/** An error's message (or the thrown value as text), for messages and logs. */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Where a JSON file first breaks its schema, from a validator's errors: "/sha256 must match pattern …". */
export function describeSchemaError(errors: readonly { readonly instancePath: string; readonly message?: string }[] | null | undefined): string {
  const [first] = errors ?? [];
  return `${first?.instancePath || '/'} ${first?.message ?? ''}`;
}

/** An untrusted value as JSON for a log line, cut short: a webview may post anything. */
export function describeValue(value: unknown, max = 200): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
