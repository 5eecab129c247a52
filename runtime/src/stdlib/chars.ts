// Character builtins: classification, case mapping, conversion and R7RS comparisons.
// Classification follows Rust's `char` methods, i.e. the Unicode properties below.

import { evalError } from '../eval/errors';
import { Char, type Value } from '../eval/values';
import { fn, type BuiltinSpec } from './registry';
import { aliases, char, int, scalarFromCode, scalars, str, typeErr } from './text-args';

function test(name: string, re: RegExp): BuiltinSpec {
  return fn(name, 1, 1, (args) => re.test(char(name, args, 0)));
}

/** First scalar of the mapping (Rust `to_uppercase().next()`): `ß` upper-cases to `S`. */
function firstOf(mapped: string, fallback: string): string {
  return scalars(mapped)[0] ?? fallback;
}

function lowerOne(c: string): string {
  return firstOf(c.toLowerCase(), c);
}

function compare(name: string, ci: boolean, ok: (d: number) => boolean): BuiltinSpec {
  return fn(name, 2, 2, (args) => {
    let a = char(name, args, 0);
    let b = char(name, args, 1);
    if (ci) {
      a = lowerOne(a);
      b = lowerOne(b);
    }
    return ok(a.codePointAt(0)! - b.codePointAt(0)!);
  });
}

export const charBuiltins: BuiltinSpec[] = [
  ...aliases(fn('char->integer', 1, 1, (args) => char('char->integer', args, 0).codePointAt(0)!), 'char/to-integer'),
  ...aliases(
    fn('integer->char', 1, 1, (args) => {
      const n = int('integer->char', args, 0);
      // Rust casts to u32 first, so negative numbers wrap to huge (invalid) codepoints.
      const c = scalarFromCode(n < 0 ? n + 2 ** 32 : n);
      if (c === undefined) throw evalError(`integer->char: invalid codepoint ${n}`);
      return new Char(c);
    }),
    'integer/to-char',
  ),
  ...aliases(test('char-alphabetic?', /^\p{Alphabetic}$/u), 'char/alphabetic?'),
  ...aliases(test('char-numeric?', /^\p{N}$/u), 'char/numeric?'),
  ...aliases(test('char-whitespace?', /^\p{White_Space}$/u), 'char/whitespace?'),
  ...aliases(test('char-upper-case?', /^\p{Uppercase}$/u), 'char/upper-case?'),
  ...aliases(test('char-lower-case?', /^\p{Lowercase}$/u), 'char/lower-case?'),
  ...aliases(
    fn('char-upcase', 1, 1, (args) => {
      const c = char('char-upcase', args, 0);
      return new Char(firstOf(c.toUpperCase(), c));
    }),
    'char/upcase',
  ),
  ...aliases(fn('char-downcase', 1, 1, (args) => new Char(lowerOne(char('char-downcase', args, 0)))), 'char/downcase'),
  ...aliases(fn('char->string', 1, 1, (args) => char('char->string', args, 0)), 'char/to-string'),
  ...aliases(
    fn('string->char', 1, 1, (args) => {
      const cs = scalars(str('string->char', args, 0));
      if (cs.length === 0) throw evalError('string->char: empty string');
      if (cs.length > 1) throw evalError('string->char: string must have exactly one character');
      return new Char(cs[0]!);
    }),
    'string/to-char',
  ),
  ...aliases(fn('string->list', 1, 1, (args) => scalars(str('string->list', args, 0)).map((c) => new Char(c))), 'string/to-list'),
  fn('list->string', 1, 1, (args) => {
    const items: Value = args[0] ?? null;
    if (!Array.isArray(items)) throw typeErr('list->string', 'list', items);
    let out = '';
    for (const item of items) {
      if (!(item instanceof Char)) throw typeErr('list->string', 'char', item);
      out += item.ch;
    }
    return out;
  }),
  compare('char=?', false, (d) => d === 0),
  compare('char<?', false, (d) => d < 0),
  compare('char>?', false, (d) => d > 0),
  compare('char<=?', false, (d) => d <= 0),
  compare('char>=?', false, (d) => d >= 0),
  compare('char-ci=?', true, (d) => d === 0),
  compare('char-ci<?', true, (d) => d < 0),
  compare('char-ci>?', true, (d) => d > 0),
  compare('char-ci<=?', true, (d) => d <= 0),
  compare('char-ci>=?', true, (d) => d >= 0),
];
