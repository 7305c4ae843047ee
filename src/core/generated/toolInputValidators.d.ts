// Types of the validators scripts/build.mjs generates beside this file from
// the input schemas of package.json's contributes.languageModelTools (ajv's
// standalone output, one per tool; the .js is not in git). A validator
// checks only the shape; agentToolInput.ts gives the checked input its type.

import type { SchemaError } from './entriesValidator';

/** An error of a validator compiled with ajv's `verbose`: it carries the schema and the value it is about. */
export interface ToolInputError extends SchemaError {
  /** The schema of the offending value: a property's, or the object's for required and additionalProperties. */
  readonly parentSchema?: Readonly<Record<string, unknown>>;
  /** The offending value. */
  readonly data?: unknown;
}

export interface ToolInputValidator {
  (input: unknown): boolean;
  /** Every error of the last call (compiled with allErrors), or null when it passed. */
  errors?: readonly ToolInputError[] | null;
}

export declare const validate_infraIndex_findEntries: ToolInputValidator;
export declare const validate_infraIndex_getEntry: ToolInputValidator;
export declare const validate_infraIndex_findFigures: ToolInputValidator;
export declare const validate_infraIndex_compareFigures: ToolInputValidator;
