// Catalogue entries for the evaluator's own builtins (stdlib/core.ts).

import type { BuiltinDoc } from './types';

const entry = (name: string, signatures: string[], params: string[], summary: string, examples: string[]): BuiltinDoc => ({
  name,
  kind: 'function',
  module: 'core',
  signatures,
  params,
  summary,
  examples,
});

export const coreDocs: BuiltinDoc[] = [
  entry('apply', ['(apply f args)', '(apply f x ... args)'], ['f', 'args'], 'Calls `f` with the elements of the list `args` as its arguments; leading values come first.', ["(apply + '(1 2 3))  ; => 6", "(apply max 1 '(5 3))  ; => 5"]),
  { ...entry('type', ['(type value)'], ['value'], 'The type of `value` as a keyword: `:int`, `:float`, `:string`, `:list`, `:map`, ... A record gives its type name.', ['(type 42)  ; => :int', '(type [1 2])  ; => :vector']), aliases: ['type-of'] },
  entry('gensym', ['(gensym)', '(gensym prefix)'], ['prefix'], 'A fresh symbol that no other code uses, for macros that introduce bindings.', ['(gensym "tmp")  ; => tmp__1']),
  entry('force', ['(force promise)'], ['promise'], 'Evaluates a `delay`ed expression once and returns its (memoized) value; other values pass through.', ['(force (delay (+ 1 2)))  ; => 3', '(force 42)  ; => 42']),
  entry('promise?', ['(promise? value)'], ['value'], 'True when `value` was made by `delay`.', ['(promise? (delay 1))  ; => #t']),
  entry('promise-forced?', ['(promise-forced? promise)'], ['promise'], 'True once the promise has been forced.', ['(promise-forced? (delay 1))  ; => #f']),
  entry('error', ['(error message ...)'], ['message'], 'Raises an `:eval` error whose message is the arguments displayed and joined by spaces.', ['(try (error "boom") (catch e (:message e)))  ; => "boom"']),
  entry('__nil?', ['(__nil? value)'], ['value'], 'Internal: used by the built-in macros to test for nil.', []),
];
