// Printed forms of values, matching the reference: `write` form (what the REPL shows:
// strings quoted, `314.0`, `#t`, `:k`, `(1 2)`, `[1 2]`, `{:a 1}`) and `display` form
// (top-level strings and chars without quotes).

import type { Value } from '../eval/values';
import { compareValues } from '../eval/equality';

/** Formats a double the way Rust's `{}` does: never exponent notation; integral values get `.0`. */
export function formatFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  // Integral floats print like Rust's `{:.1}`: the exact decimal value of the double.
  if (Number.isInteger(n) && Math.abs(n) >= 2 ** 53) return BigInt(n).toString() + '.0';
  let s = String(n);
  if (s.includes('e')) s = expandExponent(s);
  if (Number.isInteger(n) && !s.includes('.')) s += '.0';
  if (Object.is(n, -0)) return '-0.0';
  return s;
}

/**
 * A double as Rust's `{}` shows a typed-array element: shortest round-trip digits,
 * never exponent notation, and no `.0` on integral values (`#f64(1 2.5)`).
 */
export function formatF64Element(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (Object.is(n, -0)) return '-0';
  const s = String(n);
  return s.includes('e') ? expandExponent(s) : s;
}

/** "1.5e+21" -> "1500000000000000000000", "1e-7" -> "0.0000001". */
function expandExponent(s: string): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [mant, expPart] = body.split('e') as [string, string];
  const exp = Number(expPart);
  const [intPart, frac = ''] = mant.split('.') as [string, string?];
  const digits = intPart + frac;
  const point = intPart.length + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

function writeString(s: string): string {
  let out = '"';
  for (const c of s) {
    switch (c) {
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\r':
        out += '\\r';
        break;
      default:
        out += c;
    }
  }
  return out + '"';
}

const CHAR_NAMES: Record<string, string> = { ' ': 'space', '\n': 'newline', '\t': 'tab', '\r': 'return', '\0': 'nul' };

function seq(items: readonly Value[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ' ';
    out += printValue(items[i]!);
  }
  return out;
}

/** The `write` form, as the REPL and `sema eval` print values. */
export function printValue(v: Value): string {
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return v ? '#t' : '#f';
    case 'number':
      return String(v);
    case 'string':
      return writeString(v);
  }
  if (Array.isArray(v)) return '(' + seq(v) + ')';
  switch (v.kind) {
    case 'float':
      return formatFloat(v.value);
    case 'symbol':
      return v.name;
    case 'keyword':
      return ':' + v.name;
    case 'char':
      return '#\\' + (CHAR_NAMES[v.ch] ?? v.ch);
    case 'vector':
      return '[' + seq(v.items) + ']';
    case 'map':
    case 'hashmap': {
      const entries = v.kind === 'map' ? v.entries() : [...v.entries()].sort((a, b) => compareValues(a[0], b[0]));
      return '{' + entries.map(([k, val]) => printValue(k) + ' ' + printValue(val)).join(' ') + '}';
    }
    case 'bytevector':
      return '#u8(' + Array.from(v.bytes).join(' ') + ')';
    case 'f64-array':
      return '#f64(' + Array.from(v.data, formatF64Element).join(' ') + ')';
    case 'i64-array':
      return '#i64(' + Array.from(v.data, String).join(' ') + ')';
    case 'native':
      return `<native-fn ${v.name}>`;
    case 'lambda':
      return v.name ? `<lambda ${v.name}>` : '<lambda>';
    case 'macro':
      return `<macro ${v.name}>`;
    case 'multimethod':
      return `<multimethod ${v.name}>`;
    case 'promise':
      return v.forced ? '<promise (forced)>' : '<promise>';
    case 'record':
      return `#<record ${v.type.name}${v.fields.map((f) => ' ' + printValue(f)).join('')}>`;
    case 'opaque':
      return v.print();
  }
}

/** The `display` form: a top-level string prints raw; everything else (chars too) as `write`. */
export function displayValue(v: Value): string {
  return typeof v === 'string' ? v : printValue(v);
}
