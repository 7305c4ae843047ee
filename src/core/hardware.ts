// GPU generations: figures taken on different generations (an H800 and a
// B200) do not compare, so charts and rooflines keep them apart.

import type { Figure } from './model';

export type Generation = 'Hopper' | 'Blackwell' | 'Ampere';

// SM90 and SM100 are the compute capabilities DeepEP's tables name.
const HOPPER = /\b(?:H800|H100|H200|H20|Hopper|SM90)\b/i;
const BLACKWELL = /\b(?:GB200|B200|Blackwell|SM100)\b/i;
const AMPERE = /\b(?:A100|A800|Ampere|SM80)\b/i;

/**
 * The generation a figure was taken on, from its hardware (or, failing that,
 * its conditions); undefined when they name none, or more than one.
 */
export function generationOf(f: Pick<Figure, 'hardware' | 'conditions'>): Generation | undefined {
  return generationIn(f.hardware) ?? generationIn(f.conditions);
}

function generationIn(text: string | undefined): Generation | undefined {
  if (!text) return undefined;
  const named = [HOPPER.test(text) && 'Hopper', BLACKWELL.test(text) && 'Blackwell', AMPERE.test(text) && 'Ampere'].filter((g): g is Generation => !!g);
  return named.length === 1 ? named[0] : undefined;
}
