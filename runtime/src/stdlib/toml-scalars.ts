// The TOML reader's cursor and its scalar values: strings (all four kinds), integers,
// floats, booleans and date-times (kept as normalised strings, as the reference does).
// Errors carry an offset and length and are worded like the reference's (toml_edit).

import { Float, type Value } from '../eval/values';

/** A parse error at `offset` (-1 when it has no place, like the nesting limit). */
export class TomlSyntaxError extends Error {
  constructor(message: string, readonly offset: number, readonly length = 1) {
    super(message);
  }
}

/** The text being read and a position in it; every reader function advances `pos`. */
export class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  peek(): string {
    return this.text[this.pos] ?? '';
  }
  at(offset: number): string {
    return this.text[this.pos + offset] ?? '';
  }
  eof(): boolean {
    return this.pos >= this.text.length;
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }
  fail(message: string, offset = this.pos, length = 1): never {
    throw new TomlSyntaxError(message, offset, length);
  }
  /** Spaces and tabs. */
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  /** A `#` comment up to (not including) the line break. */
  skipComment(): void {
    if (this.peek() !== '#') return;
    while (!this.eof() && this.peek() !== '\n' && !this.startsWith('\r\n')) {
      if (isBadControl(this.text.charCodeAt(this.pos))) this.fail('invalid comment character, expected printable characters');
      this.pos++;
    }
  }
  /** A line break (\n or \r\n); false if there is none here. */
  newline(): boolean {
    if (this.peek() === '\n') {
      this.pos++;
      return true;
    }
    if (this.peek() === '\r') {
      if (this.at(1) !== '\n') this.fail('carriage return must be followed by newline, expected newline', this.pos + 1);
      this.pos += 2;
      return true;
    }
    return false;
  }
  /** Spaces, comments and line breaks (inside arrays and inline tables). */
  skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      this.skipComment();
      if (!this.newline()) return;
    }
  }
}

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Control characters no string may hold as they are (tab excepted). */
function isBadControl(c: number): boolean {
  return (c < 0x20 && c !== 9) || c === 0x7f;
}

/** One escape after a backslash (the cursor is on the character after it). */
function readEscape(cur: Cursor): string {
  const c = cur.peek();
  const simple = ESCAPES[c];
  if (simple !== undefined) {
    cur.pos++;
    return simple;
  }
  const width = HEX_DIGITS[c];
  if (width === undefined) cur.fail('missing escaped value, expected `b`, `e`, `f`, `n`, `r`, `\\`, `"`, `x`, `u`, `U`');
  const start = ++cur.pos;
  while (cur.pos - start < width && /[0-9a-fA-F]/.test(cur.peek())) cur.pos++;
  if (cur.pos - start < width) cur.fail('too few unicode value digits, expected unicode hexadecimal value');
  const code = parseInt(cur.text.slice(start, cur.pos), 16);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) cur.fail('invalid value, expected unicode hexadecimal value', start);
  return String.fromCodePoint(code);
}

/**
 * A basic (`"`) or literal (`'`) string, single- or multi-line (the cursor is on the
 * first quote). Only basic strings have escapes.
 */
const LINE_END_ESCAPE = /[ \t]*\r?\n/y;

function readString(cur: Cursor, quote: '"' | "'"): string {
  const triple = quote.repeat(3);
  const multi = cur.startsWith(triple);
  cur.pos += multi ? 3 : 1;
  if (multi) cur.newline();
  const basic = quote === '"';
  const kind = `${multi ? 'multi-line ' : ''}${basic ? 'basic' : 'literal'} string`;
  let out = '';
  for (;;) {
    if (cur.eof()) cur.fail(`invalid ${kind}, expected \`${quote}\``);
    const c = cur.peek();
    if (c === quote && (!multi || cur.startsWith(triple))) {
      // Up to two quotes right before a closing triple belong to the string.
      let run = multi ? 3 : 1;
      while (multi && run < 5 && cur.at(run) === quote) run++;
      cur.pos += run;
      return out + quote.repeat(multi ? run - 3 : 0);
    }
    if (c === '\\' && basic) {
      cur.pos++;
      LINE_END_ESCAPE.lastIndex = cur.pos;
      if (multi && LINE_END_ESCAPE.test(cur.text)) {
        // A line-ending backslash drops the break and the blank space after it.
        while (/[ \t\r\n]/.test(cur.peek())) {
          if (cur.peek() === '\r') cur.newline();
          else cur.pos++;
        }
      } else out += readEscape(cur);
    } else if (c === '\n' || c === '\r') {
      if (!multi) cur.fail(`invalid ${kind}, expected \`${quote}\``);
      // Line breaks are kept as written (\r\n stays \r\n), as the reference keeps them.
      const from = cur.pos;
      cur.newline();
      out += cur.text.slice(from, cur.pos);
    } else if (isBadControl(c.charCodeAt(0))) {
      cur.fail(basic ? `invalid ${kind}, expected non-double-quote visible characters, \`\\\`` : `invalid ${kind}, expected non-single-quote visible characters`);
    } else {
      out += c;
      cur.pos++;
    }
  }
}

export const readBasicString = (cur: Cursor): string => readString(cur, '"');
export const readLiteralString = (cur: Cursor): string => readString(cur, "'");

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function checkDate(text: string, fail: (m: string) => never): string {
  const m = DATE.exec(text);
  if (m === null) fail('invalid date, expected a two-digit day (DD)');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) fail('invalid date, expected month between 01 and 12');
  const days = mo === 2 && !isLeap(y) ? 28 : DAYS_IN_MONTH[mo - 1]!;
  if (d < 1 || d > days) fail(`invalid date, expected day between 01 and ${days}`);
  return text;
}

/** `HH:MM[:SS[.frac]]`, the fraction cut to nanoseconds without trailing zeros. */
function checkTime(text: string, fail: (m: string) => never): string {
  const m = TIME.exec(text);
  if (m === null) {
    if (text === '') fail('invalid time, expected hour');
    fail(text.includes('.') ? 'invalid time, expected nanosecond' : 'invalid time, expected a two-digit time (HH:MM)');
  }
  if (Number(m[1]) > 23) fail('invalid time, expected hour between 00 and 23');
  if (Number(m[2]) > 59) fail('invalid time, expected minute between 00 and 59');
  if (m[3] !== undefined && Number(m[3]) > 60) fail('invalid time, expected second between 00 and 60');
  let out = `${m[1]}:${m[2]}`;
  if (m[3] !== undefined) out += `:${m[3]}`;
  if (m[4] !== undefined) out += '.' + (m[4].slice(0, 9).replace(/0+$/, '') || '0');
  return out;
}

function checkOffset(text: string, fail: (m: string) => never): string {
  if (text === 'Z' || text === 'z') return 'Z';
  const m = /^[+-](\d{2}):(\d{2})$/.exec(text);
  if (m === null) fail('invalid offset, expected `Z`, `+HH:MM` or `-HH:MM`');
  if (Number(m[1]) > 23) fail('invalid offset, expected hours between 00 and 23');
  if (Number(m[2]) > 59) fail('invalid offset, expected minutes between 00 and 59');
  return text;
}

/** A date, time or date-time token as the reference prints it (`T` separator, `Z` upper-case). */
export function readDateTime(token: string, fail: (m: string) => never): string {
  // A time of day alone has no offset.
  if (!/^\d{4}-/.test(token)) return /[Zz+-]/.test(token) ? fail('invalid datetime') : checkTime(token, fail);
  const sep = token.search(/[Tt ]/);
  if (sep < 0) return checkDate(token, fail);
  const date = checkDate(token.slice(0, sep), fail);
  const rest = token.slice(sep + 1);
  const zone = rest.search(/[Zz+-]/);
  const time = checkTime(zone < 0 ? rest : rest.slice(0, zone), fail);
  return `${date}T${time}${zone < 0 ? '' : checkOffset(rest.slice(zone), fail)}`;
}

const I64_MAX = 2n ** 63n - 1n;

/** Checks `_` placement in a digit run starting at `offset`; returns the digits alone. */
function digitsOf(cur: Cursor, run: string, offset: number): string {
  for (let i = 0; i < run.length; i++) {
    if (run[i] !== '_') continue;
    const ok = i > 0 && i < run.length - 1 && run[i - 1] !== '_' && run[i + 1] !== '_';
    if (!ok) cur.fail('`_` may only go between digits, expected nothing', offset + i);
  }
  return run.replace(/_/g, '');
}

const RADIX: Record<string, { base: number; digit: RegExp; name: string }> = {
  x: { base: 16, digit: /[0-9a-fA-F_]/, name: 'hexadecimal' },
  o: { base: 8, digit: /[0-7_]/, name: 'octal' },
  b: { base: 2, digit: /[01_]/, name: 'binary' },
};

function toInt(cur: Cursor, big: bigint, start: number, length: number): number {
  if (big > I64_MAX || big < -I64_MAX - 1n) cur.fail('u64 value was too large', start, length);
  return Number(big);
}

/** An integer or float token (the cursor is on its first character). */
export function readNumber(cur: Cursor, token: string): Value {
  const start = cur.pos;
  const radix = RADIX[token[1] ?? ''];
  if (token[0] === '0' && radix !== undefined) {
    const body = token.slice(2);
    const bad = [...body].findIndex((c) => !radix.digit.test(c));
    if (bad >= 0) cur.fail(`invalid ${radix.name} number`, start + 2 + bad);
    if (body === '') cur.fail('integer number overflowed', start, 2);
    const digits = digitsOf(cur, body, start + 2);
    return toInt(cur, BigInt((token.slice(0, 2).toLowerCase()) + digits), start, token.length);
  }
  if ((token[0] === '+' || token[0] === '-') && token[1] === '0' && RADIX[token[2] ?? ''] !== undefined) {
    cur.fail('integers with a radix cannot be signed, expected nothing', start);
  }
  const sign = token[0] === '+' || token[0] === '-' ? 1 : 0;
  const m = /^([0-9_]*)(\.([0-9_]*))?([eE]([+-]?)([0-9_]*))?$/.exec(token.slice(sign));
  if (m === null || m[1] === '') cur.fail('string values must be quoted, expected literal string', start, token.length);
  const intRun = m[1]!;
  const intStart = start + sign;
  if (intRun.length > 1 && intRun[0] === '0') cur.fail('unexpected leading zero, expected nothing', intStart);
  const intDigits = digitsOf(cur, intRun, intStart);
  if (m[2] === undefined && m[4] === undefined) {
    return toInt(cur, BigInt((token[0] === '-' ? '-' : '') + intDigits), start, token.length);
  }
  let text = intDigits;
  let at = intStart + intRun.length;
  if (m[2] !== undefined) {
    if (m[3] === '') cur.fail('invalid fraction, expected digits', at + 1);
    text += '.' + digitsOf(cur, m[3]!, at + 1);
    at += m[2].length;
  }
  if (m[4] !== undefined) {
    const expStart = at + 1 + m[5]!.length;
    if (m[6] === '') cur.fail('invalid exponent, expected digits', expStart);
    text += 'e' + m[5]! + digitsOf(cur, m[6]!, expStart);
  }
  const n = Number(text);
  return new Float(token[0] === '-' ? -n : n);
}
