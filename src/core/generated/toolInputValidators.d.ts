// Types of the validators scripts/build.mjs generates beside this file from
// the input schemas of package.json's contributes.languageModelTools (ajv's
// standalone output, one per tool; the .js is not in git). A validator
// checks only the shape; agentTools.ts gives the checked input its type.

import type { SchemaError } from './entriesValidator';

export interface ToolInputValidator {
  (input: unknown): boolean;
  /** Every error of the last call (compiled with allErrors), or null when it passed. */
  errors?: readonly SchemaError[] | null;
}

export declare const validate_infraIndex_findEntries: ToolInputValidator;
export declare const validate_infraIndex_getEntry: ToolInputValidator;
export declare const validate_infraIndex_findFigures: ToolInputValidator;
export declare const validate_infraIndex_compareFigures: ToolInputValidator;
