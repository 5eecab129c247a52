// Core string builtins: building, measuring, searching, splitting and trimming strings.
// Indices and lengths count Unicode scalars, as the reference does.

import { SemaError, evalError } from '../eval/errors';
import { Char, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { aliases, index, int, scalarCount, scalarIndexOf, scalars, seq, str, textOf, typeErr as typeErrOf } from './text-args';
import { stringExtras } from './string-extras';
import { stringUnicode } from './string-unicode';
import { charBuiltins } from './chars';
import { formatBuiltins } from './format';
import { parseRustNumber, stringConversions } from './string-conversions';

const WS = /\p{White_Space}/u;
const LEADING_WS = /^\p{White_Space}+/u;
const TRAILING_WS = /\p{White_Space}+$/u;

export function trimStart(s: string): string {
  return s.replace(LEADING_WS, '');
}
export function trimEnd(s: string): string {
  return s.replace(TRAILING_WS, '');
}
export function trim(s: string): string {
  return trimEnd(trimStart(s));
}

/** Words separated by Unicode whitespace (Rust `split_whitespace`). */
export function splitWhitespace(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of s) {
    if (WS.test(c)) {
      if (cur !== '') out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** Lines split on `\n` with a trailing `\r` dropped and no final empty line (Rust `lines`). */
export function splitLines(s: string): string[] {
  if (s === '') return [];
  const parts = s.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Rust `str::split`: an empty separator yields "" around every scalar. */
export function splitOn(s: string, sep: string): string[] {
  if (sep === '') return ['', ...scalars(s), ''];
  return s.split(sep);
}

function capitalizeWord(w: string): string {
  const cs = scalars(w);
  if (cs.length === 0) return '';
  return cs[0]!.toUpperCase() + cs.slice(1).map((c) => c.toLowerCase()).join('');
}

function pad(name: string, left: boolean) {
  return fn(name, 2, 3, (args) => {
    const s = str(name, args, 0);
    const width = index('string/pad', args, 1);
    const padChar = args.length === 3 ? (scalars(str(name, args, 2))[0] ?? ' ') : ' ';
    const len = scalarCount(s);
    if (len >= width) return s;
    const padding = padChar.repeat(width - len);
    return left ? padding + s : s + padding;
  });
}

const core: BuiltinSpec[] = [
  ...aliases(
    fn('string-length', 1, 1, (args) => scalarCount(str('string-length', args, 0))),
    'string/length',
  ),
  ...aliases(
    fn('string-ref', 2, 2, (args) => {
      const s = str('string-ref', args, 0);
      const i = int('string-ref', args, 1);
      if (i < 0) throw evalError(`string-ref: index ${i} must be non-negative`);
      const cs = scalars(s);
      const c = cs[i];
      if (c === undefined) {
        throw new SemaError(`string-ref: index ${i} out of bounds (string length ${cs.length})`, 'eval', {}, 'indices are 0-based');
      }
      return new Char(c);
    }),
    'string/ref',
  ),
  ...aliases(
    fn('substring', 2, 3, (args) => {
      const s = str('substring', args, 0);
      const start = int('substring', args, 1);
      if (start < 0) throw evalError(`substring: start index ${start} must be non-negative`);
      const cs = scalars(s);
      let end = cs.length;
      if (args.length === 3) {
        end = int('substring', args, 2);
        if (end < 0) throw evalError(`substring: end index ${end} must be non-negative`);
      }
      if (start > cs.length || end > cs.length || start > end) throw evalError('substring: index out of bounds');
      return cs.slice(start, end).join('');
    }),
    'string/slice',
  ),
  ...aliases(
    fn('string/split', 2, 2, (args) => splitOn(str('string/split', args, 0), str('string/split', args, 1))),
    'string-split',
  ),
  fn('string/lines', 1, 1, (args) => splitLines(str('string/lines', args, 0))),
  ...aliases(
    fn('string/join', 2, 2, (args) => {
      const sep = str('string/join', args, 1);
      return seq('string/join', args, 0).map(textOf).join(sep);
    }),
    'string-join',
  ),
  ...aliases(fn('string/trim', 1, 1, (args) => trim(str('string/trim', args, 0))), 'string-trim'),
  fn('string/trim-left', 1, 1, (args) => trimStart(str('string/trim-left', args, 0))),
  fn('string/trim-right', 1, 1, (args) => trimEnd(str('string/trim-right', args, 0))),
  ...aliases(fn('string/upper', 1, 1, (args) => str('string/upper', args, 0).toUpperCase()), 'string-upcase'),
  ...aliases(fn('string/lower', 1, 1, (args) => str('string/lower', args, 0).toLowerCase()), 'string-downcase'),
  fn('string/capitalize', 1, 1, (args) => capitalizeWord(str('string/capitalize', args, 0))),
  fn('string/title-case', 1, 1, (args) => splitWhitespace(str('string/title-case', args, 0)).map(capitalizeWord).join(' ')),
  fn('string/contains?', 2, 2, (args) => str('string/contains?', args, 0).includes(str('string/contains?', args, 1))),
  fn('string/starts-with?', 2, 2, (args) => str('string/starts-with?', args, 0).startsWith(str('string/starts-with?', args, 1))),
  fn('string/ends-with?', 2, 2, (args) => str('string/ends-with?', args, 0).endsWith(str('string/ends-with?', args, 1))),
  fn('string/replace', 3, 3, (args) => {
    const s = str('string/replace', args, 0);
    const from = str('string/replace', args, 1);
    const to = str('string/replace', args, 2);
    return splitOn(s, from).join(to);
  }),
  fn('string/index-of', 2, 2, (args) => {
    const s = str('string/index-of', args, 0);
    const i = s.indexOf(str('string/index-of', args, 1));
    return i < 0 ? null : scalarIndexOf(s, i);
  }),
  fn('string/last-index-of', 2, 2, (args) => {
    const s = str('string/last-index-of', args, 0);
    const i = s.lastIndexOf(str('string/last-index-of', args, 1));
    return i < 0 ? null : scalarIndexOf(s, i);
  }),
  fn('string/chars', 1, 1, (args) => scalars(str('string/chars', args, 0)).map((c) => new Char(c))),
  ...aliases(
    fn('string/repeat', 2, 2, (args) => {
      const s = str('string/repeat', args, 0);
      const n = index('string/repeat', args, 1);
      if (s.length * n > 0x1fffffe8) {
        throw new SemaError('string/repeat: result length overflows usize', 'eval', {}, `input length ${s.length} * count ${n} exceeds addressable memory`);
      }
      return s.repeat(n);
    }),
    'make-string',
  ),
  pad('string/pad-left', true),
  pad('string/pad-right', false),
  fn('string/number?', 1, 1, (args) => parseRustNumber(str('string/number?', args, 0)) !== undefined),
  fn('string/empty?', 1, 1, (args) => str('string/empty?', args, 0) === ''),
  fn('string/reverse', 1, 1, (args) => scalars(str('string/reverse', args, 0)).reverse().join('')),
  fn('string/map', 2, 2, (args, ctx) => {
    const s = str('string/map', args, 1);
    let out = '';
    for (const c of s) {
      const r: Value = ctx.apply(args[0] ?? null, [new Char(c)]);
      if (r instanceof Char) out += r.ch;
      else if (typeof r === 'string') out += r;
      else throw typeErrOf('string/map', 'char or string', r);
    }
    return out;
  }),
  fn('string/intern', 1, 1, (args) => str('string/intern', args, 0)),
];

export const stringsModule: StdlibModule = {
  name: 'strings',
  builtins: [...core, ...stringExtras, ...stringUnicode, ...charBuiltins, ...formatBuiltins, ...stringConversions],
};
