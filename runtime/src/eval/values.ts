// The Sema value model. Hot values are plain JS for speed: nil is `null`, booleans are
// `true`/`false`, integers are JS numbers (always integral), strings are JS strings and
// lists are JS arrays (treated as immutable). Everything else is an object with a `kind`.
// Floats are boxed (`Float`) so that `3.0` stays a float and prints as `3.0`.

import { forEachLeaf, hashKey, insert, Leaf, lookup, remove, type Slot } from './hamt';

export type Value =
  | null
  | boolean
  | number
  | string
  | Value[]
  | Float
  | Sym
  | Keyword
  | Char
  | Vector
  | SemaMap
  | SemaHashMap
  | Bytevector
  | F64Array
  | I64Array
  | Procedure
  | Macro
  | Thunk
  | RecordValue
  | Opaque;

/** A boxed IEEE double. Integers are never boxed. */
export class Float {
  readonly kind = 'float';
  constructor(readonly value: number) {}
}

/** Interned symbol: compare with `===`. */
export class Sym {
  readonly kind = 'symbol';
  private constructor(readonly name: string) {}
  private static readonly table = new Map<string, Sym>();
  static of(name: string): Sym {
    let s = Sym.table.get(name);
    if (s === undefined) {
      s = new Sym(name);
      Sym.table.set(name, s);
    }
    return s;
  }
}

/** Interned keyword (`:name`; `name` excludes the colon): compare with `===`. */
export class Keyword {
  readonly kind = 'keyword';
  private constructor(readonly name: string) {}
  private static readonly table = new Map<string, Keyword>();
  static of(name: string): Keyword {
    let k = Keyword.table.get(name);
    if (k === undefined) {
      k = new Keyword(name);
      Keyword.table.set(name, k);
    }
    return k;
  }
}

/** One Unicode scalar value (`ch` may be a surrogate pair). */
export class Char {
  readonly kind = 'char';
  constructor(readonly ch: string) {}
}

export class Vector {
  readonly kind = 'vector';
  constructor(readonly items: Value[]) {}
}

export class Bytevector {
  readonly kind = 'bytevector';
  constructor(readonly bytes: Uint8Array) {}
}

/**
 * `#f64(...)`: unboxed doubles in one contiguous buffer. Treated as immutable, like
 * bytevectors: `f64-array/set!` returns an updated copy (the reference copies too
 * whenever the array is still reachable from anywhere else).
 */
export class F64Array {
  readonly kind = 'f64-array';
  constructor(readonly data: Float64Array) {}
}

/**
 * `#i64(...)`: integers in one contiguous buffer. Elements are Sema ints, which are JS
 * numbers, so the buffer is a Float64Array holding integral values: exact within
 * ±2^53 and rounded beyond it exactly as every other int in this runtime. Sums wrap
 * around at 64 bits like `+` does.
 */
export class I64Array {
  readonly kind = 'i64-array';
  constructor(readonly data: Float64Array) {}
}

/**
 * Key used to index maps: two Sema values that are `equal?` produce the same key string.
 * Defined in `equality.ts`; re-exported here for the map classes.
 */
export type MapKey = string;

type Entry = [Value, Value];

let nextSeq = 0;

/**
 * Storage shared by both map kinds. A map is backed by a JS Map (`table`, as built by
 * the reader and most stdlib functions) or by a persistent hash trie (after `withEntry`
 * / `withoutKey`, which share structure with the original instead of copying it). Each
 * form is derived from the other on first use and cached; neither is ever mutated.
 */
abstract class EntryTable {
  private cachedTable: Map<MapKey, Entry> | undefined;
  private trie: Slot<Entry> | null | undefined;
  private readonly count: number;

  constructor(table?: Map<MapKey, Entry>, trie?: Slot<Entry> | null, size?: number) {
    if (trie !== undefined) {
      this.trie = trie;
      this.count = size ?? 0;
    } else {
      this.cachedTable = table ?? new Map();
      this.count = this.cachedTable.size;
    }
  }

  /** Entries by canonical key, in insertion order. Do not mutate. */
  get table(): Map<MapKey, Entry> {
    if (this.cachedTable === undefined) {
      const leaves: Leaf<Entry>[] = [];
      forEachLeaf(this.trie ?? null, (l) => leaves.push(l));
      leaves.sort((a, b) => a.seq - b.seq);
      this.cachedTable = new Map(leaves.map((l) => [l.key, l.entry]));
    }
    return this.cachedTable;
  }

  get size(): number {
    return this.count;
  }

  /** The entry stored under a canonical key. */
  getEntry(key: MapKey): Entry | undefined {
    if (this.cachedTable !== undefined) return this.cachedTable.get(key);
    return lookup(this.trie ?? null, key, hashKey(key))?.entry;
  }

  protected root(): Slot<Entry> | null {
    if (this.trie === undefined) {
      let node: Slot<Entry> | null = null;
      const out = { added: false };
      for (const [key, entry] of this.cachedTable!) node = insert(node, new Leaf(key, hashKey(key), entry, nextSeq++), 0, out);
      this.trie = node;
    }
    return this.trie;
  }

  protected inserted(key: MapKey, entry: Entry): { trie: Slot<Entry>; size: number } {
    const out = { added: false };
    const trie = insert(this.root(), new Leaf(key, hashKey(key), entry, nextSeq++), 0, out);
    return { trie, size: this.count + (out.added ? 1 : 0) };
  }

  protected removed(key: MapKey): { trie: Slot<Entry> | null; size: number } | undefined {
    if (this.getEntry(key) === undefined) return undefined;
    return { trie: remove(this.root(), key, hashKey(key), 0), size: this.count - 1 };
  }
}

/**
 * Sorted map (`{:a 1}`), immutable: operations return new maps.
 * Entries are indexed by a canonical key; iteration order is the reference's BTreeMap
 * order (see `compareValues`), computed lazily and cached.
 */
export class SemaMap extends EntryTable {
  readonly kind = 'map';
  private sorted: Entry[] | undefined;
  /** Entries in sorted key order. Do not mutate the returned array. */
  entries(): Entry[] {
    if (this.sorted === undefined) {
      this.sorted = [...this.table.values()].sort((a, b) => compareHook.compare(a[0], b[0]));
    }
    return this.sorted;
  }
  /** A new map with `entry` stored under `key` (the canonical key of entry[0]). */
  withEntry(key: MapKey, entry: Entry): SemaMap {
    const { trie, size } = this.inserted(key, entry);
    return new SemaMap(undefined, trie, size);
  }
  /** A new map without `key` (this map itself when the key is absent). */
  withoutKey(key: MapKey): SemaMap {
    const r = this.removed(key);
    return r === undefined ? this : new SemaMap(undefined, r.trie, r.size);
  }
}

/** Hash map (`hashmap/new`): same shape as SemaMap but prints sorted and iterates in insertion order. */
export class SemaHashMap extends EntryTable {
  readonly kind = 'hashmap';
  entries(): Entry[] {
    return [...this.table.values()];
  }
  withEntry(key: MapKey, entry: Entry): SemaHashMap {
    const { trie, size } = this.inserted(key, entry);
    return new SemaHashMap(undefined, trie, size);
  }
  withoutKey(key: MapKey): SemaHashMap {
    const r = this.removed(key);
    return r === undefined ? this : new SemaHashMap(undefined, r.trie, r.size);
  }
}

/** Ordering used by sorted maps; installed by equality.ts to avoid an import cycle. */
export const compareHook: { compare: (a: Value, b: Value) => number } = {
  compare: () => 0,
};

/** Host callback invoked with evaluated arguments. */
export type NativeImpl = (args: Value[], ctx: CallContext) => Value;

/** What a native function may need from the interpreter while it runs. */
export interface CallContext {
  /**
   * Call any Sema procedure (lambda, native, keyword-as-function, ...). `args` must be a
   * fresh array: the callee may keep it as its frame.
   */
  apply(fn: Value, args: Value[]): Value;
  /** `apply(fn, [a])`, cheaper for callbacks in loops. */
  apply1(fn: Value, a: Value): Value;
  /** `apply(fn, [a, b])`, cheaper for callbacks in loops. */
  apply2(fn: Value, a: Value, b: Value): Value;
  /** The running interpreter; natives that need more (output, env, LLM) reach it here. */
  readonly interp: InterpreterLike;
}

/** The slice of the interpreter that values and natives may see (avoids an import cycle). */
export interface InterpreterLike {
  /** Write text to the program's stdout (captured by the CLI/editor). */
  writeOut(text: string): void;
  writeErr(text: string): void;
  /** Path of the file being run, or undefined for -e / REPL. */
  readonly currentFile: string | undefined;
  /** True once the user asked to stop (Ctrl+C, editor cancel); long-running natives poll it. */
  interrupted(): boolean;
}

export type Procedure = NativeFn | Lambda | MultiMethod;

export class NativeFn {
  readonly kind = 'native';
  /**
   * Set for natives that may suspend a task (`channel/recv`, `async/sleep`, ...). Called
   * directly by a higher-order native inside a task they refuse to suspend (see
   * eval/scheduler.ts `asCallback`).
   */
  yields = false;
  constructor(
    readonly name: string,
    readonly impl: NativeImpl,
    /** Same as `impl([a])` without the array, for the hottest one-argument builtins. */
    readonly call1: ((a: Value) => Value) | undefined = undefined,
    /** Same as `impl([a, b])` without the array, for the hottest two-argument builtins. */
    readonly call2: ((a: Value, b: Value) => Value) | undefined = undefined,
  ) {}
}

/**
 * A user function. The evaluator subclasses it with the compiled body and captured frame;
 * call one through `CallContext.apply`.
 */
export class Lambda {
  readonly kind = 'lambda';
  constructor(
    readonly name: string | undefined,
    /** Parameter list as written, for hover/printing/arity messages. */
    readonly params: ParamInfo,
    readonly doc: string | undefined,
  ) {}
}

export interface ParamInfo {
  readonly required: string[];
  readonly optional: string[];
  readonly rest: string | undefined;
}

export class Macro {
  readonly kind = 'macro';
  constructor(
    readonly name: string,
    readonly params: ParamInfo,
    readonly expand: (args: Value[]) => Value,
  ) {}
}

export class MultiMethod {
  readonly kind = 'multimethod';
  readonly methods = new Map<MapKey, Value>();
  defaultMethod: Value | undefined;
  constructor(
    readonly name: string,
    readonly dispatch: Value,
  ) {}
}

/** `delay` promise. */
export class Thunk {
  readonly kind = 'promise';
  forced = false;
  value: Value = null;
  constructor(public compute: (() => Value) | undefined) {}
}

export class RecordType {
  constructor(
    readonly name: string,
    readonly fields: string[],
  ) {}
}

export class RecordValue {
  readonly kind = 'record';
  constructor(
    readonly type: RecordType,
    readonly fields: Value[],
  ) {}
}

/**
 * Values owned by other modules (prompts, messages, conversations, tools, agents, ...).
 * `typeName` is what `(type v)` returns (without colon); `print` gives the printed form.
 */
export abstract class Opaque {
  readonly kind = 'opaque';
  abstract readonly typeName: string;
  abstract print(): string;
  /** Structural equality for `equal?`; defaults to identity. */
  equals(other: Opaque): boolean {
    return this === other;
  }
}

export const NIL = null;

export function isList(v: Value): v is Value[] {
  return Array.isArray(v);
}

export function isTruthy(v: Value): boolean {
  return v !== null && v !== false;
}

export function float(n: number): Float {
  return new Float(n);
}

export function sym(name: string): Sym {
  return Sym.of(name);
}

export function kw(name: string): Keyword {
  return Keyword.of(name);
}

export function isProcedure(v: Value): boolean {
  return (
    v instanceof NativeFn ||
    v instanceof Lambda ||
    v instanceof MultiMethod ||
    v instanceof Keyword
  );
}

/** The keyword name `(type v)` returns, without the colon. */
export function typeName(v: Value): string {
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'int';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'list';
  switch (v.kind) {
    case 'float':
      return 'float';
    case 'symbol':
      return 'symbol';
    case 'keyword':
      return 'keyword';
    case 'char':
      return 'char';
    case 'vector':
      return 'vector';
    case 'map':
      return 'map';
    case 'hashmap':
      return 'hashmap';
    case 'bytevector':
      return 'bytevector';
    case 'f64-array':
      return 'f64-array';
    case 'i64-array':
      return 'i64-array';
    case 'native':
      return 'native-fn';
    case 'lambda':
      return 'lambda';
    case 'macro':
      return 'macro';
    case 'multimethod':
      return 'multimethod';
    case 'promise':
      return 'promise';
    case 'record':
      return v.type.name;
    case 'opaque':
      return v.typeName;
  }
}
