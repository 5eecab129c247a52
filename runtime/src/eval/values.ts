// The Sema value model. Hot values are plain JS for speed: nil is `null`, booleans are
// `true`/`false`, integers are JS numbers (always integral), strings are JS strings and
// lists are JS arrays (treated as immutable). Everything else is an object with a `kind`.
// Floats are boxed (`Float`) so that `3.0` stays a float and prints as `3.0`.


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
 * Key used to index maps: two Sema values that are `equal?` produce the same key string.
 * Defined in `equality.ts`; re-exported here for the map classes.
 */
export type MapKey = string;

/**
 * Sorted map (`{:a 1}`), immutable by convention: operations return new maps.
 * Entries are kept in a JS Map keyed by a canonical key; iteration order is the
 * reference's BTreeMap order (see `compareValues`), computed lazily and cached.
 */
export class SemaMap {
  readonly kind = 'map';
  private sorted: [Value, Value][] | undefined;
  constructor(readonly table: Map<MapKey, [Value, Value]> = new Map()) {}
  get size(): number {
    return this.table.size;
  }
  /** Entries in sorted key order. Do not mutate the returned array. */
  entries(): [Value, Value][] {
    if (this.sorted === undefined) {
      this.sorted = [...this.table.values()].sort((a, b) => compareHook.compare(a[0], b[0]));
    }
    return this.sorted;
  }
}

/** Hash map (`hashmap/new`): same shape as SemaMap but prints sorted and iterates in insertion order. */
export class SemaHashMap {
  readonly kind = 'hashmap';
  constructor(readonly table: Map<MapKey, [Value, Value]> = new Map()) {}
  get size(): number {
    return this.table.size;
  }
  entries(): [Value, Value][] {
    return [...this.table.values()];
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
  /** Call any Sema procedure (lambda, native, keyword-as-function, ...). */
  apply(fn: Value, args: Value[]): Value;
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
  constructor(
    readonly name: string,
    readonly impl: NativeImpl,
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
