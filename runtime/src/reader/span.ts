// Source spans: UTF-16 offsets into the text, half-open [start, end).
// Line/column conversion lives in line-index.ts; nothing else computes it.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** A span plus the file it belongs to (undefined for -e, REPL and eval'd strings). */
export interface SourceLocation {
  readonly file: string | undefined;
  readonly span: Span;
}
