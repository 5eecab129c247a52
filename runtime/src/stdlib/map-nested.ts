// Nested map operations: get-in, assoc-in, update-in and deep-merge (each also under a
// `map/` name). Missing intermediate maps are created as sorted maps.

import { mapAssoc, mapGet, mapKey } from '../eval/equality';
import { SemaHashMap, SemaMap, Vector, type CallContext, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { badType } from './support';

function path(v: Value, name: string): readonly Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof Vector) return v.items;
  throw badType(name, 'list or vector', v, `${name}: argument 2 must be a list/vector path of keys`);
}

function lookup(m: Value, key: Value): Value | undefined {
  return m instanceof SemaMap || m instanceof SemaHashMap ? mapGet(m, key) : undefined;
}

/** `m` with `key` set; a non-map `m` is replaced by a fresh sorted map. */
function setKey(m: Value, key: Value, v: Value): Value {
  if (m instanceof SemaMap || m instanceof SemaHashMap) return mapAssoc(m, key, v);
  return new SemaMap(new Map([[mapKey(key), [key, v]]]));
}

function getIn([m, p, fallback]: Value[]): Value {
  let current: Value = m!;
  for (const key of path(p!, 'get-in')) {
    const next = lookup(current, key);
    if (next === undefined) return fallback ?? null;
    current = next;
  }
  return current;
}

/** Rebuilds the maps along `keys` with the innermost value replaced by `leaf(old)`. */
function updatePath(m: Value, keys: readonly Value[], i: number, leaf: (old: Value) => Value): Value {
  const key = keys[i]!;
  if (i === keys.length - 1) return setKey(m, key, leaf(lookup(m, key) ?? null));
  const nested = lookup(m, key) ?? new SemaMap();
  return setKey(m, key, updatePath(nested, keys, i + 1, leaf));
}

function assocIn([m, p, v]: Value[]): Value {
  const keys = path(p!, 'assoc-in');
  if (keys.length === 0) return v!;
  return updatePath(m!, keys, 0, () => v!);
}

function updateIn([m, p, f]: Value[], ctx: CallContext): Value {
  const keys = path(p!, 'update-in');
  if (keys.length === 0) return ctx.apply1(f!, m!);
  return updatePath(m!, keys, 0, (old) => ctx.apply1(f!, old));
}

function isMap(v: Value): v is SemaMap | SemaHashMap {
  return v instanceof SemaMap || v instanceof SemaHashMap;
}

/** Overlay wins, except that two maps under the same key are merged recursively. */
function mergeTwo(base: Value, overlay: Value): Value {
  if (!isMap(base) || !isMap(overlay)) return overlay;
  const table = new Map<string, [Value, Value]>();
  for (const [k, v] of base.entries()) table.set(mapKey(k), [k, v]);
  for (const [k, v] of overlay.entries()) {
    const key = mapKey(k);
    const existing = table.get(key);
    table.set(key, [k, existing !== undefined && isMap(existing[1]) && isMap(v) ? mergeTwo(existing[1], v) : v]);
  }
  return new SemaMap(table);
}

function deepMerge(args: Value[]): Value {
  if (args.length === 0) return new SemaMap();
  let result: Value = args[0]!;
  for (let i = 1; i < args.length; i++) result = mergeTwo(result, args[i]!);
  return result;
}

function twice(name: string, min: number, max: number, impl: BuiltinSpec['impl']): BuiltinSpec[] {
  return [fn(name, min, max, impl), fn(`map/${name}`, min, max, impl)];
}

export const mapNestedModule: StdlibModule = {
  name: 'map-nested',
  builtins: [
    ...twice('get-in', 2, 3, getIn),
    ...twice('assoc-in', 3, 3, assocIn),
    ...twice('update-in', 3, 3, updateIn),
    ...twice('deep-merge', 0, -1, deepMerge),
  ],
};
