// The result of analysing one document: bindings, every symbol occurrence resolved to
// what it names, lexical scopes and warnings. Features read this; none re-walk the tree.

import type { BuiltinDoc } from '@sema/runtime/docs';
import type { ParseResult, Span, SyntaxNode } from '@sema/runtime/reader';

export type BindingKind =
  | 'variable'
  | 'function'
  | 'macro'
  | 'tool'
  | 'agent'
  | 'record'
  | 'multimethod'
  | 'parameter'
  | 'local';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** Where the name itself is written. */
  readonly nameSpan: Span;
  /** The whole defining form (define, the let binding, the lambda). */
  readonly formSpan: Span;
  /** Top-level definitions (global in the file) as opposed to locals. */
  readonly global: boolean;
  /** How it was bound, for hover on locals: `let`, `lambda`, `match`, `catch`, ... */
  readonly binder: string;
  /** Function-like bindings: parameter names as written (`&` and `.` kept out). */
  readonly params?: readonly string[];
  /** Name of the rest parameter, when the function is variadic. */
  readonly rest?: string;
  readonly doc?: string;
  /** Set for definitions read from another file (import/load). */
  readonly uri?: string;
  /** Locals: the region where the name is visible. */
  readonly scope?: Span;
}

export interface Occurrence {
  readonly name: string;
  readonly span: Span;
  /** The binding it names, when it names a user binding (this file's or an imported one). */
  readonly binding?: Binding;
  /** True where the occurrence *is* the binding's name. */
  readonly declaration: boolean;
  /** The catalogue entry when it names a builtin. */
  readonly builtin?: BuiltinDoc;
  /** True when it names a special form or prelude macro in head position. */
  readonly special: boolean;
  /** True in head position of a list (a call). */
  readonly head: boolean;
}

export interface Scope {
  readonly span: Span;
  readonly bindings: readonly Binding[];
}

export interface Warning {
  readonly message: string;
  readonly span: Span;
  readonly code: string;
  /** Text that would fix it ("did you mean"), for a quick fix replacing `span`. */
  readonly suggestion?: string;
}

export interface ImportRef {
  readonly path: string;
  readonly span: Span;
  readonly kind: 'import' | 'load';
}

/** A call to an `llm/*` function with a literal options map, for completion and hover. */
export interface OptionsMap {
  readonly fn: string;
  readonly map: SyntaxNode;
}

export interface Analysis {
  readonly text: string;
  readonly parse: ParseResult;
  readonly definitions: readonly Binding[];
  readonly locals: readonly Binding[];
  readonly occurrences: readonly Occurrence[];
  readonly scopes: readonly Scope[];
  readonly warnings: readonly Warning[];
  readonly imports: readonly ImportRef[];
  readonly optionMaps: readonly OptionsMap[];
  /** Definitions of imported/loaded files that were available to the analysis. */
  readonly imported: readonly Binding[];
}
