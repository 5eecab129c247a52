// The concrete syntax tree the reader produces: every node has a span, nothing is lost
// but whitespace (comments are kept on the side). The language server works on this tree;
// the evaluator works on values lowered from it (lower.ts).

import type { Span } from './span';

export type CollectionKind = 'list' | 'vector' | 'map' | 'bytevector' | 'short-lambda';
export type PrefixKind = 'quote' | 'quasiquote' | 'unquote' | 'unquote-splicing';
export type AtomKind =
  | 'symbol'
  | 'keyword'
  | 'int'
  | 'float'
  | 'string'
  | 'char'
  | 'bool'
  | 'nil';

export type NodeKind = CollectionKind | PrefixKind | AtomKind | 'fstring' | 'error';

export interface SyntaxNode {
  readonly kind: NodeKind;
  readonly span: Span;
  /**
   * Collections: their elements. Prefix forms: the quoted form (empty when missing).
   * F-strings: the interpolated expressions, in order.
   */
  readonly children: readonly SyntaxNode[];
  /**
   * Atoms: the decoded value as text — symbol name, keyword name without `:`, string
   * contents after escapes, the character itself, number source, `#t`/`#f`.
   * Error nodes: the offending source text.
   */
  readonly text: string;
  /** Collections: the span of the opening delimiter (`(`, `#(`, `#u8(`, `[`, `{`). */
  readonly open?: Span;
  /** Collections: the span of the closing delimiter, absent when unclosed. */
  readonly close?: Span;
  /** F-strings: literal text pieces; `parts[i]` precedes `children[i]`. */
  readonly parts?: readonly string[];
}

export type CommentKind = 'line' | 'block' | 'datum';

export interface Comment {
  readonly kind: CommentKind;
  readonly span: Span;
}

export type Severity = 'error' | 'warning';

export interface ReadDiagnostic {
  readonly message: string;
  readonly span: Span;
  readonly severity: Severity;
  readonly hint?: string;
  /** Where the problem started when the span points elsewhere (e.g. an opener). */
  readonly related?: { readonly message: string; readonly span: Span };
}

export interface ParseResult {
  readonly nodes: SyntaxNode[];
  readonly comments: Comment[];
  readonly diagnostics: ReadDiagnostic[];
}

export function isCollection(n: SyntaxNode): boolean {
  return (
    n.kind === 'list' ||
    n.kind === 'vector' ||
    n.kind === 'map' ||
    n.kind === 'bytevector' ||
    n.kind === 'short-lambda'
  );
}
