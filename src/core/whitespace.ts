// White space in text read from the index: the checks that every line of a
// large index goes through, so each tries the cheap test before the rewrite.

const BLANK = /^\s*$/;
const INNER_SPACING = /\s\s|[^\S ]/;

/** Whether the text is empty or only white space. */
export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** Runs of white space made one space, and the ends trimmed; most lines need neither. */
export function oneSpaced(text: string): string {
  const trimmed = text.trim();
  return INNER_SPACING.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}
