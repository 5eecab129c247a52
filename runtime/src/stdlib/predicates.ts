// Type predicates (`list?`, `string?`, `fn?`, ...), emptiness tests and the promise
// predicates. Numeric predicates (`zero?`, `even?`, ...) live with the arithmetic.

import {
  Bytevector,
  Char,
  Float,
  Keyword,
  Lambda,
  NativeFn,
  RecordValue,
  SemaHashMap,
  SemaMap,
  Sym,
  Thunk,
  Vector,
  type Value,
} from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { badType } from './support';

function pred(name: string, test: (v: Value) => boolean): BuiltinSpec {
  return fn(name, 1, 1, (args) => test(args[0]!));
}

const isBool = (v: Value): boolean => typeof v === 'boolean';
const isFn = (v: Value): boolean => v instanceof Lambda || v instanceof NativeFn;

function promiseForced(name: string): BuiltinSpec {
  return fn(name, 1, 1, ([v]) => {
    if (v instanceof Thunk) return v.forced;
    throw badType(name, 'promise', v!);
  });
}

export const predicatesModule: StdlibModule = {
  name: 'predicates',
  builtins: [
    pred('null?', (v) => v === null || (Array.isArray(v) && v.length === 0)),
    pred('nil?', (v) => v === null),
    pred('list?', (v) => Array.isArray(v)),
    pred('pair?', (v) => Array.isArray(v) && v.length > 0),
    pred('vector?', (v) => v instanceof Vector),
    // Only sorted maps: `(map? (hashmap/new))` is #f in the reference too.
    pred('map?', (v) => v instanceof SemaMap),
    pred('hash-map?', (v) => v instanceof SemaMap),
    pred('number?', (v) => typeof v === 'number' || v instanceof Float),
    pred('integer?', (v) => typeof v === 'number'),
    pred('float?', (v) => v instanceof Float),
    pred('string?', (v) => typeof v === 'string'),
    pred('symbol?', (v) => v instanceof Sym),
    pred('keyword?', (v) => v instanceof Keyword),
    pred('char?', (v) => v instanceof Char),
    pred('bool?', isBool),
    pred('boolean?', isBool),
    pred('fn?', isFn),
    pred('procedure?', isFn),
    pred('record?', (v) => v instanceof RecordValue),
    pred('bytevector?', (v) => v instanceof Bytevector),
    // `promise?` and `promise-forced?` are the evaluator's (stdlib/core.ts).
    promiseForced('async/forced?'),
    fn('empty?', 1, 1, ([v]) => {
      if (v === null) return true;
      if (Array.isArray(v) || typeof v === 'string') return v.length === 0;
      if (v instanceof Vector) return v.items.length === 0;
      if (v instanceof SemaMap || v instanceof SemaHashMap) return v.size === 0;
      throw badType('empty?', 'collection', v!, 'empty?: expected a list, vector, map, or string');
    }),
  ],
};
