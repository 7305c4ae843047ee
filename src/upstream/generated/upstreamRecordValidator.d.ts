// Types of the validator scripts/build.mjs generates beside this file from
// src/upstream/upstreamRecord.schema.json (ajv's standalone output; the .js is not in git).
import type { EntryDataValidator } from '../../core/generated/entriesValidator';

export declare const validateUpstreamRecord: EntryDataValidator;
