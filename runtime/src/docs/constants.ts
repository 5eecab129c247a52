// Catalogue entries for the stdlib's global constants (modules' `constants`): the language
// server must know them as builtins (no "unbound" warning on `pi`) and show their docs.

import type { BuiltinDoc } from './types';

const constant = (module: string, name: string, summary: string, examples: string[]): BuiltinDoc => ({
  name,
  kind: 'constant',
  module,
  signatures: [name],
  params: [],
  summary,
  examples,
});

export const constantDocs: BuiltinDoc[] = [
  constant('math', 'pi', 'The float closest to π.', ['(* 2 pi)  ; => 6.283185307179586']),
  constant('math', 'e', "The float closest to e, the base of natural logarithms.", ['(math/exp 1)  ; close to e']),
  constant('math', 'math/infinity', 'Positive infinity (a float); negate it for negative infinity.', ['(> math/infinity 1e308)  ; => #t']),
  constant('math', 'math/nan', 'Not-a-number (a float); never equal to anything, itself included: test with `math/nan?`.', ['(math/nan? math/nan)  ; => #t']),
  constant('streams', '*stdin*', "The program's standard input as a stream.", ['(stream/read-line *stdin*)']),
  constant('streams', '*stdout*', "The program's standard output as a stream.", ['(stream/write-string *stdout* "hi\\n")']),
  constant('streams', '*stderr*', "The program's standard error as a stream.", ['(stream/write-string *stderr* "warning\\n")']),
];
