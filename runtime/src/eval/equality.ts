// Structural equality (`equal?`/`eq?`), the total order used by sorted maps and `sort`,
// and the canonical key that lets JS Maps index Sema values.

import {
  Bytevector,
  Char,
  compareHook,
  F64Array,
  Float,
  I64Array,
  Keyword,
  RecordValue,
  SemaHashMap,
  SemaMap,
  Sym,
  Vector,
  type Value,
} from './values';

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

function identityOf(o: object): number {
  let id = identities.get(o);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(o, id);
  }
  return id;
}

/** Canonical key: two values have the same key exactly when they are `equal?`. */
export function mapKey(v: Value): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'number':
      return 'i' + v;
    case 'string':
      return 's' + v;
  }
  if (Array.isArray(v)) return 'l(' + v.map(mapKey).join('\u0001') + ')';
  switch (v.kind) {
    case 'keyword':
      return 'k' + v.name;
    case 'symbol':
      return 'y' + v.name;
    case 'float':
      return 'd' + (Object.is(v.value, -0) ? '-0' : String(v.value));
    case 'char':
      return 'c' + v.ch;
    case 'vector':
      return 'v(' + v.items.map(mapKey).join('\u0001') + ')';
    case 'map':
    case 'hashmap':
      return (
        'm(' +
        [...v.table.values()]
          .map(([k, val]) => mapKey(k) + '\u0002' + mapKey(val))
          .sort()
          .join('\u0001') +
        ')'
      );
    case 'bytevector':
      return 'b' + Array.from(v.bytes).join(',');
    case 'f64-array':
      return 'F' + Array.from(v.data, f64Key).join(',');
    case 'i64-array':
      return 'I' + v.data.join(',');
    case 'record':
      return 'r' + identityOf(v.type) + '(' + v.fields.map(mapKey).join('\u0001') + ')';
    default:
      return 'o' + identityOf(v);
  }
}

/** Distinguishes -0 from 0 (typed arrays compare element bits, as the reference does). */
function f64Key(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** Same elements bit for bit: NaN equals NaN, -0 differs from 0. */
function sameF64s(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** IEEE total order (`f64::total_cmp`) for the NaN-free-sign doubles JS exposes: -0 < 0, NaN last. */
function totalCmp(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  if (x === y) return Object.is(x, -0) === Object.is(y, -0) ? 0 : Object.is(x, -0) ? -1 : 1;
  return x < y ? -1 : 1;
}

function cmpNumbers(a: Float64Array, b: Float64Array, cmp: (x: number, y: number) => number): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = cmp(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return cmpPrim(a.length, b.length);
}

/** `equal?`: structural, no numeric coercion (1 and 1.0 differ). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i]!, b[i]!)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  if (a instanceof Float) return b instanceof Float && (a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)));
  if (a instanceof Char) return b instanceof Char && a.ch === b.ch;
  if (a instanceof Vector) return b instanceof Vector && valuesEqual(a.items, b.items);
  if ((a instanceof SemaMap && b instanceof SemaMap) || (a instanceof SemaHashMap && b instanceof SemaHashMap)) {
    if (a.size !== b.size) return false;
    for (const [k, [, va]] of a.table) {
      const eb = b.table.get(k);
      if (eb === undefined || !valuesEqual(va, eb[1])) return false;
    }
    return true;
  }
  if (a instanceof Bytevector) {
    if (!(b instanceof Bytevector) || a.bytes.length !== b.bytes.length) return false;
    return a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof F64Array) return b instanceof F64Array && sameF64s(a.data, b.data);
  if (a instanceof I64Array) return b instanceof I64Array && sameF64s(a.data, b.data);
  if (a instanceof RecordValue) {
    return b instanceof RecordValue && a.type === b.type && valuesEqual(a.fields, b.fields);
  }
  if (a.kind === 'opaque' && b.kind === 'opaque') return a.equals(b);
  return false;
}

function typeOrder(v: Value): number {
  if (v === null) return 0;
  switch (typeof v) {
    case 'boolean':
      return 1;
    case 'number':
      return 2;
    case 'string':
      return 5;
  }
  if (Array.isArray(v)) return 8;
  switch (v.kind) {
    case 'float':
      return 3;
    case 'char':
      return 4;
    case 'symbol':
      return 6;
    case 'keyword':
      return 7;
    case 'vector':
      return 9;
    case 'map':
      return 10;
    case 'hashmap':
      return 11;
    case 'record':
      return 12;
    case 'bytevector':
      return 13;
    case 'f64-array':
      return 14;
    case 'i64-array':
      return 15;
    default:
      return 17;
  }
}

function cmpPrim<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpSeq(a: readonly Value[], b: readonly Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return cmpPrim(a.length, b.length);
}

/** Total order matching the reference's: by type first, then by value within a type. */
export function compareValues(a: Value, b: Value): number {
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (ta !== tb) return ta - tb;
  switch (ta) {
    case 1:
      return cmpPrim(Number(a), Number(b));
    case 2:
      return cmpPrim(a as number, b as number);
    case 3: {
      const x = (a as Float).value;
      const y = (b as Float).value;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      return cmpPrim(x, y);
    }
    case 4:
      return cmpPrim((a as Char).ch.codePointAt(0)!, (b as Char).ch.codePointAt(0)!);
    case 5:
      return cmpPrim(a as string, b as string);
    case 6:
      return cmpPrim((a as Sym).name, (b as Sym).name);
    case 7:
      return cmpPrim((a as Keyword).name, (b as Keyword).name);
    case 8:
      return cmpSeq(a as Value[], b as Value[]);
    case 9:
      return cmpSeq((a as Vector).items, (b as Vector).items);
    case 12: {
      const ra = a as RecordValue;
      const rb = b as RecordValue;
      return cmpPrim(ra.type.name, rb.type.name) || cmpSeq(ra.fields, rb.fields);
    }
    case 13:
      return cmpSeq(Array.from((a as Bytevector).bytes), Array.from((b as Bytevector).bytes));
    case 14:
      return cmpNumbers((a as F64Array).data, (b as F64Array).data, totalCmp);
    case 15:
      return cmpNumbers((a as I64Array).data, (b as I64Array).data, cmpPrim);
    default:
      return 0;
  }
}

compareHook.compare = compareValues;

/** Builds a sorted map from alternating keys and values (later keys win). */
export function mapFromPairs(pairs: readonly Value[]): SemaMap {
  const table = new Map<string, [Value, Value]>();
  for (let i = 0; i + 1 < pairs.length; i += 2) table.set(mapKey(pairs[i]!), [pairs[i]!, pairs[i + 1]!]);
  return new SemaMap(table);
}

export function mapGet(m: SemaMap | SemaHashMap, k: Value): Value | undefined {
  return m.getEntry(mapKey(k))?.[1];
}

/** A copy of `m` with `k` set to `v` (maps are immutable). */
export function mapAssoc<M extends SemaMap | SemaHashMap>(m: M, k: Value, v: Value): M {
  return m.withEntry(mapKey(k), [k, v]) as M;
}

/** A copy of `m` without `k`. */
export function mapDissoc<M extends SemaMap | SemaHashMap>(m: M, k: Value): M {
  return m.withoutKey(mapKey(k)) as M;
}
