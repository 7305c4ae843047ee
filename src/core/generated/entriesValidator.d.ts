// Types of the validator scripts/build.mjs generates beside this file from
// media/entries.schema.json (ajv's standalone output; the .js is not in git).

/** One way the data breaks the schema, as ajv reports it. */
export interface SchemaError {
  /** JSON Pointer to the offending value: "/entries/flashmla/figures/3/value". */
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** For propertyNames: the key that is not allowed. */
  readonly propertyName?: string;
  readonly message?: string;
}

export interface EntryDataValidator {
  (data: unknown): boolean;
  /** Every error of the last call (the validator is compiled with allErrors), or null when it passed. */
  errors?: readonly SchemaError[] | null;
}

export declare const validateEntryDataFile: EntryDataValidator;
