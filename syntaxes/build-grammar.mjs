// Generates sema.tmLanguage.json. The grammar is written here, in JS, so its long word lists and
// shared character classes stay readable; `node syntaxes/build-grammar.mjs` rewrites the JSON and
// syntaxes/test/grammar-file.test.ts fails when the committed JSON is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const D = `\\s()\\[\\]{}"',\`;`; // characters that end a symbol
const SYM = `[^${D}#][^${D}]*`; // a symbol; '#' is allowed after the first character (auto-gensym x#)
const B = `(?<=^|[${D}@#])`; // start of a token
const E = `(?=[${D}]|$)`; // end of a token
const Q = ",@|['`,]"; // quote, quasiquote, unquote-splicing, unquote
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alt = (xs) => xs.slice().sort((a, b) => b.length - a.length).map(esc).join('|');

export const definers = ['define', 'defun', 'defn', 'def', 'defmacro', 'defmulti', 'defmethod', 'deftool', 'defagent', 'defworkflow'];
export const specialForms = ['if', 'cond', 'case', 'when', 'unless', 'else', 'do', 'while', 'let', 'let*', 'letrec', 'lambda', 'fn',
  'quote', 'quasiquote', 'unquote', 'unquote-splicing', 'set!', 'try', 'catch', 'throw', 'match', 'match*', 'delay', 'force',
  'eval', 'load', 'import', 'export', 'module', 'macroexpand', 'begin', 'progn', 'and', 'or', 'async', 'await',
  '->', '->>', 'as->', 'some->', 'when-let', 'if-let', 'with-stream', 'dotimes', 'for-range', 'with-span', 'with-session', 'prompt', 'message',
  'phase', 'step', 'checkpoint'];
export const builtins = `* + - / < <= = > >= abs any append apply assert assert= assoc assoc-in assq assv bool? boolean?
bytevector bytevector->list bytevector-append bytevector-copy bytevector-length bytevector-u8-ref bytevector-u8-set! bytevector?
caaar caadr caar cadar caddr cadr car cdaar cdadr cdar cddar cdddr cddr cdr ceil ceiling char->integer char->string
char-alphabetic? char-ci<=? char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase char-lower-case? char-numeric? char-upcase
char-upper-case? char-whitespace? char<=? char<? char=? char>=? char>? char? cons contains? conversation? cos count deep-merge
display dissoc drop drop-while empty? eq? equal? error even? every expt filter first flat-map flatten flatten-deep float float?
floor fn? foldl foldr for-each format frequencies gensym get get-in hash-map int integer->char integer? interpose iota keys
keyword->string keyword? last length list list->bytevector list->string list->vector list? log make-bytevector make-list map
map? max member merge min mod modulo negative? newline nil? not nth null? number->string number? odd? pair? partition positive?
pow pprint print print-error println println-error procedure? promise-forced? promise? prompt? range read read-line read-many
read-stdin record? reduce rest retry reverse round sin sort sort-by spy sqrt str string string->char string->float
string->keyword string->list string->number string->symbol string->utf8 string-append string-ci=? string-length string-ref
string? substring symbol->string symbol? take take-while tap time truncate type update-in utf8->string vals vector vector->list
vector? zero? zip sleep exit shell env tool? message? agent? conversation embed __nil? mapcar fold any? some? every? hash-ref
hash-map? string-split string-join string-trim string-upcase string-downcase make-string bytevector->string string->bytevector
time-ms stream? assert= type-of f64-array i64-array f64-array? i64-array? channel? parallel pipeline tools->routes`.split(/\s+/);
/** Module prefixes whose `prefix/name` symbols are standard-library functions (llm/ is separate). */
export const modules = ['string', 'list', 'map', 'vector', 'math', 'stream', 'async', 'sys', 'path', 'text', 'term', 'http', 'time',
  'channel', 'regex', 'io', 'hash', 'base64', 'json', 'csv', 'file', 'fs', 'uuid', 'env', 'bit', 'conversation', 'prompt',
  'message', 'agent', 'tool', 'embedding', 'kv', 'char', 'bytevector', 'datetime', 'toml', 'crypto', 'context', 'f64-array', 'i64-array',
  'hashmap', 'document', 'log', 'integer', 'number', 'symbol', 'keyword', 'utf8', 'read', 'format', 'sema', 'vector-store',
  'diff', 'patch', 'secret', 'pii', 'redact', 'gzip', 'zip', 'tar', 'git', 'proc', 'pty', 'event', 'workflow', 'route', 'markdown', 'html', 'otel'];

const captured = (name) => ({ name });

export function buildGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Sema',
    scopeName: 'source.sema',
    fileTypes: ['sema'],
    patterns: [{ include: '#shebang' }, { include: '#expression' }],
    repository: {
      shebang: { match: '\\A#!.*$', name: 'comment.line.shebang.sema' },
      expression: {
        patterns: ['comments', 'fstring', 'string', 'regex', 'character', 'bytevector', 'short-lambda', 'number', 'constant',
          'keyword', 'quote', 'definition', 'special-form', 'llm-builtin', 'builtin', 'brackets', 'symbol'].map((r) => ({ include: `#${r}` })),
      },
      comments: { patterns: [{ include: '#block-comment' }, { include: '#datum-comment' }, { include: '#line-comment' }] },
      'line-comment': { match: '(;+).*$', name: 'comment.line.semicolon.sema', captures: { 1: captured('punctuation.definition.comment.sema') } },
      'block-comment': {
        begin: '#\\|', end: '\\|#', name: 'comment.block.sema',
        beginCaptures: { 0: captured('punctuation.definition.comment.begin.sema') },
        endCaptures: { 0: captured('punctuation.definition.comment.end.sema') },
        patterns: [{ include: '#block-comment' }],
      },
      // `#;` comments out the next datum; a bracketed datum is followed to its matching closer.
      'datum-comment': {
        patterns: [
          {
            begin: '(#;)\\s*[\'`,@]*\\s*([(\\[{])', end: '[)\\]}]', name: 'comment.block.datum.sema',
            beginCaptures: { 1: captured('punctuation.definition.comment.sema') },
            patterns: [{ include: '#datum-comment-body' }],
          },
          {
            begin: '(#;)\\s*(")', end: '"', name: 'comment.block.datum.sema',
            beginCaptures: { 1: captured('punctuation.definition.comment.sema') },
            patterns: [{ match: '\\\\.' }],
          },
          { match: `(#;)\\s*['\`,@]*\\s*[^${D}]+`, name: 'comment.block.datum.sema', captures: { 1: captured('punctuation.definition.comment.sema') } },
          { match: '#;', name: 'comment.block.datum.sema' },
        ],
      },
      'datum-comment-body': {
        patterns: [
          { begin: '[(\\[{]', end: '[)\\]}]', patterns: [{ include: '#datum-comment-body' }] },
          { begin: '"', end: '"', patterns: [{ match: '\\\\.' }] },
          { match: '#\\\\.' },
        ],
      },
      string: {
        begin: '"', end: '"', name: 'string.quoted.double.sema',
        beginCaptures: { 0: captured('punctuation.definition.string.begin.sema') },
        endCaptures: { 0: captured('punctuation.definition.string.end.sema') },
        patterns: [{ include: '#string-escape' }],
      },
      'string-escape': { match: '\\\\(?:x[0-9a-fA-F]+;|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|u\\{[0-9a-fA-F]+\\}|.)', name: 'constant.character.escape.sema' },
      fstring: {
        begin: `${B}(f)(")`, end: '"', name: 'string.interpolated.sema',
        beginCaptures: { 1: captured('storage.type.string.sema'), 2: captured('punctuation.definition.string.begin.sema') },
        endCaptures: { 0: captured('punctuation.definition.string.end.sema') },
        patterns: [
          { include: '#string-escape' },
          {
            // template-expression punctuation is coloured by the default themes; meta.embedded resets the string colour.
            begin: '\\$\\{', end: '\\}', name: 'meta.interpolation.sema', contentName: 'meta.embedded.line.sema',
            beginCaptures: { 0: captured('punctuation.definition.template-expression.begin.sema') },
            endCaptures: { 0: captured('punctuation.definition.template-expression.end.sema') },
            patterns: [{ include: '#interpolation-map' }, { include: '#expression' }],
          },
        ],
      },
      // Inside ${...} a map literal's closing brace must not end the interpolation.
      'interpolation-map': {
        begin: '\\{', end: '\\}',
        beginCaptures: { 0: captured('punctuation.section.map.begin.sema') },
        endCaptures: { 0: captured('punctuation.section.map.end.sema') },
        patterns: [{ include: '#interpolation-map' }, { include: '#expression' }],
      },
      regex: {
        begin: '#"', end: '"', name: 'string.regexp.sema',
        beginCaptures: { 0: captured('punctuation.definition.string.begin.sema') },
        endCaptures: { 0: captured('punctuation.definition.string.end.sema') },
        patterns: [{ match: '\\\\.' }],
      },
      character: {
        match: `#\\\\(?:(?:space|newline|tab|nul|null|return|linefeed|altmode|backspace|delete|escape|alarm|x[0-9a-fA-F]+)${E}|.)`,
        name: 'constant.character.sema',
      },
      bytevector: {
        begin: '(#u8)(\\()', end: '\\)', name: 'meta.bytevector.sema',
        beginCaptures: { 1: captured('support.type.bytevector.sema'), 2: captured('punctuation.section.bytevector.begin.sema') },
        endCaptures: { 0: captured('punctuation.section.bytevector.end.sema') },
        patterns: [{ include: '#comments' }, { include: '#number' }],
      },
      'short-lambda': {
        patterns: [
          { match: '#(?=\\()', name: 'keyword.control.short-lambda.sema' },
          { match: `${B}%\\d*${E}`, name: 'variable.parameter.short-lambda.sema' },
        ],
      },
      number: {
        patterns: [
          { match: `${B}[+-]?(?:\\d+\\.\\d*|\\.\\d+|\\d+(?=[eE]))(?:[eE][+-]?\\d+)?${E}`, name: 'constant.numeric.float.sema' },
          { match: `${B}[+-]?\\d+${E}`, name: 'constant.numeric.integer.sema' },
        ],
      },
      constant: {
        patterns: [
          { match: `#(?:true|false|t|f)${E}`, name: 'constant.language.boolean.sema' },
          { match: `${B}(?:true|false)${E}`, name: 'constant.language.boolean.sema' },
          { match: `${B}nil${E}`, name: 'constant.language.nil.sema' },
        ],
      },
      // Keywords (:max-tokens): the default themes colour variable.other.constant, not constant.other.keyword.
      keyword: { match: `${B}:[^${D}]+`, name: 'variable.other.constant.keyword.sema' },
      // Quote forms; the quoted atom gets its own scope (a quoted symbol is data, not a call).
      quote: {
        patterns: [
          { match: `(${Q})(:[^${D}]+)`, captures: { 1: captured('keyword.operator.quote.sema'), 2: captured('variable.other.constant.keyword.sema') } },
          { match: `(${Q})([+-]?\\d[^${D}]*)`, captures: { 1: captured('keyword.operator.quote.sema'), 2: captured('constant.numeric.sema') } },
          { match: `(${Q})(nil|true|false)${E}`, captures: { 1: captured('keyword.operator.quote.sema'), 2: captured('constant.language.sema') } },
          { match: `(${Q})(${SYM})`, captures: { 1: captured('keyword.operator.quote.sema'), 2: captured('constant.other.symbol.sema') } },
          { match: Q, name: 'keyword.operator.quote.sema' },
        ],
      },
      definition: {
        patterns: [
          {
            match: `(?<=\\()\\s*(${alt(definers)})\\s+(\\()\\s*(${SYM})`,
            captures: {
              1: captured('keyword.control.definition.sema'),
              2: captured('punctuation.section.list.begin.sema'),
              3: captured('entity.name.function.sema'),
            },
          },
          {
            match: `(?<=\\()\\s*(define-record-type)\\s+(${SYM})`,
            captures: { 1: captured('keyword.control.definition.sema'), 2: captured('entity.name.type.sema') },
          },
          {
            match: `(?<=\\()\\s*(define|def)\\s+(${SYM})`,
            captures: { 1: captured('keyword.control.definition.sema'), 2: captured('entity.name.variable.sema') },
          },
          {
            match: `(?<=\\()\\s*(${alt(definers.filter((d) => d !== 'define' && d !== 'def'))})\\s+(${SYM})`,
            captures: { 1: captured('keyword.control.definition.sema'), 2: captured('entity.name.function.sema') },
          },
          { match: `${B}(?:${alt([...definers, 'define-record-type'])})${E}`, name: 'keyword.control.definition.sema' },
        ],
      },
      'special-form': { match: `${B}(?:${alt(specialForms)})${E}`, name: 'keyword.control.sema' },
      // llm/* is support.type (teal in the default themes) so LLM calls stand out from other builtins.
      'llm-builtin': { match: `${B}llm/[^${D}]+`, name: 'support.type.llm.sema' },
      builtin: {
        patterns: [
          { match: `${B}(?:${alt(modules)})/[^${D}]+`, name: 'support.function.sema' },
          { match: `${B}(?:${alt(builtins)})${E}`, name: 'support.function.sema' },
        ],
      },
      brackets: {
        patterns: [
          { match: '\\(', name: 'punctuation.section.list.begin.sema' },
          { match: '\\)', name: 'punctuation.section.list.end.sema' },
          { match: '\\[', name: 'punctuation.section.vector.begin.sema' },
          { match: '\\]', name: 'punctuation.section.vector.end.sema' },
          { match: '\\{', name: 'punctuation.section.map.begin.sema' },
          { match: '\\}', name: 'punctuation.section.map.end.sema' },
        ],
      },
      // Plain symbols are consumed whole so no rule above fires inside one (`nil` in `nil-ish`).
      symbol: { match: `[^${D}]+` },
    },
  };
}

export const grammarText = () => JSON.stringify(buildGrammar(), null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('./sema.tmLanguage.json', import.meta.url), grammarText());
}
