// Catalogue entries for stdlib/debugging.ts.

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('debugging', sig, summary, examples);

export const debuggingDocs: BuiltinDoc[] = [
  d(['(assert condition)', '(assert condition message)'], 'Returns #t when `condition` is truthy; otherwise raises an error with `message` (default "assertion failed").', ['(assert (= 1 1))  ; => #t']),
  d('(assert= expected actual)', 'Returns #t when the two values are equal; otherwise raises "assertion failed: expected X, got Y".', ['(assert= 4 (+ 2 2))  ; => #t']),
  d('(spy label value)', 'Prints `[label] value` to stderr and returns `value` unchanged: drop it into a pipeline to watch a value.', ['(spy "sum" (+ 1 2))  ; prints [sum] 3, => 3']),
  d('(time thunk)', 'Calls the zero-argument function, prints `Elapsed: N.NNNms` to stderr and returns its result.', ['(time (fn () (foldl + 0 (range 1000))))  ; => 499500']),
  d('(time/ms thunk)', 'Calls the zero-argument function and returns how long it took, in milliseconds (a float).', ['(time/ms (fn () (range 1000)))']),
  d('(log/info message ...)', 'Prints `[INFO] message ...` to stderr (strings as they are, other values printed), followed by the context map when `context/set` has set anything.', ['(log/info "started" 3)  ; prints [INFO] started 3']),
  d('(log/warn message ...)', 'Like `log/info`, at level WARN.', ['(log/warn "disk almost full")']),
  d('(log/error message ...)', 'Like `log/info`, at level ERROR.', ['(log/error "failed:" {:code 2})']),
  d('(log/debug message ...)', 'Like `log/info`, at level DEBUG.', ['(log/debug "x =" 42)']),
];
