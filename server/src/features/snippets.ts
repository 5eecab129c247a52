// Snippets for the common forms. Bodies are inserted after an already typed `(`.

export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

export const SNIPPETS: readonly Snippet[] = [
  { label: 'defun (snippet)', detail: 'define a function', body: 'defun ${1:name} (${2:args})\n  ${0:body})' },
  { label: 'define (snippet)', detail: 'define a value', body: 'define ${1:name} ${0:value})' },
  { label: 'let (snippet)', detail: 'local bindings', body: 'let ((${1:name} ${2:value}))\n  ${0:body})' },
  { label: 'lambda (snippet)', detail: 'anonymous function', body: 'lambda (${1:args}) ${0:body})' },
  { label: 'if (snippet)', detail: 'conditional', body: 'if ${1:test}\n    ${2:then}\n    ${0:else})' },
  { label: 'cond (snippet)', detail: 'multi-way conditional', body: 'cond\n  (${1:test} ${2:expr})\n  (else ${0:expr}))' },
  { label: 'match (snippet)', detail: 'pattern match', body: 'match ${1:value}\n  (${2:pattern} ${3:expr})\n  (_ ${0:expr}))' },
  { label: 'try (snippet)', detail: 'catch errors', body: 'try\n  ${1:body}\n  (catch e\n    ${0:handler}))' },
  { label: 'llm/complete (snippet)', detail: 'complete a prompt', body: 'llm/complete "${1:prompt}" {:max-tokens ${2:200}})' },
  { label: 'deftool (snippet)', detail: 'define a tool', body: 'deftool ${1:name}\n  "${2:description}"\n  {:${3:param} {:type :string}}\n  (lambda (${3:param})\n    ${0:body}))' },
];
