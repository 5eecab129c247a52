// What the analysis must know about special forms and prelude macros beyond their docs:
// how many operands they take and whether their body indents like a definition. The docs
// themselves (hover text, signatures) come from the runtime catalogue.

export interface FormInfo {
  /** Fewest operands (elements after the head). */
  readonly min: number;
  /** Most operands; Infinity when open-ended. */
  readonly max: number;
  /** Formatter: operands after this many "distinguished" ones indent as a body (+2). */
  readonly body?: number;
  /** Shape shown when the catalogue has no entry yet. */
  readonly shape: string;
}

const INF = Infinity;

export const SPECIAL_FORMS: ReadonlyMap<string, FormInfo> = new Map<string, FormInfo>([
  ['quote', { min: 1, max: 1, shape: '(quote datum)' }],
  ['quasiquote', { min: 1, max: 1, shape: '(quasiquote template)' }],
  ['unquote', { min: 1, max: 1, shape: '(unquote expr)' }],
  ['unquote-splicing', { min: 1, max: 1, shape: '(unquote-splicing expr)' }],
  ['if', { min: 2, max: 3, body: 1, shape: '(if test then else?)' }],
  ['cond', { min: 0, max: INF, body: 0, shape: '(cond (test expr ...) ... (else expr ...))' }],
  ['case', { min: 1, max: INF, body: 1, shape: '(case key ((datum ...) expr ...) ... (else expr ...))' }],
  ['define', { min: 1, max: INF, body: 1, shape: '(define name value) | (define (name params ...) body ...)' }],
  ['def', { min: 1, max: INF, body: 1, shape: '(def name value)' }],
  ['defun', { min: 2, max: INF, body: 2, shape: '(defun name (params ...) body ...)' }],
  ['defn', { min: 2, max: INF, body: 2, shape: '(defn name (params ...) body ...)' }],
  ['defmacro', { min: 2, max: INF, body: 2, shape: '(defmacro name (params ...) body ...)' }],
  ['set!', { min: 2, max: 2, body: 1, shape: '(set! name value)' }],
  ['lambda', { min: 1, max: INF, body: 1, shape: '(lambda (params ...) body ...)' }],
  ['fn', { min: 1, max: INF, body: 1, shape: '(fn (params ...) body ...)' }],
  ['let', { min: 1, max: INF, body: 1, shape: '(let ((name value) ...) body ...)' }],
  ['let*', { min: 1, max: INF, body: 1, shape: '(let* ((name value) ...) body ...)' }],
  ['letrec', { min: 1, max: INF, body: 1, shape: '(letrec ((name value) ...) body ...)' }],
  ['begin', { min: 0, max: INF, body: 0, shape: '(begin expr ...)' }],
  ['progn', { min: 0, max: INF, body: 0, shape: '(progn expr ...)' }],
  ['do', { min: 2, max: INF, body: 2, shape: '(do ((var init step) ...) (test result ...) body ...)' }],
  ['and', { min: 0, max: INF, shape: '(and expr ...)' }],
  ['or', { min: 0, max: INF, shape: '(or expr ...)' }],
  ['when', { min: 1, max: INF, body: 1, shape: '(when test body ...)' }],
  ['unless', { min: 1, max: INF, body: 1, shape: '(unless test body ...)' }],
  ['while', { min: 1, max: INF, body: 1, shape: '(while test body ...)' }],
  ['throw', { min: 1, max: 1, shape: '(throw value)' }],
  ['try', { min: 1, max: INF, body: 0, shape: '(try body ... (catch e handler ...))' }],
  ['catch', { min: 1, max: INF, body: 1, shape: '(catch e handler ...)' }],
  ['eval', { min: 1, max: 2, shape: '(eval expr)' }],
  ['macroexpand', { min: 1, max: 1, shape: '(macroexpand form)' }],
  ['module', { min: 1, max: INF, body: 1, shape: '(module name (export name ...) body ...)' }],
  ['import', { min: 1, max: INF, shape: '(import "file.sema")' }],
  ['load', { min: 1, max: 1, shape: '(load "file.sema")' }],
  ['prompt', { min: 0, max: INF, body: 0, shape: '(prompt (system "...") (user "...") ...)' }],
  ['message', { min: 2, max: 2, shape: '(message role content)' }],
  ['deftool', { min: 4, max: 4, body: 1, shape: '(deftool name "description" {params} handler)' }],
  ['defagent', { min: 2, max: 2, body: 1, shape: '(defagent name {options})' }],
  ['delay', { min: 1, max: 1, shape: '(delay expr)' }],
  ['force', { min: 1, max: 1, shape: '(force promise)' }],
  ['define-record-type', { min: 3, max: INF, body: 1, shape: '(define-record-type name (ctor field ...) pred? (field accessor) ...)' }],
  ['match', { min: 1, max: INF, body: 1, shape: '(match value (pattern body ...) ...)' }],
  ['match*', { min: 1, max: INF, body: 1, shape: '(match* value (pattern body ...) ...)' }],
  ['defmulti', { min: 2, max: 2, body: 1, shape: '(defmulti name dispatch-fn)' }],
  ['defmethod', { min: 3, max: INF, body: 2, shape: '(defmethod name dispatch-value handler)' }],
  ['async', { min: 0, max: INF, body: 0, shape: '(async body ...)' }],
  ['await', { min: 1, max: 1, shape: '(await promise)' }],
  // Prelude macros: the reader of the program sees them as forms with their own binding rules.
  ['->', { min: 1, max: INF, shape: '(-> value form ...)' }],
  ['->>', { min: 1, max: INF, shape: '(->> value form ...)' }],
  ['as->', { min: 2, max: INF, body: 2, shape: '(as-> value name form ...)' }],
  ['some->', { min: 1, max: INF, shape: '(some-> value form ...)' }],
  ['when-let', { min: 1, max: INF, body: 1, shape: '(when-let (name value) body ...)' }],
  ['if-let', { min: 2, max: 3, body: 1, shape: '(if-let (name value) then else?)' }],
]);

/** Heads whose operands after the first indent like a body even when unknown (`def*`, `with-*`). */
export function bodyIndentOf(head: string): number | undefined {
  const info = SPECIAL_FORMS.get(head);
  if (info?.body !== undefined) return info.body;
  if (head.startsWith('def') || head.startsWith('with-')) return 1;
  return undefined;
}

/** Names that define a top-level symbol: shown in outlines and completion. */
export const DEFINING_FORMS = new Set([
  'define', 'def', 'defun', 'defn', 'defmacro', 'deftool', 'defagent', 'define-record-type', 'defmulti',
]);

/** Symbols that mean something in particular places without being bound. */
export const CONTEXT_SYMBOLS = new Set(['else', '=>', '_', '&', '.']);

/** Roles `message` accepts. */
export const MESSAGE_ROLES = ['system', 'user', 'assistant'];
