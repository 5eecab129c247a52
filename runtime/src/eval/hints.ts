// Hints for names that programmers coming from other Lisps commonly reach for.

const HINTS: Record<string, string> = {
  setq: "Sema uses 'set!' to assign a variable",
  setf: "Sema uses 'set!' to assign a variable",
  funcall: 'call functions directly in Sema: (f arg ...)',
  mapcar: "Sema's 'map' maps a function over lists",
  loop: "loop with 'do', 'while', named let, or a tail-recursive function",
  princ: "print with 'print', 'println' or 'display'",
  prin1: "print with 'print', 'println' or 'display'",
  defvar: "Sema uses 'define' for variables",
  defparameter: "Sema uses 'define' for variables",
  labels: "bind local recursive functions with 'letrec'",
  flet: "bind local functions with 'let' or 'letrec'",
  'type-of': "Sema's 'type' returns a value's type as a keyword",
  typep: "Sema's 'type' returns a value's type as a keyword",
  atom: "there are no atoms in Sema; 'define' a variable and change it with 'set!'",
  'swap!': "change a variable with 'set!'",
  deref: "Sema's 'force' evaluates a delayed value",
  conj: "use 'cons' to prepend or 'append' to add at the end",
  'define-syntax': "Sema defines macros with 'defmacro'",
  'syntax-rules': "Sema defines macros with 'defmacro'",
  'call/cc': "Sema has no first-class continuations; use 'try'/'throw' for non-local exits",
  'call-with-current-continuation': "Sema has no first-class continuations; use 'try'/'throw' for non-local exits",
  'string-join': "Sema's name is 'string/join'",
  'string-split': "Sema's name is 'string/split'",
  'string-trim': "Sema's name is 'string/trim'",
  'string-contains': "Sema's name is 'string/contains?'",
};

export function veteranHint(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(HINTS, name) ? HINTS[name] : undefined;
}
