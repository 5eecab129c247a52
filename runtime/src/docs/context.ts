// Catalogue entries for the ambient context (stdlib/context.ts; stdlib/context.md).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('context', sig, summary, examples);

export const contextDocs: BuiltinDoc[] = [
  d('(context/set key value)', 'Sets `key` in the innermost context frame. Returns nil.', ['(context/set :trace-id "abc-123")']),
  d('(context/get key)', 'The value of `key` in the innermost frame that has it, or nil.', ['(context/set :trace-id "abc-123")\n(context/get :trace-id)  ; => "abc-123"']),
  d('(context/has? key)', 'True when some context frame has `key`.', ['(context/has? :missing)  ; => #f']),
  d('(context/remove key)', 'Removes `key` from every context frame and returns its value (nil if it was not set).', ['(context/set :temp "data")\n(context/remove :temp)  ; => "data"']),
  d('(context/pull key)', 'Same as `context/remove`: returns the value of `key` and removes it.', ['(context/set :token "abc")\n(context/pull :token)  ; => "abc"']),
  d('(context/all)', 'The whole visible context as one map (inner frames win).', ['(context/set :a 1)\n(context/all)  ; => {:a 1}']),
  d('(context/merge map)', 'Sets every key of `map` in the innermost context frame. Returns nil.', ['(context/merge {:env "production" :version "1.0"})']),
  d('(context/clear)', 'Removes all key-value context (stacks and hidden values stay).', ['(context/clear)\n(context/all)  ; => {}']),
  d('(context/with map thunk)', 'Calls `thunk` with the keys of `map` in a new innermost frame, which is dropped when the thunk returns or fails. Returns the thunk\'s value.', ['(context/with {:env "staging"} (lambda () (context/get :env)))  ; => "staging"']),
  d('(context/push key value)', 'Appends `value` to the stack named `key`. Stacks ignore `context/with` frames. Returns nil.', ['(context/push :steps "parse")']),
  d('(context/stack key)', 'The values of the stack named `key`, oldest first.', ['(context/push :crumbs "a")\n(context/stack :crumbs)  ; => ("a")']),
  d('(context/pop key)', 'Removes and returns the newest value of the stack named `key`; nil when it is empty.', ['(context/push :s 1)\n(context/pop :s)  ; => 1']),
  d('(context/set-hidden key value)', 'Stores a value that `context/get` and `context/all` do not show (for secrets). Returns nil.', ['(context/set-hidden :api-key "sk-secret")']),
  d('(context/get-hidden key)', 'The hidden value of `key`, or nil.', ['(context/set-hidden :api-key "sk-secret")\n(context/get-hidden :api-key)  ; => "sk-secret"']),
  d('(context/has-hidden? key)', 'True when a hidden value is stored under `key`.', ['(context/set-hidden :api-key "sk-secret")\n(context/has-hidden? :api-key)  ; => #t']),
];
