// Sorted maps and hashmaps: construction, lookup, assoc/dissoc, merge, keys/vals and the
// higher-order `map/*` operations. Maps are immutable: every operation returns a new map
// of the same kind as its input (a hashmap stays a hashmap).

import { mapAssoc, mapDissoc, mapGet, mapKey, valuesEqual } from '../eval/equality';
import { isTruthy, SemaHashMap, SemaMap, Vector, type CallContext, type Value } from '../eval/values';
import { fn, type StdlibModule } from './registry';
import { badType, codePointLength, evalFail, expectMap } from './support';

type AnyMap = SemaMap | SemaHashMap;
type Table = Map<string, [Value, Value]>;

function wrapLike(m: AnyMap, table: Table): AnyMap {
  return m instanceof SemaMap ? new SemaMap(table) : new SemaHashMap(table);
}

/** A copy of `m`'s table changed by `edit`, wrapped as the same kind of map. */
export function editMap(m: AnyMap, edit: (t: Table) => void): AnyMap {
  const table = new Map(m.table);
  edit(table);
  return wrapLike(m, table);
}

/** Adds alternating key/value arguments to `m` (later keys win). */
export function assocPairs(m: AnyMap, pairs: readonly Value[], from: number): AnyMap {
  let out = m;
  for (let i = from; i + 1 < pairs.length; i += 2) out = mapAssoc(out, pairs[i]!, pairs[i + 1]!);
  return out;
}

function fromPairs(args: Value[], name: string, hashed: boolean): AnyMap {
  if (args.length % 2 !== 0) throw evalFail(`${name}: requires even number of arguments`);
  const table: Table = new Map();
  for (let i = 0; i < args.length; i += 2) table.set(mapKey(args[i]!), [args[i]!, args[i + 1]!]);
  return hashed ? new SemaHashMap(table) : new SemaMap(table);
}

/** A list or vector argument's items; `expected` names what the reference asks for. */
function keyList(v: Value, name: string, expected: string, hint: string): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  throw badType(name, expected, v, hint);
}

/** The value under `k`; `fallback` (or nil) only when the key is absent, not when it maps to nil. */
function lookupOr(m: AnyMap, k: Value, fallback: Value | undefined): Value {
  const v = mapGet(m, k);
  return v === undefined ? (fallback ?? null) : v;
}

function get([m, k, fallback]: Value[]): Value {
  if (m instanceof SemaMap || m instanceof SemaHashMap) return lookupOr(m, k!, fallback);
  const hint =
    Array.isArray(m) || m instanceof Vector
      ? 'get works on maps; use (nth coll i) to index a list or vector'
      : 'get: expected a map as the first argument';
  throw badType('get', 'map or hashmap', m!, hint);
}

function assoc(args: Value[]): Value {
  // Scheme alist lookup: (assoc key alist).
  if (args.length === 2 && Array.isArray(args[1])) {
    for (const pair of args[1]) {
      if (Array.isArray(pair) && pair.length > 0 && valuesEqual(pair[0]!, args[0]!)) return pair;
    }
    return false;
  }
  if (args.length < 3 || args.length % 2 !== 1) throw evalFail('assoc: requires (key alist) or (map key val ...)');
  const m = expectMap(args[0]!, 'assoc', 'assoc: expected a map as the first argument, then key/value pairs');
  return assocPairs(m, args, 1);
}

function merge(args: Value[]): Value {
  if (args.length === 0) return new SemaMap();
  const hint = 'merge: every argument must be a map or hashmap';
  const first = expectMap(args[0]!, 'merge', hint);
  const table: Table = new Map(first.table);
  for (let i = 1; i < args.length; i++) {
    const m = expectMap(args[i]!, 'merge', hint);
    for (const [k, v] of m.entries()) table.set(mapKey(k), [k, v]);
  }
  return wrapLike(first, table);
}

function mapVals([f, m]: Value[], ctx: CallContext): Value {
  const map = expectMap(m!, 'map/map-vals', 'map/map-vals: argument 2 must be a map; applies fn to each value');
  const table: Table = new Map();
  for (const [k, v] of map.entries()) table.set(mapKey(k), [k, ctx.apply1(f!, v)]);
  return wrapLike(map, table);
}

function mapKeys([f, m]: Value[], ctx: CallContext): Value {
  const map = expectMap(m!, 'map/map-keys', 'map/map-keys: argument 2 must be a map; applies fn to each key');
  const table: Table = new Map();
  for (const [k, v] of map.entries()) {
    const nk = ctx.apply1(f!, k);
    table.set(mapKey(nk), [nk, v]);
  }
  return wrapLike(map, table);
}

function mapFilter([f, m]: Value[], ctx: CallContext): Value {
  const map = expectMap(m!, 'map/filter', 'map/filter: argument 2 must be a map; predicate receives (key value)');
  const table: Table = new Map();
  for (const [k, v] of map.entries()) if (isTruthy(ctx.apply2(f!, k, v))) table.set(mapKey(k), [k, v]);
  return wrapLike(map, table);
}

function selectKeys([m, ks]: Value[]): Value {
  const keys = keyList(ks!, 'map/select-keys', 'list', 'map/select-keys: argument 2 must be a list of keys to keep');
  const map = expectMap(m!, 'map/select-keys', 'map/select-keys: argument 1 must be a map');
  const table: Table = new Map();
  for (const k of keys) {
    const v = mapGet(map, k);
    if (v !== undefined) table.set(mapKey(k), [k, v]);
  }
  return wrapLike(map, table);
}

function except([m, ks]: Value[]): Value {
  const keys = keyList(ks!, 'map/except', 'list or vector', 'map/except: argument 2 must be a list of keys to exclude');
  const map = expectMap(m!, 'map/except', 'map/except: argument 1 must be a map');
  return editMap(map, (t) => {
    for (const k of keys) t.delete(mapKey(k));
  });
}

function fromEntries([v]: Value[]): Value {
  const entries = keyList(v!, 'map/from-entries', 'list or vector', 'map/from-entries: expected a list of [key value] pairs');
  const table: Table = new Map();
  for (const entry of entries) {
    const pair = keyList(entry, 'map/from-entries', 'list or vector', 'map/from-entries: each entry must be a [key value] pair');
    if (pair.length !== 2) throw evalFail('map/from-entries: each entry must be a pair (key value)');
    table.set(mapKey(pair[0]!), [pair[0]!, pair[1]!]);
  }
  return new SemaMap(table);
}

function zipMap([ks, vs]: Value[]): Value {
  const keys = keyList(ks!, 'map/zip', 'list or vector', 'map/zip: argument 1 must be a list of keys');
  const vals = keyList(vs!, 'map/zip', 'list or vector', 'map/zip: argument 2 must be a list of values');
  const table: Table = new Map();
  const n = Math.min(keys.length, vals.length);
  for (let i = 0; i < n; i++) table.set(mapKey(keys[i]!), [keys[i]!, vals[i]!]);
  return new SemaMap(table);
}

function count([v]: Value[]): Value {
  if (v === null) return 0;
  if (v instanceof SemaMap || v instanceof SemaHashMap) return v.size;
  if (Array.isArray(v)) return v.length;
  if (v instanceof Vector) return v.items.length;
  if (typeof v === 'string') return codePointLength(v);
  throw badType('count', 'collection', v!, 'count: expected a list, vector, map, or string');
}

function hashmapArg(v: Value, name: string): SemaHashMap {
  if (v instanceof SemaHashMap) return v;
  throw badType(name, 'hashmap', v, `${name}: argument 1 must be a hashmap`);
}

export const mapsModule: StdlibModule = {
  name: 'maps',
  builtins: [
    fn('hash-map', 0, -1, (args) => fromPairs(args, 'hash-map', false)),
    fn('map/new', 0, -1, (args) => fromPairs(args, 'hash-map', false)),
    fn('get', 2, 3, get),
    fn('hash-ref', 2, 3, get),
    fn('assoc', 0, -1, assoc),
    fn('dissoc', 2, -1, (args) => {
      const m = expectMap(args[0]!, 'dissoc', 'dissoc: expected a map as the first argument, then keys to remove');
      let out = m;
      for (let i = 1; i < args.length; i++) out = mapDissoc(out, args[i]!);
      return out;
    }),
    fn('keys', 1, 1, ([m]) => expectMap(m!, 'keys', 'keys: expected a map; returns its keys as a list').entries().map((e) => e[0])),
    fn('vals', 1, 1, ([m]) => expectMap(m!, 'vals', 'vals: expected a map; returns its values as a list').entries().map((e) => e[1])),
    fn('merge', 0, -1, merge),
    fn('contains?', 2, 2, ([m, k]) => {
      const hint =
        Array.isArray(m) || m instanceof Vector
          ? 'contains? works on maps; use (nth coll i) to index a list or vector'
          : 'contains?: expected a map as the first argument';
      const map = expectMap(m!, 'contains?', hint);
      return mapGet(map, k!) !== undefined;
    }),
    fn('count', 1, 1, count),
    fn('map/entries', 1, 1, ([m]) => {
      const map = expectMap(m!, 'map/entries', 'map/entries: expected a map; returns a list of [key value] pairs');
      const entries = map instanceof SemaMap ? map.entries() : new SemaMap(map.table).entries();
      return entries.map(([k, v]) => [k, v]);
    }),
    fn('map/from-entries', 1, 1, fromEntries),
    fn('map/map-vals', 2, 2, mapVals),
    fn('map/map-keys', 2, 2, mapKeys),
    fn('map/filter', 2, 2, mapFilter),
    fn('map/select-keys', 2, 2, selectKeys),
    fn('map/update', 3, 3, ([m, k, f], ctx) => {
      const map = expectMap(m!, 'map/update', 'map/update: argument 1 must be a map; applies fn to the value at key');
      return mapAssoc(map, k!, ctx.apply1(f!, mapGet(map, k!) ?? null));
    }),
    fn('map/sort-keys', 1, 1, ([m]) => {
      const map = expectMap(m!, 'map/sort-keys', 'map/sort-keys: argument 1 must be a map; returns it with keys sorted');
      return map instanceof SemaMap ? map : new SemaMap(new Map(map.table));
    }),
    fn('map/except', 2, 2, except),
    fn('map/zip', 2, 2, zipMap),
    fn('hashmap/new', 0, -1, (args) => fromPairs(args, 'hashmap/new', true)),
    fn('hashmap/get', 2, 3, ([m, k, fallback]) => {
      if (m instanceof SemaMap || m instanceof SemaHashMap) return lookupOr(m, k!, fallback);
      throw badType('hashmap/get', 'hashmap', m!, 'hashmap/get: argument 1 must be a hashmap');
    }),
    fn('hashmap/assoc', 0, -1, (args) => {
      if (args.length < 3 || args.length % 2 !== 1) {
        throw evalFail('hashmap/assoc: requires hashmap and even number of key-value pairs');
      }
      return assocPairs(hashmapArg(args[0]!, 'hashmap/assoc'), args, 1);
    }),
    fn('hashmap/to-map', 1, 1, ([m]) => new SemaMap(new Map(hashmapArg(m!, 'hashmap/to-map').table))),
    fn('hashmap/keys', 1, 1, ([m]) => hashmapArg(m!, 'hashmap/keys').entries().map((e) => e[0])),
    fn('hashmap/contains?', 2, 2, ([m, k]) => mapGet(hashmapArg(m!, 'hashmap/contains?'), k!) !== undefined),
  ],
};
