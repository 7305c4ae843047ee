// Detects and repairs text that was UTF-8 but got decoded as a Windows code
// page and encoded again ("ğŸ”—" for "🔗", "â€“" for "–"). Each non-ASCII
// character is mapped back to its code-page byte; when those bytes form
// valid multi-byte UTF-8 sequences, the line was mis-decoded.

const CODE_PAGES = ['windows-1254', 'windows-1252'] as const;

type ReverseMap = ReadonlyMap<string, number>;

let reverseMaps: Map<string, ReverseMap> | undefined;

function reverseMap(codePage: string): ReverseMap {
  reverseMaps ??= new Map();
  let map = reverseMaps.get(codePage);
  if (!map) {
    const decoder = new TextDecoder(codePage);
    const m = new Map<string, number>();
    for (let byte = 0x80; byte <= 0xff; byte++) {
      m.set(decoder.decode(new Uint8Array([byte])), byte);
    }
    map = m;
    reverseMaps.set(codePage, map);
  }
  return map;
}

function toBytes(line: string, map: ReverseMap): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const byte = map.get(ch);
    if (byte === undefined) return undefined; // a character no code page makes: not mojibake
    bytes.push(byte);
  }
  return Uint8Array.from(bytes);
}

/** Counts well-formed UTF-8 multi-byte sequences. */
function multiByteSequences(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len === 0) continue;
    let ok = i + len <= bytes.length;
    for (let j = 1; ok && j < len; j++) ok = (bytes[i + j] & 0xc0) === 0x80;
    if (ok) {
      count++;
      i += len - 1;
    }
  }
  return count;
}

const LEAD = 1;
const CONTINUATION = 2;

interface Signature {
  /** A lead character followed by a continuation character. */
  readonly pattern: RegExp;
  /** By UTF-16 code unit: LEAD and CONTINUATION bits, for scans that read the characters one by one. */
  readonly classes: Uint8Array;
}

let signature: Signature | undefined;

/** The characters that code pages make of UTF-8 lead bytes (0xC2–0xF4) and continuation bytes (0x80–0xBF). */
function mojibakeSignature(): Signature {
  if (!signature) {
    const lead = new Set<string>();
    const continuation = new Set<string>();
    for (const codePage of CODE_PAGES) {
      for (const [ch, byte] of reverseMap(codePage)) {
        if (byte >= 0xc2 && byte <= 0xf4) lead.add(ch);
        if (byte >= 0x80 && byte <= 0xbf) continuation.add(ch);
      }
    }
    const charClass = (chars: Set<string>): string =>
      [...chars].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const classes = new Uint8Array(Math.max(...[...lead, ...continuation].map((c) => c.charCodeAt(0))) + 1);
    for (const c of lead) classes[c.charCodeAt(0)] |= LEAD;
    for (const c of continuation) classes[c.charCodeAt(0)] |= CONTINUATION;
    signature = { pattern: new RegExp(`[${charClass(lead)}][${charClass(continuation)}]`), classes };
  }
  return signature;
}

/**
 * Whether the text may hold mis-decoded UTF-8: a character that a code page
 * makes of a UTF-8 lead byte (0xC2–0xF4) followed by one it makes of a
 * continuation byte (0x80–0xBF). Text without such a pair has nothing to repair.
 */
export function mayBeMojibake(text: string): boolean {
  return mojibakeSignature().pattern.test(text);
}

/**
 * Whether the character at `i` completes the pair that mayBeMojibake looks
 * for: for a scan that reads every character anyway, and so needs no second pass.
 */
export function endsMojibakePair(text: string, i: number): boolean {
  const { classes } = mojibakeSignature();
  const code = text.charCodeAt(i);
  if (code >= classes.length || (classes[code] & CONTINUATION) === 0 || i === 0) return false;
  const previous = text.charCodeAt(i - 1);
  return previous < classes.length && (classes[previous] & LEAD) !== 0;
}

export interface Repair {
  readonly text: string;
  /** True when some characters could not be recovered (shown as U+FFFD). */
  readonly lossy: boolean;
  readonly codePage: string;
}

/**
 * Returns the repaired line when it looks mis-decoded, or undefined when it
 * looks like ordinary text.
 */
export function repairMojibake(line: string): Repair | undefined {
  if (!mayBeMojibake(line)) return undefined;
  let best: Repair | undefined;
  let bestLost = Infinity;
  for (const codePage of CODE_PAGES) {
    const bytes = toBytes(line, reverseMap(codePage));
    if (!bytes || multiByteSequences(bytes) === 0) continue;
    const text = new TextDecoder('utf-8').decode(bytes);
    const lost = (text.match(/\uFFFD/g) ?? []).length;
    if (lost < bestLost) {
      best = { text, lossy: lost > 0, codePage };
      bestLost = lost;
    }
  }
  return best;
}
