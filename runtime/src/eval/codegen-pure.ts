// A second, tighter emission of a loop body for the inlined list loops (codegen-hof.ts):
// when the body only reads its parameters and constants, branches (if/and/or) and calls
// builtins that codegen-inline.ts inlines, it cannot call anything, so no global can change
// while it runs. Then the "still the builtin?" guards are checked once before the loop, and
// a failed type or range check leaves the loop (`break`) instead of calling the builtin:
// the iteration is redone by the ordinary loop, which is safe because nothing was done yet.
// With no call in the loop, V8 keeps numbers unboxed (no heap number per iteration).

import { INLINE } from './codegen-inline';
import { Sym, NativeFn, type Value } from './values';
import type { Cell } from './scope';

export interface PureContext {
  /** A constant's JS name (see EmitterCore.k). */
  k(v: unknown): string;
  cell(name: string): Cell;
  /** A fresh JS identifier. */
  fresh(): string;
  /** True when `name` is a macro here (macros are not expanded by this emitter). */
  isMacro(name: string): boolean;
  /** True when `name` is a local variable outside the body (its value is not tracked here). */
  isOuterLocal(name: string): boolean;
}

export interface PureBody {
  /** Statements computing the body's value into `value`; they may `break` to `bail`. */
  readonly lines: string[];
  readonly value: string;
  /** Conditions that must hold before the loop: each inlined global still holds its builtin. */
  readonly guards: string[];
}

class Unsupported extends Error {}

/** The body as pure JS, or undefined when it does anything this emitter does not cover. */
export function pureBody(ctx: PureContext, body: readonly Value[], params: Map<string, string>, bail: string): PureBody | undefined {
  if (body.length !== 1) return undefined;
  const lines: string[] = [];
  const guards = new Set<string>();
  const expr = (x: Value, vars: Map<string, string>): string => {
    if (typeof x === 'number') return x < 0 || Object.is(x, -0) ? `(${x})` : String(x);
    if (x === null || typeof x === 'boolean') return String(x);
    if (x instanceof Sym) {
      const v = vars.get(x.name);
      if (v === undefined) throw new Unsupported();
      return v;
    }
    if (!Array.isArray(x) || !(x[0] instanceof Sym)) throw new Unsupported();
    const head = x[0].name;
    if (vars.has(head) || ctx.isOuterLocal(head)) throw new Unsupported();
    const n = x.length - 1;
    if (head === 'if' && (n === 2 || n === 3)) {
      const c = expr(x[1]!, vars);
      const t = ctx.fresh();
      lines.push(`let ${t};`, `if (${c} !== null && ${c} !== false) {`);
      lines.push(`${t} = ${expr(x[2]!, vars)};`, '} else {');
      lines.push(`${t} = ${n === 3 ? expr(x[3]!, vars) : 'null'};`, '}');
      return t;
    }
    if ((head === 'and' || head === 'or') && n >= 1) {
      const t = ctx.fresh();
      lines.push(`let ${t} = ${expr(x[1]!, vars)};`);
      for (let i = 2; i <= n; i++) {
        lines.push(`if (${head === 'and' ? '' : '!'}(${t} !== null && ${t} !== false)) {`);
        lines.push(`${t} = ${expr(x[i]!, vars)};`);
      }
      for (let i = 2; i <= n; i++) lines.push('}');
      return t;
    }
    if (ctx.isMacro(head)) throw new Unsupported();
    const spec = INLINE[head];
    const cell = ctx.cell(head);
    const builtin = cell.value;
    if (spec === undefined || spec.arity !== n || !(builtin instanceof NativeFn) || builtin.name !== head) throw new Unsupported();
    guards.add(`${ctx.k(cell)}.value === ${ctx.k(builtin)}`);
    const args = x.slice(1).map((a) => expr(a, vars));
    const scratch = ctx.fresh();
    const [cond, fast] = spec.fast(args, scratch);
    const t = ctx.fresh();
    if (cond.includes(scratch)) lines.push(`let ${scratch};`);
    if (cond !== 'true') lines.push(`if (!(${cond})) break ${bail};`);
    lines.push(`const ${t} = ${fast};`);
    return t;
  };
  try {
    const value = expr(body[0]!, params);
    return { lines, value, guards: [...guards] };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
