// How the view names where the index in use comes from, and how old it is:
// "bundled · upstream of 2025-05-15", "upstream · checked 5 min ago".

import * as l10n from '@vscode/l10n';

/** "just now", "5 min ago", "3 h ago", "2 days ago": the time since `then`. */
export function ageText(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  if (minutes < 1) return l10n.t('just now');
  if (minutes < 60) return l10n.t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return l10n.t('{0} h ago', hours);
  const days = Math.floor(hours / 24);
  return days === 1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', days);
}

export type SourceDescription =
  | { readonly kind: 'bundled'; readonly asOf: string }
  | { readonly kind: 'upstream'; readonly checkedAt: number }
  | { readonly kind: 'file'; readonly name: string; readonly readAt: number };

export function sourceText(source: SourceDescription, now: number): string {
  switch (source.kind) {
    case 'bundled':
      return l10n.t('bundled · upstream of {0}', source.asOf);
    case 'upstream':
      return l10n.t('upstream · checked {0}', ageText(source.checkedAt, now));
    case 'file':
      return l10n.t('{0} · read {1}', source.name, ageText(source.readAt, now));
  }
}
