// Higher-order list functions: map, filter, folds, sort, searching with predicates and
// grouping. Every callback goes through ctx.apply, so lambdas, natives and keywords
// (`(map :name people)`) all work as functions.

import { compareValues, mapKey } from '../eval/equality';
import { Float, isTruthy, SemaMap, Vector, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { asIndex, badType, errType, evalFail, newList, seqItems } from './support';

function map(args: Value[], ctx: CallContext): Value {
  const f = args[0]!;
  if (args.length === 2) {
    const items = seqItems(args[1]!, 'map');
    const out = newList(items.length, 'map');
    for (let i = 0; i < items.length; i++) out[i] = ctx.apply1(f, items[i]!);
    return out;
  }
  const lists = args.slice(1).map((a) => seqItems(a, 'map'));
  const n = Math.min(...lists.map((l) => l.length));
  const out: Value[] = [];
  for (let i = 0; i < n; i++) out.push(ctx.apply(f, lists.map((l) => l[i]!)));
  return out;
}

function filterBy(name: string, keep: boolean): BuiltinSpec {
  return fn(name, 2, 2, ([f, v], ctx) => {
    const items = seqItems(v!, name);
    // Sized for every element and cut to length after: much faster than pushing.
    const out = newList(items.length, name);
    let kept = 0;
    for (let i = 0; i < items.length; i++) if (isTruthy(ctx.apply1(f!, items[i]!)) === keep) out[kept++] = items[i]!;
    out.length = kept;
    return out;
  });
}

function foldl([f, init, v]: Value[], ctx: CallContext): Value {
  let acc: Value = init!;
  for (const item of seqItems(v!, 'foldl')) acc = ctx.apply2(f!, acc, item);
  return acc;
}

function anyOf(name: string): BuiltinSpec {
  return fn(name, 2, 2, ([f, v], ctx) => {
    for (const item of seqItems(v!, name)) if (isTruthy(ctx.apply1(f!, item))) return true;
    return false;
  });
}

function everyOf(name: string): BuiltinSpec {
  return fn(name, 2, 2, ([f, v], ctx) => {
    for (const item of seqItems(v!, name)) if (!isTruthy(ctx.apply1(f!, item))) return false;
    return true;
  });
}

function takeWhile(name: string): BuiltinSpec {
  return fn(name, 2, 2, ([f, v], ctx) => {
    const out: Value[] = [];
    for (const item of seqItems(v!, name)) {
      if (!isTruthy(ctx.apply1(f!, item))) break;
      out.push(item);
    }
    return out;
  });
}

function dropWhile(name: string): BuiltinSpec {
  return fn(name, 2, 2, ([f, v], ctx) => {
    const items = seqItems(v!, name);
    let i = 0;
    while (i < items.length && isTruthy(ctx.apply1(f!, items[i]!))) i++;
    return items.slice(i);
  });
}

/** Numbers sort by value with a total order: -0 before 0, NaN last. */
function totalCompare(x: number, y: number): number {
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return Object.is(x, -0) === Object.is(y, -0) ? 0 : Object.is(x, -0) ? -1 : 1;
  return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
}

function sortCategory(v: Value): string {
  return typeof v === 'number' || v instanceof Float ? 'number' : errType(v);
}

function numberOf(v: Value): number {
  return typeof v === 'number' ? v : (v as Float).value;
}

/**
 * A JS comparator from a Sema one. An integer result gives the order by its sign. A
 * boolean one means "a before b"; when it says no, asking the other way round tells
 * "after" from "equal", so that equal elements keep their order (the sort is stable).
 */
function comparator(cmp: Value, ctx: CallContext): (a: Value, b: Value) => number {
  return (a, b) => {
    const r = ctx.apply2(cmp, a, b);
    if (typeof r === 'number') return Math.sign(r);
    if (r === true) return -1;
    if (r !== false) return 0;
    return ctx.apply2(cmp, b, a) === true ? 1 : 0;
  };
}

function sort([v, cmp]: Value[], ctx: CallContext): Value {
  const items = seqItems(v!, 'sort').slice();
  if (cmp !== undefined) return items.sort(comparator(cmp, ctx));
  if (items.length === 0) return items;
  const category = sortCategory(items[0]!);
  const bad = items.find((x) => sortCategory(x) !== category);
  if (bad !== undefined) {
    throw badType('sort', errType(items[0]!), bad, 'sort orders one type at a time; use `sort-by` or `(sort xs cmp)` with a comparator to order mixed types');
  }
  if (category === 'number') return items.sort((a, b) => totalCompare(numberOf(a), numberOf(b)));
  return items.sort(compareValues);
}

function sortBy([f, v]: Value[], ctx: CallContext): Value {
  const keyed = seqItems(v!, 'sort-by').map((item) => ({ key: ctx.apply1(f!, item), item }));
  keyed.sort((a, b) => compareValues(a.key, b.key));
  return keyed.map((k) => k.item);
}

function flatMap([f, v]: Value[], ctx: CallContext): Value {
  const out: Value[] = [];
  for (const item of seqItems(v!, 'flat-map')) {
    const r = ctx.apply1(f!, item);
    if (Array.isArray(r)) for (const x of r) out.push(x);
    else if (r instanceof Vector) for (const x of r.items) out.push(x);
    else out.push(r);
  }
  return out;
}

function groupBy([f, v]: Value[], ctx: CallContext): Value {
  const groups = new Map<string, [Value, Value[]]>();
  for (const item of seqItems(v!, 'list/group-by')) {
    const key = ctx.apply1(f!, item);
    const k = mapKey(key);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [key, [item]]);
    else group[1].push(item);
  }
  return new SemaMap(groups as Map<string, [Value, Value]>);
}

function keyBy([f, v]: Value[], ctx: CallContext): Value {
  const table = new Map<string, [Value, Value]>();
  for (const item of seqItems(v!, 'list/key-by')) {
    const key = ctx.apply1(f!, item);
    table.set(mapKey(key), [key, item]);
  }
  return new SemaMap(table);
}

export const listHigherOrderModule: StdlibModule = {
  name: 'list-higher-order',
  builtins: [
    fn('map', 2, -1, map),
    fn('mapcar', 2, -1, map),
    filterBy('filter', true),
    filterBy('list/reject', false),
    fn('foldl', 3, 3, foldl),
    fn('fold', 3, 3, foldl),
    fn('foldr', 3, 3, ([f, init, v], ctx) => {
      const items = seqItems(v!, 'foldr');
      let acc: Value = init!;
      for (let i = items.length - 1; i >= 0; i--) acc = ctx.apply2(f!, items[i]!, acc);
      return acc;
    }),
    fn('reduce', 2, 2, ([f, v], ctx) => {
      const items = seqItems(v!, 'reduce');
      if (items.length === 0) throw evalFail('reduce: empty list');
      let acc: Value = items[0]!;
      for (let i = 1; i < items.length; i++) acc = ctx.apply2(f!, acc, items[i]!);
      return acc;
    }),
    fn('for-each', 2, 2, ([f, v], ctx) => {
      for (const item of seqItems(v!, 'for-each')) ctx.apply1(f!, item);
      return null;
    }),
    anyOf('any'),
    anyOf('any?'),
    anyOf('some?'),
    everyOf('every'),
    everyOf('every?'),
    fn('partition', 2, 2, ([f, v], ctx) => {
      const yes: Value[] = [];
      const no: Value[] = [];
      for (const item of seqItems(v!, 'partition')) (isTruthy(ctx.apply1(f!, item)) ? yes : no).push(item);
      return [yes, no];
    }),
    fn('sort', 1, 2, sort),
    fn('sort-by', 2, 2, sortBy),
    fn('flat-map', 2, 2, flatMap),
    takeWhile('take-while'),
    takeWhile('list/take-while'),
    dropWhile('drop-while'),
    dropWhile('list/drop-while'),
    fn('list/find', 2, 2, ([f, v], ctx) => {
      for (const item of seqItems(v!, 'list/find')) if (isTruthy(ctx.apply1(f!, item))) return item;
      return null;
    }),
    fn('list/sole', 2, 2, ([f, v], ctx) => {
      let found: Value | undefined;
      for (const item of seqItems(v!, 'list/sole')) {
        if (!isTruthy(ctx.apply1(f!, item))) continue;
        if (found !== undefined) throw evalFail('list/sole: more than one matching item');
        found = item;
      }
      if (found === undefined) throw evalFail('list/sole: no matching item');
      return found;
    }),
    fn('list/times', 2, 2, ([n, f], ctx) => {
      const count = asIndex(n!, 'list/times');
      const out = newList(count, 'list/times');
      for (let i = 0; i < count; i++) out[i] = ctx.apply1(f!, i);
      return out;
    }),
    fn('list/group-by', 2, 2, groupBy),
    fn('list/key-by', 2, 2, keyBy),
    fn('tap', 2, 2, ([v, f], ctx) => {
      ctx.apply1(f!, v!);
      return v!;
    }),
  ],
};
