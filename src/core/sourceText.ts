// How the view names where the index in use comes from, and how old it is:
// "bundled · upstream of 2025-05-15", "upstream · checked 5 min ago".

/** "just now", "5 min ago", "3 h ago", "2 days ago": the time since `then`. */
export function ageText(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

export type SourceDescription =
  | { readonly kind: 'bundled'; readonly asOf: string }
  | { readonly kind: 'upstream'; readonly checkedAt: number }
  | { readonly kind: 'file'; readonly name: string; readonly readAt: number };

export function sourceText(source: SourceDescription, now: number): string {
  switch (source.kind) {
    case 'bundled':
      return `bundled · upstream of ${source.asOf}`;
    case 'upstream':
      return `upstream · checked ${ageText(source.checkedAt, now)}`;
    case 'file':
      return `${source.name} · read ${ageText(source.readAt, now)}`;
  }
}
