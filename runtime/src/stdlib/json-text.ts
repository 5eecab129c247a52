// JSON text <-> Sema values, matching the reference (serde_json): object keys sorted,
// floats written by ryu's rules (`1.0`, `1e16`, `1e-6`), ints and floats kept apart when
// decoding, and parse errors worded like serde_json's with line and column.

import { evalError } from '../eval/errors';
import { Float, Keyword, Sym, kw, typeName, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { printValue } from '../reader/printer';

/** A finite double in ryu's shortest form. */
export function ryuFloat(n: number): string {
  if (Object.is(n, -0)) return '-0.0';
  if (n === 0) return '0.0';
  const sign = n < 0 ? '-' : '';
  const [mant, expPart] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const len = digits.length;
  const kk = Number(expPart) + 1;
  const k = kk - len;
  let body: string;
  if (k >= 0 && kk <= 16) body = digits + '0'.repeat(k) + '.0';
  else if (kk > 0 && kk <= 16) body = digits.slice(0, kk) + '.' + digits.slice(kk);
  else if (kk > -5 && kk <= 0) body = '0.' + '0'.repeat(-kk) + digits;
  else if (len === 1) body = `${digits}e${kk - 1}`;
  else body = `${digits[0]}.${digits.slice(1)}e${kk - 1}`;
  return sign + body;
}

type Json = null | boolean | number | { float: number } | string | Json[] | Map<string, Json>;

function keyString(k: Value): string {
  if (typeof k === 'string') return k;
  if (k instanceof Keyword || k instanceof Sym) return k.name;
  return printValue(k);
}

/**
 * Strict conversion: NaN/Infinity and non-data values are errors. The lossy one (HTTP
 * bodies) writes NaN/Infinity as null and other values as their printed text.
 */
export function toJson(v: Value, lossy = false): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => toJson(x, lossy));
  switch (v.kind) {
    case 'float':
      if (Number.isFinite(v.value)) return { float: v.value };
      if (lossy) return null;
      throw evalError('cannot encode NaN/Infinity as JSON');
    case 'keyword':
    case 'symbol':
      return v.name;
    case 'vector':
      return v.items.map((x) => toJson(x, lossy));
    case 'map':
    case 'hashmap': {
      const m = new Map<string, Json>();
      for (const [k, val] of v.entries()) m.set(keyString(k), toJson(val, lossy));
      return m;
    }
  }
  if (lossy) return printValue(v);
  throw evalError(`cannot encode ${typeName(v)} as JSON`);
}

function byCodePoint(a: string, b: string): number {
  const ca = Array.from(a, (c) => c.codePointAt(0)!);
  const cb = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
  return ca.length - cb.length;
}

/** Writes JSON; `indent` undefined gives the compact form. */
export function writeJson(j: Json, indent?: string, depth = 0): string {
  if (j === null) return 'null';
  if (typeof j === 'boolean' || typeof j === 'number') return String(j);
  if (typeof j === 'string') return JSON.stringify(j);
  const nl = indent === undefined ? '' : '\n' + indent.repeat(depth + 1);
  const end = indent === undefined ? '' : '\n' + indent.repeat(depth);
  if (Array.isArray(j)) {
    if (j.length === 0) return '[]';
    return '[' + j.map((x) => nl + writeJson(x, indent, depth + 1)).join(',') + end + ']';
  }
  if (j instanceof Map) {
    if (j.size === 0) return '{}';
    const sep = indent === undefined ? ':' : ': ';
    const keys = [...j.keys()].sort(byCodePoint);
    return '{' + keys.map((k) => nl + JSON.stringify(k) + sep + writeJson(j.get(k)!, indent, depth + 1)).join(',') + end + '}';
  }
  return ryuFloat(j.float);
}

/** A JSON syntax error at a 1-based line and column, as serde_json reports it. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line} column ${column}`);
  }
}

const I64_MAX = 9223372036854775807;

/** Parses JSON text into Sema values: objects become keyword maps, arrays lists. */
export function parseJson(text: string): Value {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    let line = 1;
    let lineStart = 0;
    for (let p = 0; p < at && p < text.length; p++) {
      if (text[p] === '\n') {
        line++;
        lineStart = p + 1;
      }
    }
    throw new JsonSyntaxError(reason, line, Math.min(at, text.length) - lineStart + (at < text.length ? 1 : 0));
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const ident = (word: string, v: Value): Value => {
    for (let p = 0; p < word.length; p++, i++) {
      if (i >= text.length) fail('EOF while parsing a value');
      if (text[i] !== word[p]) fail('expected ident');
    }
    return v;
  };
  const number = (): Value => {
    const start = i;
    if (text[i] === '-') i++;
    const digits = () => {
      const s = i;
      while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++;
      return i - s;
    };
    if (text[i] === '0') {
      i++;
      if (i < text.length && text[i]! >= '0' && text[i]! <= '9') fail('invalid number');
    } else if (digits() === 0) fail(i >= text.length ? 'EOF while parsing a value' : 'invalid number');
    let isFloat = false;
    if (text[i] === '.') {
      i++;
      isFloat = true;
      if (digits() === 0) fail(i >= text.length ? 'EOF while parsing a value' : 'invalid number');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      isFloat = true;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) fail(i >= text.length ? 'EOF while parsing a value' : 'invalid number');
    }
    const n = Number(text.slice(start, i));
    if (!Number.isFinite(n)) fail('number out of range', start);
    if (!isFloat && Math.abs(n) <= I64_MAX) return n;
    return new Float(n);
  };
  const string = (): string => {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('EOF while parsing a string');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c < ' ') fail('control character (\\u0000-\\u001F) found while parsing a string', i);
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      i++;
      if (i >= text.length) fail('EOF while parsing a string');
      const e = text[i++]!;
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e in simple) out += simple[e];
      else if (e === 'u') {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i + 4 > text.length ? 'EOF while parsing a string' : 'invalid escape', i);
        i += 4;
        out += String.fromCharCode(parseInt(hex, 16));
      } else fail('invalid escape', i - 1);
    }
  };
  const value = (): Value => {
    ws();
    if (i >= text.length) fail('EOF while parsing a value');
    const c = text[i]!;
    if (c === 'n') return ident('null', null);
    if (c === 't') return ident('true', true);
    if (c === 'f') return ident('false', false);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === '[') {
      i++;
      const items: Value[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        ws();
        if (i >= text.length) fail('EOF while parsing a list');
        if (text[i] === ']') {
          i++;
          return items;
        }
        if (text[i] !== ',') fail('expected `,` or `]`');
        i++;
        ws();
        if (text[i] === ']') fail('trailing comma');
      }
    }
    if (c === '{') {
      i++;
      const table = new Map<string, Value>();
      ws();
      if (text[i] === '}') {
        i++;
        return mapFromPairs([]);
      }
      for (;;) {
        ws();
        if (i >= text.length) fail('EOF while parsing an object');
        if (text[i] !== '"') fail('key must be a string');
        const key = string();
        ws();
        if (i >= text.length) fail('EOF while parsing an object');
        if (text[i] !== ':') fail('expected `:`');
        i++;
        table.set(key, value());
        ws();
        if (i >= text.length) fail('EOF while parsing an object');
        if (text[i] === '}') {
          i++;
          return mapFromPairs([...table].flatMap(([k, v]) => [kw(k), v]));
        }
        if (text[i] !== ',') fail('expected `,` or `}`');
        i++;
        ws();
        if (text[i] === '}') fail('trailing comma');
      }
    }
    return fail('expected value');
  };
  const result = value();
  ws();
  if (i < text.length) fail('trailing characters');
  return result;
}
