// Character classes of the lexical syntax, shared by the parser and the editor features.

const SYMBOL_PUNCT = new Set(['+', '-', '*', '/', '!', '?', '<', '>', '=', '_', '&', '%', '^', '~', '.']);

function isAlpha(c: string): boolean {
  const code = c.charCodeAt(0);
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /\p{L}/u.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function isSymbolStart(c: string): boolean {
  return isAlpha(c) || SYMBOL_PUNCT.has(c);
}

export function isSymbolChar(c: string): boolean {
  return isSymbolStart(c) || isDigit(c) || c === '#' || (c.charCodeAt(0) >= 0xdc00 && c.charCodeAt(0) <= 0xdfff);
}

/** Characters that end a token. */
export function isDelimiter(c: string): boolean {
  return /[\s()[\]{}"';`,]/.test(c);
}

/**
 * Scans a number starting at `i`: `-?digits(.digits)?([eE][+-]?digits)?`.
 * Returns undefined when `i` does not start a number. An `e` not followed by digits is
 * not part of the number, so `1e` is the integer 1 followed by the symbol `e`.
 */
export function scanNumber(t: string, i: number): { end: number; float: boolean } | undefined {
  let j = i;
  if (t[j] === '-') j++;
  if (!isDigit(t[j])) return undefined;
  while (isDigit(t[j])) j++;
  let float = false;
  if (t[j] === '.' && isDigit(t[j + 1])) {
    j++;
    while (isDigit(t[j])) j++;
    float = true;
  }
  if (t[j] === 'e' || t[j] === 'E') {
    let k = j + 1;
    if (t[k] === '+' || t[k] === '-') k++;
    if (isDigit(t[k])) {
      while (isDigit(t[k])) k++;
      j = k;
      float = true;
    }
  }
  return { end: j, float };
}
