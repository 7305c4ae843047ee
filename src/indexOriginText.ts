import type { IndexOrigin } from './indexStore';
import { sourceText } from './core/sourceText';
import { BUNDLED_AS_OF } from './upstream/updates';

/** Where the index in use comes from, and how old it is, in the display language: "bundled · upstream of 2025-05-15", "team.md · read just now". */
export function indexOriginText(origin: IndexOrigin, now: number): string {
  switch (origin.kind) {
    case 'bundled':
      return sourceText({ kind: 'bundled', asOf: BUNDLED_AS_OF.date }, now);
    case 'upstream':
      return sourceText({ kind: 'upstream', checkedAt: origin.checkedAt }, now);
    case 'file':
      return sourceText({ kind: 'file', name: origin.uri.path.split('/').pop() ?? origin.uri.path, readAt: origin.readAt }, now);
  }
}
