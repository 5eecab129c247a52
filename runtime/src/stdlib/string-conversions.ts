// Conversions between strings and symbols, keywords and numbers.

import { evalError } from '../eval/errors';
import { Float, Keyword, Sym } from '../eval/values';
import { formatFloat } from '../reader/printer';
import { fn, type BuiltinSpec } from './registry';
import { aliases, keywordName, str, symbolName, typeErr } from './text-args';

const RUST_INT = /^[+-]?\d+$/;
const RUST_FLOAT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** Parses like Rust's `i64` then `f64` `FromStr`: an int, a float, or undefined. */
export function parseRustNumber(s: string): { int: number } | { float: number } | undefined {
  if (RUST_INT.test(s)) {
    const n = Number(s);
    if (Number.isSafeInteger(n) || Math.abs(n) < 9.3e18) return { int: n };
  }
  const f = parseRustFloat(s);
  return f === undefined ? undefined : { float: f };
}

export function parseRustFloat(s: string): number | undefined {
  if (!RUST_FLOAT.test(s)) return undefined;
  const body = s.replace(/^[+-]/, '').toLowerCase();
  const sign = s.startsWith('-') ? -1 : 1;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  if (body === 'nan') return NaN;
  return Number(s.startsWith('+') ? s.slice(1) : s);
}

/** A float as Rust's `to_string` writes it: no `.0` on integral values (`3.0` -> "3"). */
export function rustFloatString(n: number): string {
  const s = formatFloat(n);
  if (s === '-0.0') return '-0';
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

export const stringConversions: BuiltinSpec[] = [
  ...aliases(fn('string->symbol', 1, 1, (args) => Sym.of(str('string->symbol', args, 0))), 'string/to-symbol'),
  ...aliases(fn('symbol->string', 1, 1, (args) => symbolName('symbol->string', args, 0)), 'symbol/to-string'),
  ...aliases(fn('string->keyword', 1, 1, (args) => Keyword.of(str('string->keyword', args, 0))), 'string/to-keyword'),
  ...aliases(fn('keyword->string', 1, 1, (args) => keywordName('keyword->string', args, 0)), 'keyword/to-string'),
  ...aliases(
    fn('number->string', 1, 1, (args) => {
      const v = args[0] ?? null;
      if (typeof v === 'number') return String(v);
      if (v instanceof Float) return rustFloatString(v.value);
      throw typeErr('number->string', 'number', v);
    }),
    'number/to-string',
  ),
  ...aliases(
    fn('string->number', 1, 1, (args) => {
      const s = str('string->number', args, 0);
      const n = parseRustNumber(s);
      if (n === undefined) throw evalError(`cannot parse '${s}' as number`);
      return 'int' in n ? n.int : new Float(n.float);
    }),
    'string/to-number',
  ),
  ...aliases(
    fn('string->float', 1, 1, (args) => {
      const v = args[0] ?? null;
      if (typeof v === 'string') {
        const f = parseRustFloat(v);
        if (f === undefined) throw evalError(`cannot parse '${v}' as float`);
        return new Float(f);
      }
      if (typeof v === 'number') return new Float(v);
      if (v instanceof Float) return v;
      throw typeErr('string->float', 'string or number', v);
    }),
    'string/to-float',
  ),
];
