// Checks parsed entry data against media/entries.schema.json (through the
// validator the build compiles from it) and keeps what is valid: a bad figure
// drops that figure, a bad required field drops the entry's data, a bad
// optional or unknown field drops that field, a bad top level drops the file.
// Each error becomes a problem that names its JSON path.

import type { EntryData, EntryDataFile } from './entryData';
import { validateEntryDataFile, type SchemaError } from './generated/entriesValidator';
import type { Problem } from './model';
import { jsonPath, own, pointerSegments } from './jsonPath';

/** The fields an entry cannot do without (the schema's `required`; a unit test keeps them equal). */
export const REQUIRED_ENTRY_FIELDS: ReadonlySet<string> = new Set<keyof EntryData>([
  'kind',
  'tagline',
  'summary',
  'released',
  'license',
  'languages',
  'related',
  'figures',
]);

/** Past this many, the rest of the problems are counted rather than listed. */
const MAX_PROBLEMS = 50;

export interface CheckedEntryData {
  /** What survived; undefined when the file as a whole is unusable. */
  readonly data?: EntryDataFile;
  readonly problems: readonly Problem[];
}

type Drop =
  | { readonly what: 'file' }
  | { readonly what: 'entry'; readonly id: string }
  | { readonly what: 'field'; readonly id: string; readonly field: string }
  | { readonly what: 'figure'; readonly id: string; readonly index: number };

const CONSEQUENCE: ReadonlyMap<Drop['what'], string> = new Map([
  ['file', 'the entry data file is left out'],
  ['entry', "the entry's data is left out"],
  ['field', 'the field is left out'],
  ['figure', 'the figure is left out'],
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an error costs, and the path and message its problem reads with. */
function classify(root: unknown, error: SchemaError): { drop: Drop; path: string; message: string } {
  const segments = pointerSegments(error.instancePath);
  let message = error.message ?? `fails "${error.keyword}"`;
  const extra = error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
  if (typeof extra === 'string') {
    segments.push(extra);
    message = 'is not a field the schema knows';
  }
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) message += `: ${error.params.allowedValues.join(', ')}`;
  const nameError = error.propertyName ?? error.params.propertyName;
  if (segments.length === 1 && segments[0] === 'entries' && typeof nameError === 'string') {
    segments.push(nameError);
    message = error.keyword === 'propertyNames' ? 'is not a valid entry id' : `as an entry id ${message}`;
  }
  const path = jsonPath(root, segments);
  const [top, id, field, index] = segments;
  if (top !== 'entries' || id === undefined) return { drop: { what: 'file' }, path, message };
  if (field === undefined) return { drop: { what: 'entry', id }, path, message };
  if (field === 'figures' && index !== undefined && /^\d+$/.test(index)) return { drop: { what: 'figure', id, index: Number(index) }, path, message };
  if (REQUIRED_ENTRY_FIELDS.has(field)) return { drop: { what: 'entry', id }, path, message };
  return { drop: { what: 'field', id, field }, path, message };
}

/** Validates parsed entry data; never throws. */
export function checkEntryData(value: unknown): CheckedEntryData {
  if (!isRecord(value) || !isRecord(own(value, 'entries'))) {
    return { problems: [{ line: 0, message: 'The entry data file has no "entries" object.' }] };
  }
  if (validateEntryDataFile(value)) return { data: value as unknown as EntryDataFile, problems: [] };

  const errors = validateEntryDataFile.errors ?? [];
  const problems: Problem[] = [];
  let dropFile = errors.length === 0;
  const dropEntries = new Set<string>();
  const dropFields = new Map<string, Set<string>>();
  const dropFigures = new Map<string, Set<number>>();
  const seen = new Set<string>();
  for (const error of errors) {
    const { drop, path, message } = classify(value, error);
    if (drop.what === 'file') dropFile = true;
    else if (drop.what === 'entry') dropEntries.add(drop.id);
    else if (drop.what === 'field') dropFields.set(drop.id, (dropFields.get(drop.id) ?? new Set()).add(drop.field));
    else dropFigures.set(drop.id, (dropFigures.get(drop.id) ?? new Set()).add(drop.index));
    const text = `Entry data: ${path}: ${message}; ${CONSEQUENCE.get(drop.what)}.`;
    if (!seen.has(text)) {
      seen.add(text);
      problems.push({ line: 0, message: text });
    }
  }
  const listed = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), { line: 0, message: `Entry data: ${problems.length - MAX_PROBLEMS} more problems.` }] : problems;
  if (dropFile) return { problems: listed };

  const rawEntries = own(value, 'entries') as Record<string, unknown>;
  // Keyed by data: no prototype, so "__proto__" or "constructor" is only ever an own key.
  const entries: Record<string, EntryData> = Object.create(null) as Record<string, EntryData>;
  for (const id of Object.keys(rawEntries)) {
    if (dropEntries.has(id)) continue;
    const entry: Record<string, unknown> = { ...(rawEntries[id] as Record<string, unknown>) };
    for (const field of dropFields.get(id) ?? []) delete entry[field];
    const figures = dropFigures.get(id);
    if (figures && Array.isArray(entry.figures)) entry.figures = entry.figures.filter((_, i) => !figures.has(i));
    entries[id] = entry as unknown as EntryData;
  }
  return { data: { ...value, entries } as EntryDataFile, problems: listed };
}
