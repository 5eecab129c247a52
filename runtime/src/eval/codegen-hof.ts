// Inlines the list builtins that take a function — map, filter, foldl/fold, reduce and
// for-each — when that function is written in place as a lambda: `(foldl (lambda (acc x)
// (+ acc x)) 0 xs)` becomes a JS loop running the lambda's body on each element, with no
// closure and no call per element. The loop runs only while the global still holds the
// builtin seen at compile time and the list argument is a list or vector; otherwise the
// lambda is made and the builtin (or whatever the global now holds) is called as written.
// What the loop does on each element, and the errors it reports, match the builtin's.
// A builtin passed by name that codegen-inline.ts inlines counts as such a lambda too.

import type { Span } from '../reader/span';
import { EmitterCore, NeedFrames, type Dest, type Level } from './codegen-emit';
import { INLINE } from './codegen-inline';
import { pureBody, type PureBody } from './codegen-pure';
import { Scope, type Frame } from './scope';
import type { Code } from './compiler';
import { NativeFn, Sym, Vector, type Value } from './values';

export type Kind = 'map' | 'filter' | 'fold' | 'reduce' | 'for-each';

/** A lambda's parameters and body (`first`: index of the body's first form in the lambda form). */
export interface LambdaParts {
  readonly params: string[];
  readonly body: Value[];
  readonly first: number;
}

/** One call inlined as a loop: what it does, its lambda, and the constants naming its builtin. */
export interface Stage {
  readonly kind: Kind;
  readonly lambda: LambdaParts;
  /** The call form and its span. */
  readonly x: Value[];
  readonly span: Span | undefined;
  /** The function was a builtin passed by name (see builtinAsLambda). */
  readonly byName: boolean;
  /** Constants: the builtin's global cell, the builtin, the call's span. */
  readonly C: string;
  readonly B: string;
  readonly S: string;
}

/** The inlined builtins: what their loop does, how many arguments the call and the lambda take. */
const HOFS: Record<string, { kind: Kind; args: number; params: number }> = {
  map: { kind: 'map', args: 2, params: 1 },
  mapcar: { kind: 'map', args: 2, params: 1 },
  filter: { kind: 'filter', args: 2, params: 1 },
  foldl: { kind: 'fold', args: 3, params: 2 },
  fold: { kind: 'fold', args: 3, params: 2 },
  reduce: { kind: 'reduce', args: 2, params: 2 },
  'for-each': { kind: 'for-each', args: 2, params: 1 },
};

const LAMBDA_HEADS = new Set(['lambda', 'fn']);

/** The parameter names and body of `(lambda (p ...) body ...)` with `count` plain parameters. */
function literalLambda(x: Value, count: number): LambdaParts | undefined {
  if (!Array.isArray(x) || x.length < 3 || !(x[0] instanceof Sym) || !LAMBDA_HEADS.has(x[0].name)) return undefined;
  const raw = x[1];
  const list = Array.isArray(raw) ? raw : raw instanceof Vector ? raw.items : undefined;
  if (list === undefined || list.length !== count) return undefined;
  const params: string[] = [];
  for (const p of list) {
    // Markers (`.`, `&`, `&optional`) and patterns need the closure compiler's binding.
    if (!(p instanceof Sym) || p.name === '.' || p.name.startsWith('&') || params.includes(p.name)) return undefined;
    params.push(p.name);
  }
  // A leading string with more after it is a docstring (as compileLambda reads it).
  const first = x.length > 3 && typeof x[2] === 'string' ? 3 : 2;
  return { params, body: x.slice(first), first };
}

/**
 * A global builtin passed by name that the emitter inlines (`(filter odd? xs)`, `(reduce +
 * xs)`) stands for the lambda calling it: `(lambda (a) (odd? a))`. Its parameters cannot
 * clash with user names, and its call has no span of its own, so errors report the same
 * location and trace as the builtin called from the list function.
 */
function builtinAsLambda(x: Value, count: number): LambdaParts | undefined {
  if (!(x instanceof Sym) || INLINE[x.name]?.arity !== count) return undefined;
  const params = HOF_PARAMS.slice(0, count);
  return { params: params.map((p) => p.name), body: [[x, ...params]], first: 0 };
}

const HOF_PARAMS = [Sym.of('#hof-a'), Sym.of('#hof-b')];

/** Whether `x` contains, outside quoted data, a call this emitter would inline as a loop. */
export function hasInlinableLoop(x: Value): boolean {
  if (!Array.isArray(x) || x.length === 0) return false;
  const head = x[0];
  if (head instanceof Sym) {
    if (head.name === 'quote' || head.name === 'quasiquote') return false;
    const spec = HOFS[head.name];
    if (spec !== undefined && x.length - 1 === spec.args && (literalLambda(x[1]!, spec.params) || builtinAsLambda(x[1]!, spec.params))) return true;
  }
  return x.some(hasInlinableLoop);
}

export abstract class HofEmitter extends EmitterCore {
  /** A new scope level; in frames mode its Frame is made where this is called. */
  protected newLevel(scope: Scope): Level {
    const frame = `f${this.levels.length}_${this.n++}`;
    if (this.frames) this.emit(`const ${frame} = new FR([], ${this.frame});`);
    return { scope, frame, ids: [] };
  }

  protected bind(level: Level, index: number, value: string): void {
    if (this.frames) this.emit(`${level.frame}.v[${index}] = ${value};`);
    else {
      const id = `v${this.n++}`;
      this.emit(`let ${id} = ${value};`);
      level.ids[index] = id;
    }
  }

  /** The parts of a call this emitter inlines as a loop, or undefined if `x` is not one. */
  protected stage(name: string, x: Value[], span: Span | undefined): Stage | undefined {
    const spec = HOFS[name];
    if (spec === undefined || x.length - 1 !== spec.args) return undefined;
    const byName = x[1] instanceof Sym && !this.scope.lookup(x[1].name);
    const lambda = byName ? builtinAsLambda(x[1]!, spec.params) : literalLambda(x[1]!, spec.params);
    if (lambda === undefined) return undefined;
    const cell = this.c.interp.cell(name);
    const builtin = cell.value;
    if (!(builtin instanceof NativeFn) || builtin.name !== name) return undefined;
    return { kind: spec.kind, lambda, x, span, byName, C: this.k(cell), B: this.k(builtin), S: this.k(span) };
  }

  protected override inlineLoop(name: string, x: Value[], span: Span | undefined, dest: Dest): boolean {
    const st = this.stage(name, x, span);
    if (st === undefined) return false;
    // The lambda (argument 1) is made only on the slow path: making it has no effects.
    const rest = x.slice(2).map((a, i) => this.val(a, this.c.childSpan(x, i + 2, span)));
    this.emitStage(st, rest, dest);
    return true;
  }

  /** The loop for one stage, its arguments after the function already evaluated (`rest`). */
  protected emitStage(st: Stage, rest: string[], dest: Dest): void {
    const { kind, lambda, x, span, byName, C, B, S } = st;
    const coll = rest[rest.length - 1]!;
    const items = this.tmp();
    const r = typeof dest === 'string' ? dest : this.tmp();
    if (r !== dest) this.emit(`let ${r};`);
    this.emit(`const ${items} = ${C}.value !== ${B} ? undefined : Array.isArray(${coll}) ? ${coll} : ${coll} instanceof VEC ? ${coll}.items : undefined;`);
    // reduce of an empty list is the builtin's error.
    this.emit(`if (${items} !== undefined${kind === 'reduce' ? ` && ${items}.length > 0` : ''}) {`);
    // As the call would be: errors get the builtin call's trace entry, and the lambda runs one
    // level deeper. In tail position the call replaces the current one (as the closure
    // compiler's TailCall does): no deeper, and the caller's trace entry is dropped.
    const tail = dest === null;
    if (!tail) this.emit(`if (++I.depth > I.maxDepth) throw I.annotate(DEPTH(I.maxDepth), ${B}, ${S});`);
    this.emit('try {');
    // The named builtin's call gets no span: see builtinAsLambda.
    this.loop(kind, lambda, byName ? lambda.body : (x[1] as Value[]), byName ? undefined : this.c.childSpan(x, 1, span), items, rest[0]!, r);
    this.emit(`} catch (e) { throw ${tail ? 'TANN(I, e' : 'I.annotate(e'}, ${B}, ${S}); }${tail ? '' : ' finally { I.depth--; }'}`);
    this.emit('} else {');
    const fn = this.slowPathFn(x[1]!, this.c.childSpan(x, 1, span));
    if (tail) this.emit(`return new TC(${C}.value, [${fn}, ${rest.join(', ')}], ${S});`);
    else this.emit(`${r} = CALL(I, ${C}.value, [${fn}, ${rest.join(', ')}], ${S});`);
    this.emit('}');
    if (r !== dest) this.deliver(r, dest);
  }

  /** pureBody (codegen-pure.ts) in this emitter's scope. */
  protected pure(body: readonly Value[], vars: Map<string, string>, bail: string): PureBody | undefined {
    const c = this.c;
    const scope = this.scope;
    return pureBody(
      {
        k: (v) => this.k(v),
        cell: (name) => c.interp.cell(name),
        fresh: () => `t${this.n++}`,
        isMacro: (name) => c.macroFor(Sym.of(name), scope) !== undefined,
        isOuterLocal: (name) => scope.lookup(name) !== undefined,
      },
      body,
      vars,
      bail,
    );
  }

  /**
   * The function argument for the slow path. A lambda mentioning no local variable is
   * compiled when the slow path first runs (usually never), not with the loop; that needs
   * no frame, so it suits locals mode. Anything else is compiled now, as any argument is.
   */
  private slowPathFn(f: Value, span: Span | undefined): string {
    if (this.frames || f instanceof Sym || this.mentionsLocal(f)) return this.val(f, span);
    const c = this.c;
    const { spans, file } = c;
    let code: Code | undefined;
    const make = (): Value => {
      if (code === undefined) {
        // Compiled later, perhaps while another file is being compiled: use this one's spans.
        const saved = { spans: c.spans, file: c.file };
        c.spans = spans;
        c.file = file;
        try {
          code = c.compile(f, null, false, span);
        } finally {
          c.spans = saved.spans;
          c.file = saved.file;
        }
      }
      return code(null as unknown as Frame);
    };
    const t = this.tmp();
    this.emit(`const ${t} = ${this.k(make)}();`);
    return t;
  }

  /**
   * When the body is pure (see codegen-pure.ts), a first loop running it with its guards
   * checked once; it stops at the first element needing the builtins' slow paths.
   */
  private fastLoop(lambda: LambdaParts, items: string, i: string, args: string[], commit: (value: string) => void): void {
    const bail = `F${this.n++}`;
    const vars = new Map<string, string>();
    const decls = lambda.params.map((p, j) => {
      const v = `q${this.n++}`;
      vars.set(p, v);
      return `const ${v} = ${args[j]};`;
    });
    const pure = this.pure(lambda.body, vars, bail);
    if (pure === undefined) return;
    this.emit(`if (${pure.guards.length ? pure.guards.join(' && ') : 'true'}) {`);
    this.emit(`${bail}: for (; ${i} < ${items}.length; ${i}++) {`);
    for (const d of decls) this.emit(d);
    for (const line of pure.lines) this.emit(line);
    commit(pure.value);
    this.emit('}');
    this.emit('}');
  }

  /** The loop over `items` (a JS array) running the lambda's body; its result goes to `r`. */
  private loop(kind: Kind, lambda: LambdaParts, form: Value[], span: Span | undefined, items: string, init: string, r: string): void {
    const i = `i${this.n++}`;
    const acc = `a${this.n++}`;
    const out = `o${this.n++}`;
    const start = kind === 'reduce' ? 1 : 0;
    // Preallocated as stdlib/support.ts newList does (arrays over 2^25 slots would be dictionaries).
    const sized = `(${items}.length <= 16777216 ? new Array(${items}.length) : [])`;
    if (kind === 'map') this.emit(`const ${out} = ${sized};`);
    // Sized for every element and cut to length after: much faster than pushing.
    const kept = `k${this.n++}`;
    if (kind === 'filter') this.emit(`const ${out} = ${sized}; let ${kept} = 0;`);
    if (kind === 'fold') this.emit(`let ${acc} = ${init};`);
    if (kind === 'reduce') this.emit(`let ${acc} = ${items}[0];`);
    const args = (j: string): string[] => (kind === 'fold' || kind === 'reduce' ? [acc, `${items}[${j}]`] : [`${items}[${j}]`]);
    const commit = (value: string | false): void => {
      if (kind === 'map') this.emit(`${out}[${i}] = ${value};`);
      if (kind === 'filter') this.emit(`if (${value} !== null && ${value} !== false) ${out}[${kept}++] = ${items}[${i}];`);
      if (kind === 'fold' || kind === 'reduce') this.emit(`${acc} = ${value};`);
      // Interrupt checks need a tick now and then, not on every element of a tight loop.
      this.emit(`if ((${i} & 255) === 0) TICK(I);`);
    };
    this.emit(`let ${i} = ${start};`);
    this.fastLoop(lambda, items, i, args(i), commit);
    // The ordinary loop: all of it, or what the fast loop left (from the element it stopped at).
    this.emit(`for (; ${i} < ${items}.length; ${i}++) {`);
    const scope = new Scope(this.scope);
    const level = this.newLevel(scope);
    lambda.params.forEach((p, j) => this.bind(level, scope.add(p), args(i)[j]!));
    this.c.prescanDefines(lambda.body, scope);
    if (!this.frames && level.ids.length !== scope.names.length) throw new NeedFrames();
    const value = kind === 'for-each' ? false : `b${this.n++}`;
    if (value !== false) this.emit(`let ${value};`);
    this.levels.push(level);
    this.body(lambda.body, form, lambda.first, span, value);
    this.levels.pop();
    commit(value);
    this.emit('}');
    if (kind === 'filter') this.emit(`${out}.length = ${kept};`);
    if (kind === 'map' || kind === 'filter') this.emit(`${r} = ${out};`);
    else if (kind === 'for-each') this.emit(`${r} = null;`);
    else this.emit(`${r} = ${acc};`);
  }
}
