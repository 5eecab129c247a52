// Sema maps -> TOML text, laid out as the reference prints it (the toml crate): keys
// sorted, a table's plain values before its sub-tables, `[a.b]` headers only for tables
// that hold values (or nothing at all), `[[a]]` for lists of maps, and each string in
// the first of basic / literal / multi-line forms that needs no escapes.

import { SemaError } from '../eval/errors';
import { Float, Keyword, SemaHashMap, SemaMap, Sym, Vector, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { errType } from './support';

type Toml =
  | { readonly t: 'table'; readonly entries: [string, Toml][] }
  | { readonly t: 'array'; readonly items: Toml[] }
  | { readonly t: 'scalar'; readonly text: string };

function cannot(what: string): never {
  throw new SemaError(`toml/encode: cannot encode ${what}`, 'eval');
}

function keyString(k: Value): string {
  if (typeof k === 'string') return k;
  if (k instanceof Keyword || k instanceof Sym) return k.name;
  return printValue(k);
}

/** Converts a value, failing on nil and on anything TOML cannot hold. */
export function toToml(v: Value): Toml {
  if (v === null) return cannot('nil');
  if (typeof v === 'boolean') return { t: 'scalar', text: String(v) };
  if (typeof v === 'number') return { t: 'scalar', text: String(v) };
  if (typeof v === 'string') return { t: 'scalar', text: stringRepr(v) };
  if (Array.isArray(v)) return { t: 'array', items: v.map(toToml) };
  if (v instanceof Float) return { t: 'scalar', text: floatRepr(v.value) };
  if (v instanceof Keyword || v instanceof Sym) return { t: 'scalar', text: stringRepr(v.name) };
  if (v instanceof Vector) return { t: 'array', items: v.items.map(toToml) };
  if (v instanceof SemaMap || v instanceof SemaHashMap) {
    const entries: [string, Toml][] = [...v.entries()].map(([k, x]) => [keyString(k), toToml(x)]);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { t: 'table', entries };
  }
  return cannot(errType(v));
}

/** Rust's `{}` for a double: the shortest digits, written out without an exponent. */
function floatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const [mant, expPart] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const point = Number(expPart) + 1;
  let body: string;
  if (point <= 0) body = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length) + '.0';
  else body = digits.slice(0, point) + '.' + digits.slice(point);
  return (n < 0 ? '-' : '') + body;
}

interface StringMetrics {
  /** Control characters other than tab and newline: only basic strings can hold them. */
  readonly controls: boolean;
  readonly backslash: boolean;
  readonly newline: boolean;
  readonly singles: number;
  readonly doubles: number;
}

function longestRun(s: string, c: string): number {
  let best = 0;
  let run = 0;
  for (const ch of s) {
    run = ch === c ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

function metrics(s: string): StringMetrics {
  return {
    controls: /[\x00-\x08\x0b-\x1f\x7f]/.test(s),
    backslash: s.includes('\\'),
    newline: s.includes('\n'),
    singles: longestRun(s, "'"),
    doubles: longestRun(s, '"'),
  };
}

const SHORT_ESCAPES: Record<string, string> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

function escapeChar(c: string): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return short;
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return '\\u' + code.toString(16).toUpperCase().padStart(4, '0');
  return c;
}

function basic(s: string): string {
  return '"' + s.replace(/[\x00-\x1f\x7f"\\]/g, escapeChar) + '"';
}

function multiLineBasic(s: string, m: StringMetrics): string {
  let body = '';
  let quotes = 0;
  for (const c of s) {
    if (c === '"') {
      // A third quote in a row would close the string, so it is escaped.
      body += quotes === 2 ? '\\"' : '"';
      quotes = quotes === 2 ? 0 : quotes + 1;
      continue;
    }
    quotes = 0;
    body += c === '\n' ? '\n' : escapeChar(c);
  }
  return '"""' + (m.newline ? '\n' : '') + body + '"""';
}

/** A string value in the first form that writes it without escapes (else basic). */
export function stringRepr(s: string): string {
  const m = metrics(s);
  if (!m.controls && !m.backslash && m.doubles === 0 && !m.newline) return basic(s);
  if (!m.controls && m.singles === 0 && !m.newline) return `'${s}'`;
  if (!m.controls && !m.backslash && m.doubles <= 2) return multiLineBasic(s, m);
  if (!m.controls && m.singles <= 2) return "'''" + (m.newline ? '\n' : '') + s + "'''";
  return m.newline ? multiLineBasic(s, m) : basic(s);
}

function keyRepr(k: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(k)) return k;
  const m = metrics(k);
  if (!m.controls && !m.backslash && m.doubles === 0 && !m.newline) return basic(k);
  if (!m.controls && m.singles === 0 && !m.newline) return `'${k}'`;
  return basic(k);
}

function isTableArray(v: Toml): v is { t: 'array'; items: { t: 'table'; entries: [string, Toml][] }[] } {
  return v.t === 'array' && v.items.length > 0 && v.items.every((x) => x.t === 'table');
}

function inline(v: Toml): string {
  if (v.t === 'scalar') return v.text;
  if (v.t === 'array') return '[' + v.items.map(inline).join(', ') + ']';
  if (v.entries.length === 0) return '{}';
  return '{ ' + v.entries.map(([k, x]) => `${keyRepr(k)} = ${inline(x)}`).join(', ') + ' }';
}

const isSection = (v: Toml): boolean => v.t === 'table' || isTableArray(v);

class Writer {
  out = '';

  header(text: string): void {
    if (this.out !== '') this.out += '\n';
    this.out += text + '\n';
  }

  values(entries: [string, Toml][]): void {
    for (const [k, v] of entries) if (!isSection(v)) this.out += `${keyRepr(k)} = ${inline(v)}\n`;
  }

  sections(path: string[], entries: [string, Toml][]): void {
    for (const [k, v] of entries) {
      const sub = [...path, keyRepr(k)];
      if (v.t === 'table') {
        // A table holding only sub-tables needs no header of its own.
        if (v.entries.length === 0 || v.entries.some(([, x]) => !isSection(x))) this.header(`[${sub.join('.')}]`);
        this.values(v.entries);
        this.sections(sub, v.entries);
      } else if (isTableArray(v)) {
        for (const item of v.items) {
          this.header(`[[${sub.join('.')}]]`);
          this.values(item.entries);
          this.sections(sub, item.entries);
        }
      }
    }
  }
}

/** A whole document from a table. */
export function writeToml(table: { entries: [string, Toml][] }): string {
  const w = new Writer();
  w.values(table.entries);
  w.sections([], table.entries);
  return w.out;
}
