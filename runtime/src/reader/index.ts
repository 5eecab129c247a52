// The reader's public API: text -> syntax tree (for editors) or values (for evaluation).

import { parse } from './parser';
import { lower, SpanTable } from './lower';
import type { ReadDiagnostic, ParseResult } from './syntax';
import type { Span } from './span';
import type { Value } from '../eval/values';

export { parse } from './parser';
export { lower, SpanTable } from './lower';
export { LineIndex, type LineCol } from './line-index';
export type { Span, SourceLocation } from './span';
export type { SyntaxNode, NodeKind, ParseResult, ReadDiagnostic, Comment, CommentKind } from './syntax';
export { isCollection } from './syntax';
export { isSymbolChar, isSymbolStart, isDelimiter } from './chars';

export interface ReadResult {
  readonly forms: Value[];
  /** Span of each top-level form, parallel to `forms`. */
  readonly formSpans: Span[];
  readonly spans: SpanTable;
  readonly diagnostics: ReadDiagnostic[];
  readonly tree: ParseResult;
}

/** Reads every form of `text` into values, with spans and diagnostics. Never throws. */
export function read(text: string): ReadResult {
  const tree = parse(text);
  const spans = new SpanTable();
  const forms = tree.nodes.map((n) => lower(n, spans));
  return { forms, formSpans: tree.nodes.map((n) => n.span), spans, diagnostics: tree.diagnostics, tree };
}
export { printValue, displayValue, formatFloat } from "./printer";
