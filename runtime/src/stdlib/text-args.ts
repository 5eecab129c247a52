// Argument checks and Unicode-scalar helpers shared by the text, I/O and system modules.
// Strings are JS strings (UTF-16); the reference counts Unicode scalars (Rust `chars()`),
// so every index or length a user sees goes through the helpers here.

import { SemaError, typeError } from '../eval/errors';
import { Bytevector, Char, Keyword, Sym, Vector, typeName, type Value } from '../eval/values';
import { displayValue } from '../reader/printer';
import type { BuiltinSpec } from './registry';

/** `Type error: expected X, got Y`, in the reference's wording. */
export function typeErr(fn: string, expected: string, v: Value): SemaError {
  return typeError(fn, expected, typeName(v));
}

export function str(fn: string, args: readonly Value[], i: number): string {
  const v = args[i] ?? null;
  if (typeof v !== 'string') throw typeErr(fn, 'string', v);
  return v;
}

export function int(fn: string, args: readonly Value[], i: number): number {
  const v = args[i] ?? null;
  if (typeof v !== 'number') throw typeErr(fn, 'int', v);
  return v;
}

/** Like `int`, for the builtins whose reference errors say `expected integer`. */
export function integer(fn: string, args: readonly Value[], i: number): number {
  const v = args[i] ?? null;
  if (typeof v !== 'number') throw typeErr(fn, 'integer', v);
  return v;
}

/** Integer or float, as a JS number (the reference's `as_float`). */
export function num(fn: string, args: readonly Value[], i: number): number {
  const v = args[i] ?? null;
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && v.kind === 'float') return v.value;
  throw typeErr(fn, 'number', v);
}

/** A non-negative integer (the reference's `as_index`). */
export function index(fn: string, args: readonly Value[], i: number): number {
  const v = args[i] ?? null;
  if (typeof v !== 'number') throw new SemaError(`${fn}: expected int, got ${typeName(v)}`, 'type-error', {}, `${fn}: argument must be an integer`);
  if (v < 0) throw new SemaError(`${fn}: expected a non-negative integer, got ${v}`, 'eval', {}, 'pass 0 or a positive integer');
  return v;
}

export function char(fn: string, args: readonly Value[], i: number): string {
  const v = args[i] ?? null;
  if (!(v instanceof Char)) throw typeErr(fn, 'char', v);
  return v.ch;
}

export function bytes(fn: string, args: readonly Value[], i: number): Uint8Array {
  const v = args[i] ?? null;
  if (!(v instanceof Bytevector)) throw typeErr(fn, 'bytevector', v);
  return v.bytes;
}

/** Items of a list or vector. */
export function seq(fn: string, args: readonly Value[], i: number): readonly Value[] {
  const v = args[i] ?? null;
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  throw typeErr(fn, 'list or vector', v);
}

/** A string or a keyword's name (for options like `:nfc`). */
export function strOrKeyword(fn: string, args: readonly Value[], i: number): string {
  const v = args[i] ?? null;
  if (typeof v === 'string') return v;
  if (v instanceof Keyword) return v.name;
  throw typeErr(fn, 'string or keyword', v);
}

/** Display form used when a function joins values into text (strings raw, the rest written). */
export function textOf(v: Value): string {
  return displayValue(v);
}

/** The same builtin under several names (legacy aliases share one implementation). */
export function aliases(spec: BuiltinSpec, ...names: string[]): BuiltinSpec[] {
  return [spec, ...names.map((name) => ({ ...spec, name }))];
}

/** Unicode scalars of `s` (a surrogate pair is one element). */
export function scalars(s: string): string[] {
  return Array.from(s);
}

/** Number of Unicode scalars in `s`. */
export function scalarCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Scalar index of the UTF-16 offset `offset` in `s`. */
export function scalarIndexOf(s: string, offset: number): number {
  return scalarCount(s.slice(0, offset));
}

/** UTF-8 byte length of `s`. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** A valid Unicode scalar for `n`, or undefined (surrogates and out-of-range values are not). */
export function scalarFromCode(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

export function symbolName(fn: string, args: readonly Value[], i: number): string {
  const v = args[i] ?? null;
  if (!(v instanceof Sym)) throw typeErr(fn, 'symbol', v);
  return v.name;
}

export function keywordName(fn: string, args: readonly Value[], i: number): string {
  const v = args[i] ?? null;
  if (!(v instanceof Keyword)) throw typeErr(fn, 'keyword', v);
  return v.name;
}


/**
 * Why `bytes` is not valid UTF-8, worded like Rust's `Utf8Error`, or undefined when it is valid.
 */
export function utf8Problem(bytes: Uint8Array): string | undefined {
  const inRange = (i: number, lo: number, hi: number): boolean | undefined => (i >= bytes.length ? undefined : bytes[i]! >= lo && bytes[i]! <= hi);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const width = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (width === 0) return `invalid utf-8 sequence of 1 bytes from index ${i}`;
    const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    for (let k = 1; k < width; k++) {
      const ok = k === 1 ? inRange(i + 1, lo, hi) : inRange(i + k, 0x80, 0xbf);
      if (ok === undefined) return `incomplete utf-8 byte sequence from index ${i}`;
      if (!ok) return `invalid utf-8 sequence of ${k} bytes from index ${i}`;
    }
    i += width;
  }
  return undefined;
}
