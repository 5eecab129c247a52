// The builtin catalogue's entry types. One entry per builtin function, special form and
// macro; hover, completion, signature help, CLI help and the checks on `llm/*` options
// all read from here. This file imports nothing so that any layer can use it.

export type EntryKind = 'function' | 'special-form' | 'macro' | 'constant';

/** One option of an options map (`llm/complete`'s `:max-tokens`, ...). */
export interface OptionDoc {
  /** Keyword name without the colon, e.g. `max-tokens`. */
  readonly name: string;
  /** Human type, e.g. `positive integer`, `string`, `float 0.0-1.0`, `list of tools`. */
  readonly type: string;
  readonly summary: string;
  /** Default as Sema source text, when there is one. */
  readonly default?: string;
}

export interface BuiltinDoc {
  /** The name as written in code, e.g. `string/split`, `llm/complete`, `define`. */
  readonly name: string;
  readonly kind: EntryKind;
  /** Module/page it belongs to: `math`, `strings`, `lists`, `llm`, `special-forms`, ... */
  readonly module: string;
  /** Call shapes, e.g. `["(map f list)", "(map f list1 list2 ...)"]`. */
  readonly signatures: readonly string[];
  /** Parameter names of the first signature, for signature help. */
  readonly params: readonly string[];
  /** One or two sentences. Markdown allowed. */
  readonly summary: string;
  /** Sema source examples, each optionally with a `; => result` comment. */
  readonly examples: readonly string[];
  /** For functions that take an options map (the `llm/*` calls). */
  readonly options?: readonly OptionDoc[];
  /** Other names for the same thing (legacy aliases). */
  readonly aliases?: readonly string[];
}
