// The input of the language-model tools (issue 15): their names, the types of
// their checked input, and the check itself. The schemas are written once, in
// package.json's contributes.languageModelTools, and the build compiles them
// into validators (scripts/build.mjs); an input that breaks one gets a message
// naming the field and what it should be, for the model to correct its call.
// The messages are in English: they go to the model, not to the user.

import type { CompareDimension } from './compare';
import { describeValue } from './describe';
import { jsonPath, pointerSegments } from './jsonPath';
import * as validators from './generated/toolInputValidators';
import type { ToolInputError, ToolInputValidator } from './generated/toolInputValidators';
import type { FigureScope, Precision } from './model';

export interface FindEntriesInput {
  /** Words to search for; empty lists every entry. */
  readonly query: string;
  readonly limit?: number;
}

export interface GetEntryInput {
  /** An entry's id or name. */
  readonly entry: string;
}

export interface FindFiguresInput {
  readonly query?: string;
  readonly measure?: string;
  readonly unit?: string;
  readonly precision?: Precision;
  readonly hardware?: string;
  readonly scope?: FigureScope;
  /** Only this entry's figures (id or name). */
  readonly entry?: string;
  /** Default true. */
  readonly includeSuperseded?: boolean;
  readonly limit?: number;
}

export interface CompareFiguresInput {
  readonly dimension?: CompareDimension;
  readonly precision?: Precision;
  readonly scope?: FigureScope;
  /** Only these entries' figures (ids or names). */
  readonly entries?: readonly string[];
  /** The most figures per group. */
  readonly limit?: number;
}

/** Each tool's name in package.json, with the type of its checked input. */
export interface ToolInputs {
  readonly infraIndex_findEntries: FindEntriesInput;
  readonly infraIndex_getEntry: GetEntryInput;
  readonly infraIndex_findFigures: FindFiguresInput;
  readonly infraIndex_compareFigures: CompareFiguresInput;
}

export type ToolName = keyof ToolInputs;

const VALIDATORS: Readonly<Record<ToolName, ToolInputValidator>> = {
  infraIndex_findEntries: validators.validate_infraIndex_findEntries,
  infraIndex_getEntry: validators.validate_infraIndex_getEntry,
  infraIndex_findFigures: validators.validate_infraIndex_findFigures,
  infraIndex_compareFigures: validators.validate_infraIndex_compareFigures,
};

/** The tools, in the manifest's order (a unit test keeps the two equal). */
export const TOOL_NAMES: readonly ToolName[] = Object.keys(VALIDATORS) as ToolName[];

export function isToolName(name: string): name is ToolName {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, name);
}

export type CheckedInput<T> = { readonly ok: true; readonly input: T } | { readonly ok: false; readonly error: string };

/** Past this many characters, a value is shown cut short in a message. */
const SHOWN_VALUE = 40;

/** The offending value in a message: a long string by its length, anything else as JSON, cut short. */
function shown(value: unknown): string {
  return typeof value === 'string' && value.length > SHOWN_VALUE ? `a string of ${value.length} characters` : describeValue(value, SHOWN_VALUE);
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** What a value of this schema is, in words: "an integer from 1 to 20", "one of BF16, FP8". */
function expected(schema: Readonly<Record<string, unknown>>): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.join(', ')}`;
  const [min, max] = [num(schema.minimum) ?? num(schema.minLength) ?? num(schema.minItems), num(schema.maximum) ?? num(schema.maxLength) ?? num(schema.maxItems)];
  const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : max !== undefined ? `of at most ${max}` : '';
  switch (schema.type) {
    case 'integer':
      return `an integer ${range}`.trim();
    case 'string':
      return max !== undefined ? `a string of ${min ?? 0} to ${max} characters${schema.pattern ? ', not only spaces' : ''}` : 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return `a list of ${min ?? 0} to ${max ?? 'any number of'} different ${(schema.items as Record<string, unknown> | undefined)?.type ?? 'item'}s`;
    default:
      return `of type ${String(schema.type)}`;
  }
}

function fieldsOf(schema: Readonly<Record<string, unknown>> | undefined): string {
  return Object.keys((schema?.properties as object | undefined) ?? {}).join(', ') || 'none';
}

/** One error as a sentence: "`limit` must be an integer from 1 to 20 (got 0)". */
function describeInputError(input: unknown, error: ToolInputError): string {
  const segments = pointerSegments(error.instancePath);
  const parent = error.parentSchema ?? {};
  if (error.keyword === 'additionalProperties') {
    const name = jsonPath(input, [...segments, String(error.params.additionalProperty)]);
    return `\`${name}\` is not a parameter of this tool (its parameters: ${fieldsOf(parent)})`;
  }
  if (error.keyword === 'required') return `\`${jsonPath(input, [...segments, String(error.params.missingProperty)])}\` is required`;
  if (segments.length === 0) return `the input must be an object with the parameters ${fieldsOf(parent)} (got ${shown(error.data)})`;
  const name = `\`${jsonPath(input, segments)}\``;
  if (error.keyword === 'uniqueItems') return `${name} lists the same value twice`;
  return `${name} must be ${expected(parent)} (got ${shown(error.data)})`;
}

/**
 * The input checked against the tool's schema: typed, or the reason it is
 * not valid, each field's problem once. Never throws.
 */
export function checkToolInput<N extends ToolName>(name: N, input: unknown): CheckedInput<ToolInputs[N]> {
  const validate = VALIDATORS[name];
  if (validate(input)) return { ok: true, input: input as ToolInputs[N] };
  const reasons = [...new Set((validate.errors ?? []).map((e) => describeInputError(input, e)))];
  return { ok: false, error: `The input of ${name} is not valid: ${reasons.join('; ') || 'it does not match the schema'}.` };
}
