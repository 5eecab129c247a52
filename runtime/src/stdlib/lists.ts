// List construction, access and reshaping: cons/car/cdr and their compositions, length,
// append, nth, range, take/drop, zip, flatten, member, association lists, chunking and
// windows. Lists are JS arrays that are never mutated once built; most functions also
// accept vectors and return lists (`rest` and `reverse` keep a vector a vector).

import { valuesEqual } from '../eval/equality';
import { printValue } from '../reader/printer';
import { Bytevector, F64Array, I64Array, SemaHashMap, SemaMap, Vector, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { asIndex, badType, codePointLength, evalFail, expectInt, newList, seqItems } from './support';

function first(v: Value, name: string): Value {
  if (Array.isArray(v)) return v.length === 0 ? null : v[0]!;
  if (v instanceof Vector) return v.items.length === 0 ? null : v.items[0]!;
  throw badType(name, 'list or vector', v, `${name}: argument 1 must be a list or vector`);
}

function rest(v: Value, name: string): Value {
  if (Array.isArray(v)) return v.length <= 1 ? [] : v.slice(1);
  if (v instanceof Vector) return new Vector(v.items.length <= 1 ? [] : v.items.slice(1));
  throw badType(name, 'list or vector', v, `${name}: argument 1 must be a list or vector`);
}

/**
 * `cadr`, `cddar`, ...: the letters between c and r, applied right to left. A run of
 * `d`s only moves an offset into the current sequence, so no intermediate tail is copied.
 */
function composition(name: string): BuiltinSpec {
  const ops = name.slice(1, -1).split('').reverse();
  return fn(name, 1, 1, (args) => {
    let cur: Value = args[0]!;
    let skip = 0;
    for (const op of ops) {
      const items: readonly Value[] | undefined = Array.isArray(cur) ? cur : cur instanceof Vector ? cur.items : undefined;
      if (items === undefined) throw badType(name, 'list or vector', cur, `${name}: argument 1 must be a list or vector`);
      if (op === 'd') {
        if (skip < items.length) skip++;
      } else {
        cur = skip < items.length ? items[skip]! : null;
        skip = 0;
      }
    }
    if (skip === 0) return cur;
    return Array.isArray(cur) ? cur.slice(skip) : new Vector((cur as Vector).items.slice(skip));
  });
}

const COMPOSITIONS = ['caar', 'cadr', 'cdar', 'cddr', 'caaar', 'caadr', 'cadar', 'caddr', 'cdaar', 'cdadr', 'cddar', 'cdddr'];

function length(args: Value[]): Value {
  const v = args[0]!;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Vector) return v.items.length;
  if (typeof v === 'string') return codePointLength(v);
  if (v instanceof SemaMap || v instanceof SemaHashMap) return v.size;
  if (v instanceof Bytevector) return v.bytes.length;
  if (v instanceof F64Array || v instanceof I64Array) return v.data.length;
  throw badType('length', 'list, vector, string, map, bytevector, or typed array', v!, 'length: expected a sequence or collection');
}

function append(args: Value[]): Value {
  if (args.length === 2 && Array.isArray(args[0]) && Array.isArray(args[1])) {
    const [a, b] = args as [Value[], Value[]];
    return a.length === 0 ? b : b.length === 0 ? a : a.concat(b);
  }
  const out: Value[] = [];
  for (const arg of args) {
    const items = Array.isArray(arg) ? arg : arg instanceof Vector ? arg.items : undefined;
    if (items === undefined) throw badType('append', 'list or vector', arg, 'append: every argument must be a list or vector');
    for (const x of items) out.push(x);
  }
  return out;
}

function nth(args: Value[]): Value {
  const coll = args[0]!;
  const index = args[1]!;
  if (typeof index !== 'number') {
    const swapped = Array.isArray(index) || index instanceof Vector;
    const hint = swapped
      ? 'nth: argument order is (nth collection index) — looks like the arguments are swapped'
      : 'nth: argument order is (nth collection index); the index must be an integer';
    throw badType('nth', 'int', index!, hint);
  }
  if (index < 0) throw evalFail(`nth: index must be non-negative, got ${index}`, 'indices are 0-based; use (last xs) for the last element');
  const items = Array.isArray(coll) ? coll : coll instanceof Vector ? coll.items : undefined;
  if (items === undefined) throw badType('nth', 'list or vector', coll!, 'nth: argument 1 must be a list or vector');
  if (index >= items.length) throw evalFail(`index ${index} out of bounds (length ${items.length})`);
  return items[index]!;
}

function range(args: Value[]): Value {
  const ints = args.map((a) => expectInt(a, 'range'));
  const [start, end, step] = ints.length === 1 ? [0, ints[0]!, 1] : [ints[0]!, ints[1]!, ints[2] ?? 1];
  if (step === 0) throw evalFail('range: step cannot be 0');
  const n = Math.max(0, Math.ceil((end - start) / step));
  const out = newList(n, 'range');
  for (let k = 0, i = start; k < n; k++, i += step) out[k] = i;
  return out;
}

function iota(args: Value[]): Value {
  const count = expectInt(args[0]!, 'iota');
  const start = args.length > 1 ? expectInt(args[1]!, 'iota') : 0;
  const step = args.length > 2 ? expectInt(args[2]!, 'iota') : 1;
  const out = newList(count, 'iota');
  for (let i = 0, v = start; i < count; i++, v += step) out[i] = v;
  return out;
}

function lockstep(name: string, args: Value[]): { lists: (readonly Value[])[]; min: number } {
  const lists = args.map((a) => seqItems(a, name));
  return { lists, min: lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length)) };
}

function flattenDeep(v: Value, out: Value[]): void {
  const items = Array.isArray(v) ? v : v instanceof Vector ? v.items : undefined;
  if (items === undefined) out.push(v);
  else for (const x of items) flattenDeep(x, out);
}

/** assq/assv: the first element of `alist` that is a list whose head equals `key`. */
function alistLookup(name: string): BuiltinSpec {
  return fn(name, 2, 2, ([key, alist]) => {
    for (const pair of seqItems(alist!, name)) {
      if (Array.isArray(pair) && pair.length > 0 && valuesEqual(pair[0]!, key!)) return pair;
    }
    return false;
  });
}

function repeat(name: string): BuiltinSpec {
  return fn(name, 2, 2, ([n, v]) => {
    const count = asIndex(n!, name);
    const out = newList(count, name);
    for (let i = 0; i < count; i++) out[i] = v!;
    return out;
  });
}

export const listsModule: StdlibModule = {
  name: 'lists',
  builtins: [
    // Call sites pass each native a fresh argument array, so it can become the list.
    fn('list', 0, -1, (args) => args),
    fn('cons', 2, 2, (args) => {
      const x = args[0]!;
      const tail = args[1]!;
      if (tail === null) return [x];
      if (Array.isArray(tail)) {
        const out = new Array<Value>(tail.length + 1);
        out[0] = x;
        for (let i = 0; i < tail.length; i++) out[i + 1] = tail[i]!;
        return out;
      }
      return [x, tail];
    }),
    fn('car', 1, 1, (args) => first(args[0]!, 'car')),
    fn('first', 1, 1, (args) => first(args[0]!, 'first')),
    fn('cdr', 1, 1, (args) => rest(args[0]!, 'cdr')),
    fn('rest', 1, 1, (args) => rest(args[0]!, 'rest')),
    ...COMPOSITIONS.map(composition),
    fn('last', 1, 1, ([v]) => {
      const items = seqItems(v!, 'last');
      return items.length === 0 ? null : items[items.length - 1]!;
    }),
    fn('nth', 2, 2, nth),
    fn('length', 1, 1, length),
    fn('append', 0, -1, append),
    fn('reverse', 1, 1, ([v]) => {
      if (Array.isArray(v)) return v.slice().reverse();
      if (v instanceof Vector) return new Vector(v.items.slice().reverse());
      throw badType('reverse', 'list or vector', v!, 'reverse: argument 1 must be a list or vector');
    }),
    fn('range', 1, 3, range),
    fn('iota', 1, 3, iota),
    repeat('list/repeat'),
    repeat('make-list'),
    fn('take', 2, 2, ([n, v]) => {
      const count = asIndex(n!, 'take');
      return seqItems(v!, 'take').slice(0, count);
    }),
    fn('drop', 2, 2, ([n, v]) => {
      const count = asIndex(n!, 'drop');
      return seqItems(v!, 'drop').slice(count);
    }),
    fn('list/take-last', 2, 2, ([n, v]) => {
      const count = asIndex(n!, 'list/take-last');
      const items = seqItems(v!, 'list/take-last');
      return items.slice(Math.max(0, items.length - count));
    }),
    fn('list/drop-last', 2, 2, ([n, v]) => {
      const count = asIndex(n!, 'list/drop-last');
      const items = seqItems(v!, 'list/drop-last');
      return items.slice(0, Math.max(0, items.length - count));
    }),
    fn('list/split-at', 2, 2, ([v, n]) => {
      const items = seqItems(v!, 'list/split-at');
      const at = Math.min(asIndex(n!, 'list/split-at'), items.length);
      return [items.slice(0, at), items.slice(at)];
    }),
    fn('zip', 2, -1, (args) => {
      const { lists, min } = lockstep('zip', args);
      const out: Value[] = [];
      for (let i = 0; i < min; i++) out.push(lists.map((l) => l[i]!));
      return out;
    }),
    fn('list/interleave', 2, -1, (args) => {
      const { lists, min } = lockstep('list/interleave', args);
      const out: Value[] = [];
      for (let i = 0; i < min; i++) for (const l of lists) out.push(l[i]!);
      return out;
    }),
    fn('flatten', 1, 1, ([v]) => {
      const out: Value[] = [];
      for (const x of seqItems(v!, 'flatten')) {
        if (Array.isArray(x)) out.push(...x);
        else if (x instanceof Vector) out.push(...x.items);
        else out.push(x);
      }
      return out;
    }),
    fn('flatten-deep', 1, 1, ([v]) => {
      const out: Value[] = [];
      flattenDeep(v!, out);
      return out;
    }),
    fn('member', 2, 2, ([x, v]) => {
      const items = seqItems(v!, 'member');
      for (let i = 0; i < items.length; i++) if (valuesEqual(items[i]!, x!)) return items.slice(i);
      return false;
    }),
    fn('list/contains?', 2, 2, ([v, x]) => seqItems(v!, 'list/contains?').some((item) => valuesEqual(item, x!))),
    fn('list/index-of', 2, 2, ([v, x]) => {
      const i = seqItems(v!, 'list/index-of').findIndex((item) => valuesEqual(item, x!));
      return i < 0 ? null : i;
    }),
    fn('list/nth-or', 3, 3, ([v, n, fallback]) => {
      const items = seqItems(v!, 'list/nth-or');
      const i = asIndex(n!, 'list/nth-or');
      return i < items.length ? items[i]! : fallback!;
    }),
    alistLookup('assq'),
    alistLookup('assv'),
    fn('interpose', 2, 2, ([sep, v]) => {
      const items = seqItems(v!, 'interpose');
      const out: Value[] = [];
      for (let i = 0; i < items.length; i++) {
        if (i > 0) out.push(sep!);
        out.push(items[i]!);
      }
      return out;
    }),
    fn('list/chunk', 2, 2, ([n, v]) => {
      const size = asIndex(n!, 'list/chunk');
      if (size === 0) throw evalFail('list/chunk: chunk size must be positive');
      const items = seqItems(v!, 'list/chunk');
      const out: Value[] = [];
      for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
      return out;
    }),
    fn('list/sliding', 2, 3, ([v, n, s]) => {
      const items = seqItems(v!, 'list/sliding');
      const size = asIndex(n!, 'list/sliding');
      const step = s === undefined ? 1 : asIndex(s, 'list/sliding');
      if (size === 0) throw evalFail('list/sliding: size must be positive');
      if (step === 0) throw evalFail('list/sliding: step must be positive');
      const out: Value[] = [];
      for (let i = 0; i + size <= items.length; i += step) out.push(items.slice(i, i + size));
      return out;
    }),
    fn('list/page', 3, 3, ([v, p, n]) => {
      const items = seqItems(v!, 'list/page');
      const page = expectInt(p!, 'list/page');
      const perPage = asIndex(n!, 'list/page');
      if (page < 1) throw evalFail('list/page: page must be >= 1');
      const start = (page - 1) * perPage;
      return start >= items.length ? [] : items.slice(start, start + perPage);
    }),
    fn('list/cross-join', 2, 2, ([a, b]) => {
      const xs = seqItems(a!, 'list/cross-join');
      const ys = seqItems(b!, 'list/cross-join');
      const out: Value[] = [];
      for (const x of xs) for (const y of ys) out.push([x, y]);
      return out;
    }),
    fn('list/pad', 3, 3, ([v, n, fill]) => {
      const items = seqItems(v!, 'list/pad');
      const target = asIndex(n!, 'list/pad');
      if (target <= items.length) return items.slice();
      const out = newList(target, 'list/pad');
      for (let i = 0; i < target; i++) out[i] = i < items.length ? items[i]! : fill!;
      return out;
    }),
    fn('list/join', 2, 3, ([v, s, f]) => {
      const items = seqItems(v!, 'list/join');
      if (typeof s !== 'string') throw badType('list/join', 'string', s!);
      if (f !== undefined && typeof f !== 'string') throw badType('list/join', 'string', f);
      const finalSep = f ?? s;
      let out = '';
      for (let i = 0; i < items.length; i++) {
        if (i > 0) out += i === items.length - 1 ? finalSep : s;
        out += printValue(items[i]!);
      }
      return out;
    }),
  ],
};
