// Bytevector builtins. Bytevectors are treated as immutable: `bytevector/set!` returns
// an updated copy, as the reference does.

import { evalError } from '../eval/errors';
import { Bytevector, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { aliases, bytes, int, str, typeErr, utf8Problem } from './text-args';

function byte(name: string, v: Value, what: (n: number) => string): number {
  if (typeof v !== 'number') throw typeErr(name, 'int', v);
  if (v < 0 || v > 255) throw evalError(`${name}: ${what(v)} out of range 0..255`);
  return v;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const builtins: BuiltinSpec[] = [
  ...aliases(
    fn('make-bytevector', 1, 2, (args) => {
      const size = int('make-bytevector', args, 0);
      if (size < 0) throw evalError(`make-bytevector: size must be non-negative, got ${size}`);
      const fill = args.length === 2 ? byte('make-bytevector', args[1]!, (f) => `fill value ${f}`) : 0;
      return new Bytevector(new Uint8Array(size).fill(fill));
    }),
    'bytevector/new',
    'bytevector/make',
  ),
  fn('bytevector', 0, -1, (args) => new Bytevector(Uint8Array.from(args, (v, i) => byte('bytevector', v, (n) => `byte value ${n} at index ${i}`)))),
  ...aliases(fn('bytevector-length', 1, 1, (args) => bytes('bytevector-length', args, 0).length), 'bytevector/length'),
  ...aliases(
    fn('bytevector-u8-ref', 2, 2, (args) => {
      const bv = bytes('bytevector-u8-ref', args, 0);
      const i = int('bytevector-u8-ref', args, 1);
      if (i < 0 || i >= bv.length) throw evalError(`bytevector-u8-ref: index ${i} out of range for bytevector of length ${bv.length}`);
      return bv[i]!;
    }),
    'bytevector/ref',
    'bytevector/u8-ref',
  ),
  ...aliases(
    fn('bytevector-u8-set!', 3, 3, (args) => {
      const bv = bytes('bytevector-u8-set!', args, 0);
      const i = int('bytevector-u8-set!', args, 1);
      const b = int('bytevector-u8-set!', args, 2);
      if (i < 0 || i >= bv.length) throw evalError(`bytevector-u8-set!: index ${i} out of range for bytevector of length ${bv.length}`);
      if (b < 0 || b > 255) throw evalError(`bytevector-u8-set!: byte value ${b} out of range 0..255`);
      const copy = bv.slice();
      copy[i] = b;
      return new Bytevector(copy);
    }),
    'bytevector/set!',
    'bytevector/u8-set!',
  ),
  ...aliases(
    fn('bytevector-copy', 1, 3, (args) => {
      const bv = bytes('bytevector-copy', args, 0);
      const start = args.length >= 2 ? int('bytevector-copy', args, 1) : 0;
      const end = args.length === 3 ? int('bytevector-copy', args, 2) : bv.length;
      if (start < 0 || start > end || end > bv.length) {
        throw evalError(`bytevector-copy: range ${start}..${end} out of bounds for bytevector of length ${bv.length}`);
      }
      return new Bytevector(bv.slice(start, end));
    }),
    'bytevector/copy',
  ),
  ...aliases(
    fn('bytevector-append', 0, -1, (args) => {
      const parts = args.map((_, i) => bytes('bytevector-append', args, i));
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return new Bytevector(out);
    }),
    'bytevector/append',
  ),
  ...aliases(fn('bytevector->list', 1, 1, (args) => Array.from(bytes('bytevector->list', args, 0))), 'bytevector/to-list'),
  ...aliases(
    fn('list->bytevector', 1, 1, (args) => {
      const items = args[0] ?? null;
      if (!Array.isArray(items)) throw typeErr('list->bytevector', 'list', items);
      return new Bytevector(Uint8Array.from(items, (v) => byte('list->bytevector', v, (n) => `byte value ${n}`)));
    }),
    'list/to-bytevector',
    'bytevector/from-list',
  ),
  ...aliases(
    fn('utf8->string', 1, 1, (args) => {
      const bv = bytes('utf8->string', args, 0);
      const problem = utf8Problem(bv);
      if (problem !== undefined) throw evalError(`utf8->string: invalid UTF-8: ${problem}`);
      return strictUtf8.decode(bv);
    }),
    'utf8/to-string',
    'bytevector->string',
  ),
  ...aliases(
    fn('string->utf8', 1, 1, (args) => new Bytevector(new Uint8Array(Buffer.from(str('string->utf8', args, 0), 'utf8')))),
    'string/to-utf8',
    'string->bytevector',
  ),
];

export const bytevectorsModule: StdlibModule = { name: 'bytevectors', builtins };
