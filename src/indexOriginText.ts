// Where the index in use comes from, in words: for the user (the view's
// title, a panel whose entry is gone) and for a language model (the first line
// of every tool result).

import { BUNDLED_INDEX_SOURCE } from './core/indexSource';
import type { IndexOrigin } from './indexStore';
import { sourceText } from './core/sourceText';
import { BUNDLED_AS_OF } from './upstream/updates';

/** The name of the user's index file, without its folder. */
function fileName(origin: Extract<IndexOrigin, { kind: 'file' }>): string {
  return origin.uri.path.split('/').pop() ?? origin.uri.path;
}

/** Where the index in use comes from, and how old it is, in the display language: "bundled · upstream of 2025-05-15", "team.md · read just now". */
export function indexOriginText(origin: IndexOrigin, now: number): string {
  switch (origin.kind) {
    case 'bundled':
      return sourceText({ kind: 'bundled', asOf: BUNDLED_AS_OF.date }, now);
    case 'upstream':
      return sourceText({ kind: 'upstream', checkedAt: origin.checkedAt }, now);
    case 'file':
      return sourceText({ kind: 'file', name: fileName(origin), readAt: origin.readAt }, now);
  }
}

/** The same for a language model, in English with full commit and dates: "bundled copy of deepseek-ai/open-infra-index README.md @ 56d86855… (2025-05-15)". */
export function indexLabel(origin: IndexOrigin): string {
  switch (origin.kind) {
    case 'bundled':
      return `bundled copy of ${BUNDLED_INDEX_SOURCE.repo} ${BUNDLED_INDEX_SOURCE.path} @ ${BUNDLED_INDEX_SOURCE.commit ?? BUNDLED_AS_OF.commit} (${BUNDLED_AS_OF.date})`;
    case 'upstream':
      return `upstream index from ${origin.url}, fetched ${new Date(origin.fetchedAt).toISOString()}`;
    case 'file':
      return `the user's own index file ${fileName(origin)}, read ${new Date(origin.readAt).toISOString()}`;
  }
}
