// Builtins that belong to the evaluator itself: apply, type, gensym, force, error.

import { fn, type StdlibModule } from './registry';
import { arityError, SemaError, typeError } from '../eval/errors';
import { Sym, Thunk, typeName, RecordValue, Keyword, Vector, type Value } from '../eval/values';
import type { Interpreter } from '../eval/interpreter';
import { displayValue } from '../reader/printer';

function force(p: Thunk): Value {
  if (!p.forced) {
    const compute = p.compute!;
    p.value = compute();
    p.forced = true;
    p.compute = undefined;
  }
  return p.value;
}

/** `(type v)`: a record's type name, otherwise the value's type, as a keyword. */
function typeOf(v: Value): Keyword {
  return v instanceof RecordValue ? Keyword.of(v.type.name) : Keyword.of(typeName(v));
}

export const coreModule: StdlibModule = {
  name: 'core',
  builtins: [
    fn('apply', 1, -1, (args, ctx) => {
      const f = args[0]!;
      if (args.length === 1) return ctx.apply(f, []);
      const last = args[args.length - 1]!;
      const spread = Array.isArray(last) ? last : last instanceof Vector ? last.items : undefined;
      if (spread === undefined) throw typeError('apply', 'list', typeName(last), args.length - 1);
      return ctx.apply(f, [...args.slice(1, -1), ...spread]);
    }),
    fn('type', 1, 1, ([v]) => typeOf(v!)),
    // The reference's silent alias for other Lisps' name.
    fn('type-of', 1, 1, ([v]) => typeOf(v!)),
    fn('gensym', 0, 1, (args, ctx) => {
      const prefix = args[0] ?? 'g';
      if (typeof prefix !== 'string') throw typeError('gensym', 'string', typeName(prefix));
      return Sym.of((ctx.interp as Interpreter).gensym(prefix));
    }),
    fn('force', 1, 1, ([v]) => (v instanceof Thunk ? force(v) : v!)),
    fn('promise?', 1, 1, ([v]) => v instanceof Thunk),
    fn('promise-forced?', 1, 1, ([v]) => {
      if (!(v instanceof Thunk)) throw typeError('promise-forced?', 'promise', typeName(v!));
      return v.forced;
    }),
    fn('error', 0, -1, (args) => {
      if (args.length === 0) throw new SemaError('error called with no message', 'eval');
      throw new SemaError(args.map((a) => displayValue(a)).join(' '), 'eval');
    }),
    // Used by the built-in macros so that they work even if `nil?` is redefined.
    fn('__nil?', 1, 1, ([v]) => v === null),
  ],
};

export { arityError };
