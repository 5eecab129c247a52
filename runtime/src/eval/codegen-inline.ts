// Builtins the code-generation tier inlines at call sites (see codegen-emit.ts `inline`).
// A test (test/eval/codegen.test.ts) checks every fast path against the builtin itself.

/** What compiler.ts inlines itself: its slow path is a plain call even in tail position. */
export const CLOSURE_COMPILER_INLINES = new Set(['+', '-', '*', '<', '>', '<=', '>=', '=']);
/**
 * Builtins inlined at call sites (only while the global still holds the builtin seen at
 * compile time): for argument expressions `a`, the condition under which the fast path
 * gives exactly the builtin's result, and that result; otherwise the builtin is called.
 * `s` is a scratch variable. Integers are JS numbers; `+ 0` turns -0 into 0.
 */
export const INLINE: Record<string, { arity: number; fast: (a: string[], s: string) => [string, string] }> = {};
const num2 = (a: string[]): string => `typeof ${a[0]} === 'number' && typeof ${a[1]} === 'number'`;
// Beyond 2^53 the builtin wraps like i64. Only `*` can make -0 (0 * -5), hence its `+ 0`.
for (const op of ['+', '-', '*']) {
  const plus0 = op === '*' ? ' + 0' : '';
  INLINE[op] = { arity: 2, fast: (a, s) => [`${num2(a)} && Number.isSafeInteger(${s} = ${a[0]} ${op} ${a[1]}${plus0})`, s] };
}
for (const [name, op] of [['<', '<'], ['>', '>'], ['<=', '<='], ['>=', '>='], ['=', '===']] as const) {
  INLINE[name] = { arity: 2, fast: (a) => [num2(a), `${a[0]} ${op} ${a[1]}`] };
}
const unary = (names: string[], fast: (x: string) => [string, string]): void => {
  for (const name of names) INLINE[name] = { arity: 1, fast: (a) => fast(a[0]!) };
};
unary(['not'], (x) => ['true', `(${x} === null || ${x} === false)`]);
unary(['car', 'first'], (x) => [`Array.isArray(${x}) && ${x}.length > 0`, `${x}[0]`]);
unary(['cdr', 'rest'], (x) => [`Array.isArray(${x}) && ${x}.length > 0`, `${x}.slice(1)`]);
unary(['null?'], (x) => [`Array.isArray(${x})`, `${x}.length === 0`]);
unary(['pair?'], (x) => ['true', `(Array.isArray(${x}) && ${x}.length > 0)`]);
unary(['cadr'], (x) => [`Array.isArray(${x}) && ${x}.length > 1`, `${x}[1]`]);
unary(['caddr'], (x) => [`Array.isArray(${x}) && ${x}.length > 2`, `${x}[2]`]);
unary(['abs'], (x) => [`Number.isSafeInteger(${x})`, `Math.abs(${x})`]);
unary(['zero?'], (x) => [`typeof ${x} === 'number'`, `${x} === 0`]);
unary(['even?'], (x) => [`typeof ${x} === 'number'`, `${x} % 2 === 0`]);
unary(['odd?'], (x) => [`typeof ${x} === 'number'`, `${x} % 2 !== 0`]);
// IREM is arithmetic.ts intRemainder (what the builtin computes).
INLINE['modulo'] = { arity: 2, fast: (a) => [`${num2(a)} && ${a[1]} !== 0`, `IREM(${a[0]}, ${a[1]})`] };
INLINE['mod'] = INLINE['modulo'];
INLINE['cons'] = { arity: 2, fast: (a) => [`Array.isArray(${a[1]})`, `CONS(${a[0]}, ${a[1]})`] };
INLINE['string-append'] = { arity: 2, fast: (a) => [`typeof ${a[0]} === 'string' && typeof ${a[1]} === 'string'`, `${a[0]} + ${a[1]}`] };
// Distinct non-identical symbols/keywords/atoms are never equal; anything else asks the builtin.
const atom = (x: string): string => `(typeof ${x} !== 'object' || ${x} === null || ${x} instanceof SYM || ${x} instanceof KW)`;
INLINE['eq?'] = { arity: 2, fast: (a) => [`${a[0]} === ${a[1]} || ${atom(a[0]!)} || ${atom(a[1]!)}`, `${a[0]} === ${a[1]}`] };
