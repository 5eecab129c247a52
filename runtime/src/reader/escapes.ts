// String escape sequences (`\n`, `\x41;`, `\u03BB`, `\U0001F600`, ...).

export interface EscapeResult {
  value: string;
  /** Offset just past the escape. */
  end: number;
  error?: string;
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '0': '\0', $: '$', a: '\x07', b: '\b', e: '\x1b' };

/** Decodes the escape whose letter is at `i` (just after the backslash). */
export function readEscape(t: string, i: number): EscapeResult {
  const c = t[i]!;
  const simple = SIMPLE[c];
  if (simple !== undefined) return { value: simple, end: i + 1 };
  if (c === 'x') {
    let j = i + 1;
    while (j < t.length && /[0-9a-fA-F]/.test(t[j]!)) j++;
    if (j === i + 1) return { value: '', end: j, error: 'empty hex escape \\x;' };
    if (t[j] !== ';') return { value: '', end: j, error: 'hex escape \\x missing terminating semicolon' };
    return codePoint(t.slice(i + 1, j), j + 1, `\\x${t.slice(i + 1, j)};`);
  }
  if (c === 'u' || c === 'U') {
    const n = c === 'u' ? 4 : 8;
    const hex = t.slice(i + 1, i + 1 + n);
    if (hex.length < n || !/^[0-9a-fA-F]+$/.test(hex)) {
      return { value: '', end: Math.min(t.length, i + 1 + n), error: `invalid unicode escape \\${c}${hex}` };
    }
    return codePoint(hex, i + 1 + n, `\\${c}${hex}`);
  }
  // Unknown escapes are kept as written, as the reference does.
  return { value: '\\' + c, end: i + 1 };
}

function codePoint(hex: string, end: number, written: string): EscapeResult {
  const code = parseInt(hex, 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    return { value: '', end, error: `invalid unicode scalar value ${written}` };
  }
  return { value: String.fromCodePoint(code), end };
}
