// Sema runtime errors. Every error carries a `type` (the `:type` of the error map that
// try/catch sees), a message, and where known the source location of the failing form.
// Only the CLI turns locations into `file:line:col` text.

import type { SourceLocation } from '../reader/span';
import type { Value } from './values';

export type ErrorType =
  | 'reader'
  | 'eval'
  | 'type-error'
  | 'arity'
  | 'unbound'
  | 'permission-denied'
  | 'llm'
  | 'io'
  | 'permission-denied'
  | 'user'
  | string;

export class SemaError extends Error {
  /** Where the failing form is; filled in by the evaluator as the error unwinds. */
  location: SourceLocation | undefined;
  /** Call sites from innermost outwards (function name + where it was called). */
  readonly trace: { name: string; location: SourceLocation | undefined }[] = [];

  constructor(
    message: string,
    readonly type: ErrorType = 'eval',
    /** Extra fields of the error map (`:name`, `:expected`, `:value`, ...). */
    readonly fields: Record<string, Value> = {},
    /** Hint printed after the message (e.g. "did you mean ..."). */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SemaError';
  }

  at(location: SourceLocation | undefined): this {
    if (this.location === undefined && location !== undefined) this.location = location;
    return this;
  }
}

export function evalError(message: string): SemaError {
  return new SemaError(message, 'eval');
}

/** `Type error: expected X, got Y` with the function name prefixed where given. */
export function typeError(fn: string, expected: string, got: string, argIndex?: number): SemaError {
  const where = argIndex === undefined ? '' : ` (argument ${argIndex + 1})`;
  return new SemaError(`${fn}: expected ${expected}, got ${got}${where}`, 'type-error', {
    expected,
    got,
  });
}

export function arityError(fn: string, expected: string, got: number): SemaError {
  return new SemaError(`${fn} expects ${expected} args, got ${got}`, 'arity');
}

export function ioError(message: string): SemaError {
  return new SemaError(message, 'io');
}

/** Thrown by `(throw v)`: carries the original value. */
export class UserThrow extends SemaError {
  constructor(readonly value: Value, message: string) {
    super(message, 'user', { value });
  }
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    curr[0] = i + 1;
    for (let j = 0; j < b.length; j++) {
      const cost = a[i] === b[j] ? 0 : 1;
      curr[j + 1] = Math.min(prev[j]! + cost, prev[j + 1]! + 1, curr[j]! + 1);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** The closest candidate within a third of the name's length (1..3 edits), if any. */
export function suggestSimilar(name: string, candidates: Iterable<string>): string | undefined {
  const threshold = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > threshold) continue;
    const d = editDistance(name, c);
    if (d > 0 && d <= threshold && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
