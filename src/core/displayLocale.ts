// The language the pages, the tree and the lookups show an entry's own words
// in: its tagline and summary, where the entry data has them in that language.
// The extension host sets it with the display language (src/locale.ts); the
// pure core reads it, as @vscode/l10n's own configuration is read.

import type { CatalogEntry } from './catalog';
import type { Period } from './model';

export type DisplayLocale = 'en' | 'zh-cn';

let current: DisplayLocale = 'en';

export function setDisplayLocale(locale: DisplayLocale): void {
  current = locale;
}

export function displayLocale(): DisplayLocale {
  return current;
}

/** "February 2025" in English, "2025年2月" in Chinese: a period's date in the display language. */
export function periodWhen(period: Pick<Period, 'when' | 'year' | 'month'>): string | undefined {
  if (current === 'en' || period.year === undefined) return period.when;
  const date = new Date(Date.UTC(period.year, (period.month ?? 1) - 1, 1));
  const options: Intl.DateTimeFormatOptions = period.month ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(current, options).format(date);
}

/** The entry's tagline in the display language, else in English, else the index's description. */
export function taglineOf(item: Pick<CatalogEntry, 'data' | 'entry'>): string {
  const translated = current === 'en' ? undefined : item.data?.translations?.[current]?.tagline;
  return translated ?? item.data?.tagline ?? item.entry.description;
}

/** The entry's summary as HTML in the display language, else in English. */
export function summaryHtmlOf(item: Pick<CatalogEntry, 'summaryHtml' | 'translatedSummaryHtml'>): string | undefined {
  const translated = current === 'en' ? undefined : item.translatedSummaryHtml?.[current];
  return translated ?? item.summaryHtml;
}
