// Code-generation tier for lambda bodies. The closure compiler (compiler.ts) turns every
// node into its own JS closure, so each `code(f)` call site sees many different targets and
// V8 cannot inline across nodes. Here a lambda's whole body becomes the source of one JS
// function, built once per lambda with `new Function`, which V8 optimizes as a unit:
// parameters are JS locals (or frame slots when the body makes closures), integer
// arithmetic is inlined behind "still the builtin?" guards, calls to other generated
// lambdas go straight to their JS function, and self tail calls become a loop.
// The emitter is in codegen-emit.ts (core), codegen-forms.ts (special forms) and
// codegen-inline.ts (inlined builtins).

import type { Span } from '../reader/span';
import { Closure, TailCall, type Code, type Compiler, type LambdaCodegen, type LambdaShape } from './compiler';
import { NeedFrames, type GenRequest } from './codegen-emit';
import { Emitter } from './codegen-forms';
import { intRemainder } from '../stdlib/arithmetic';
import { hasInlinableLoop } from './codegen-hof';
import { SemaError } from './errors';
import { Frame, Scope } from './scope';
import { Keyword, NativeFn, Sym, Vector, type ParamInfo, type Value } from './values';
import { stackDepthError, type Interpreter } from './interpreter';

/** Entry used by generated call sites: runs the body with depth accounting; may return a TailCall. */
export type DirectFn = (env: Frame | null, ...args: Value[]) => Value;

/** What all closures of one generated lambda share. */
interface LambdaCode {
  readonly name: string | undefined;
  readonly params: ParamInfo;
  readonly doc: string | undefined;
  readonly body: Code;
  readonly shape: LambdaShape;
  readonly file: string | undefined;
  readonly span: Span | undefined;
  readonly direct: DirectFn;
  readonly arity: number;
}

/**
 * A closure whose body was generated: `direct` takes its `arity` arguments as JS arguments.
 * Closure-heavy code makes many of these, so an instance holds only its frame and what call
 * sites and invoke read (`direct`, `arity`, `body`, `shape`); the other Closure fields are
 * getters reading the lambda's shared LambdaCode. Instances are made by `newGenClosure`,
 * never by this class's constructor.
 */
export class GenClosure extends Closure {
  declare readonly direct: DirectFn;
  declare readonly arity: number;
  declare readonly code: LambdaCode;
}

for (const key of ['name', 'params', 'doc', 'file', 'span'] as const) {
  Object.defineProperty(GenClosure.prototype, key, {
    get(this: GenClosure) {
      return this.code[key];
    },
  });
}
Object.defineProperty(GenClosure.prototype, 'kind', { value: 'lambda' });

const newGenClosure = function (
  this: { env: Frame; code: LambdaCode; direct: DirectFn; arity: number; body: Code; shape: LambdaShape },
  env: Frame,
  code: LambdaCode,
): void {
  this.env = env;
  this.code = code;
  this.direct = code.direct;
  this.arity = code.arity;
  this.body = code.body;
  this.shape = code.shape;
} as unknown as new (env: Frame, code: LambdaCode) => GenClosure;
newGenClosure.prototype = GenClosure.prototype;

const MAX_BODY_NODES = 5000;

/** Number of nodes in `forms`, counting stops soon after `limit`. */
function formSize(forms: readonly Value[], limit: number): number {
  let n = 0;
  const walk = (v: Value): void => {
    n++;
    if (n > limit) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v instanceof Vector) v.items.forEach(walk);
  };
  forms.forEach(walk);
  return n;
}

/** Compiler hook (installed by the Interpreter unless `codegen: false`). */
export const lambdaCodegen: LambdaCodegen = (c, lambda) => {
  // V8 stops optimizing very large functions; huge bodies stay with the closure compiler.
  if (formSize(lambda.body, MAX_BODY_NODES) > MAX_BODY_NODES) return undefined;
  const req: GenRequest = { ...lambda, selfName: lambda.name };
  // Internal defines need real frame slots, so those bodies start in frame mode.
  const needsFrames = lambda.scope.names.length !== lambda.nreq;
  const expansions = new Map<Value[], Value>();
  let emitter: Emitter | undefined;
  if (!needsFrames) {
    try {
      // On a copy of the scope: a failed attempt may have compiled a nested `define` into it,
      // and the frames-mode attempt must see the scope exactly as the closure compiler would.
      const scope = new Scope(lambda.scope.parent);
      for (const name of lambda.scope.names) scope.add(name);
      emitter = new Emitter(c, { ...req, scope }, false, expansions);
      emitter.run();
    } catch (e) {
      if (!(e instanceof NeedFrames)) throw e;
      emitter = undefined;
    }
  }
  if (emitter === undefined) {
    emitter = new Emitter(c, req, true, expansions);
    emitter.run();
  }
  const built = build(c, emitter, lambda.nreq, lambda.name);
  if (built === undefined) return undefined;
  const { body, direct } = built;
  const arity = lambda.nreq;
  // The make call's other arguments are the same on every call (see compileLambda).
  let code: LambdaCode | undefined;
  return {
    body,
    make: (name, params, doc, env, shape, file, span) => new newGenClosure(env, (code ??= { name, params, doc, body, shape, file, span, direct, arity })),
  };
};

/** Forms whose meaning at top level differs from inside a function (they define globals). */
const DEFINING = new Set(['define', 'def', 'defun', 'defn', 'defmacro', 'define-record-type', 'defmulti', 'defmethod', 'deftool', 'defagent', 'import', 'load', 'module', 'export', 'eval']);

/** Whether `x` names a DEFINING form anywhere outside quoted data. */
function mentionsDefining(x: Value): boolean {
  if (x instanceof Sym) return DEFINING.has(x.name);
  if (Array.isArray(x)) return !(x[0] instanceof Sym && x[0].name === 'quote') && x.some(mentionsDefining);
  if (x instanceof Vector) return x.items.some(mentionsDefining);
  return false;
}

/**
 * Compiler hook for a top-level expression: when it holds a loop the emitter inlines (see
 * codegen-hof.ts), it is generated as the body of a function of no arguments, run at once.
 * Anything that would behave differently inside a function (defining forms, or anything
 * touching the body's own scope, which NeedFrames reports) stays with the closure compiler.
 */
export function topLevelCodegen(c: Compiler, x: Value, span: Span | undefined): Code | undefined {
  if (!hasInlinableLoop(x) || mentionsDefining(x) || formSize([x], MAX_BODY_NODES) > MAX_BODY_NODES) return undefined;
  const scope = new Scope(null);
  const emitter = new Emitter(c, { nreq: 0, scope, body: [x], parent: [x], firstBodyIndex: 0, span, selfName: undefined, notTail: true }, false, new Map());
  try {
    emitter.run();
  } catch (e) {
    if (e instanceof NeedFrames) return undefined;
    throw e;
  }
  if (scope.names.length !== 0) return undefined;
  const built = build(c, emitter, 0, undefined);
  if (built === undefined) return undefined;
  const { direct } = built;
  // Not in tail position (notTail), so the body returns a value, never a TailCall.
  return () => direct(null);
}

/**
 * Counts a call or loop iteration; every 4096th checks for an interrupt. One shared function
 * (inlined by V8) rather than code in each generated body: its rare branch then gets type
 * feedback early, so optimized generated code is not thrown away when it is first taken.
 */
function tick(interp: Interpreter): void {
  if ((++interp.calls & 0xfff) === 0) interp.checkInterrupt();
}

/** `(cons x list)`: a copy loop beats spread and concat on short lists; concat (a block copy) wins on long ones. */
function consList(x: Value, tail: Value[]): Value[] {
  const n = tail.length;
  if (n > 32) return [x].concat(tail);
  const out = new Array<Value>(n + 1);
  out[0] = x;
  for (let i = 0; i < n; i++) out[i + 1] = tail[i]!;
  return out;
}

/** The list a named-let list builder stands for: its buffer reversed (see Builder). */
function listOfBuilder(buf: Value[]): Value[] {
  const n = buf.length;
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) out[i] = buf[n - 1 - i]!;
  return out;
}

/** Errors already given the trace entry of the call that replaced their caller's frame. */
const callerEntryDropped = new WeakSet<SemaError>();

/**
 * Annotates an error escaping code that ran as a tail call of its caller (a self-tail-call
 * loop, or a named let in tail position): the entry names the tail-called function and the
 * latest call site, and the caller's own entry is skipped (Interpreter.annotate asks
 * `dropCallerEntry`), since with real tail calls that caller's frame is already gone.
 */
function tailAnnotate(interp: Interpreter, e: unknown, fn: Value, span: Span | undefined): unknown {
  const err = interp.annotate(e, fn, span);
  if (err instanceof SemaError) callerEntryDropped.add(err);
  return err;
}

/** True (once) for an error whose caller's trace entry must be skipped; see tailAnnotate. */
export function dropCallerEntry(e: unknown): boolean {
  return e instanceof SemaError && callerEntryDropped.delete(e);
}

/** Calls a generated closure with an argument array of its arity (depth, ticks: see `direct`). */
function callDirect(fn: GenClosure, args: Value[]): Value {
  switch (args.length) {
    case 0:
      return fn.direct(fn.env);
    case 1:
      return fn.direct(fn.env, args[0]!);
    case 2:
      return fn.direct(fn.env, args[0]!, args[1]!);
    case 3:
      return fn.direct(fn.env, args[0]!, args[1]!, args[2]!);
    default:
      return fn.direct(fn.env, ...args);
  }
}

/**
 * Runs the TailCall a generated callee returned, as Interpreter.invoke would (each call
 * annotated with its own span), but entering generated closures directly.
 */
export function runTail(interp: Interpreter, tc: TailCall): Value {
  let r: Value = tc as unknown as Value;
  while (r instanceof TailCall) {
    const { fn, args, span } = r;
    if (!(fn instanceof GenClosure) || args.length !== fn.arity) return interp.invoke(fn, args, span);
    try {
      r = callDirect(fn, args);
    } catch (e) {
      throw interp.annotate(e, fn, span);
    }
  }
  return r;
}

/** `Interpreter.apply` (natives calling back) on a generated closure of matching arity: no frame, no copy. */
export function applyDirect(interp: Interpreter, fn: GenClosure, args: Value[]): Value {
  let r: Value;
  try {
    r = callDirect(fn, args);
  } catch (e) {
    throw interp.annotate(e, fn, undefined);
  }
  return r instanceof TailCall ? runTail(interp, r) : r;
}

/** `applyDirect` for one argument, without the argument array (hot in map, filter, ...). */
export function applyDirect1(interp: Interpreter, fn: GenClosure, a: Value): Value {
  let r: Value;
  try {
    r = fn.direct(fn.env, a);
  } catch (e) {
    throw interp.annotate(e, fn, undefined);
  }
  return r instanceof TailCall ? runTail(interp, r) : r;
}

/** `applyDirect` for two arguments, without the argument array (hot in folds and sorts). */
export function applyDirect2(interp: Interpreter, fn: GenClosure, a: Value, b: Value): Value {
  let r: Value;
  try {
    r = fn.direct(fn.env, a, b);
  } catch (e) {
    throw interp.annotate(e, fn, undefined);
  }
  return r instanceof TailCall ? runTail(interp, r) : r;
}

/**
 * A call from generated code to anything but a generated closure of the right arity (kept
 * out of line so generated bodies stay small): builtins directly, the rest through invoke.
 */
function callOther(interp: Interpreter, fn: Value, args: Value[], span: Span | undefined): Value {
  if (fn instanceof NativeFn) {
    try {
      return fn.impl(args, interp);
    } catch (e) {
      throw interp.annotate(e, fn, span);
    }
  }
  return interp.invoke(fn, args, span);
}

/** `Interpreter.apply` on a builtin: what `invoke` would do, minus its dispatch loop. */
export function applyNative(interp: Interpreter, fn: NativeFn, args: Value[]): Value {
  try {
    return fn.impl(args, interp);
  } catch (e) {
    throw interp.annotate(e, fn, undefined);
  }
}

/** `applyNative` through a builtin's one-argument entry (NativeFn.call1). */
export function applyNative1(interp: Interpreter, fn: NativeFn, call1: (a: Value) => Value, a: Value): Value {
  try {
    return call1(a);
  } catch (e) {
    throw interp.annotate(e, fn, undefined);
  }
}

/** `applyNative` through a builtin's two-argument entry (NativeFn.call2). */
export function applyNative2(interp: Interpreter, fn: NativeFn, call2: (a: Value, b: Value) => Value, a: Value, b: Value): Value {
  try {
    return call2(a, b);
  } catch (e) {
    throw interp.annotate(e, fn, undefined);
  }
}

let generated = 0;

/** Wraps the emitted body into `inner`, `direct` and `body` and instantiates them. */
function build(c: Compiler, e: Emitter, nreq: number, name: string | undefined): { body: Code; direct: DirectFn } | undefined {
  const ps = Array.from({ length: nreq }, (_, i) => `p${i}`);
  const args = ps.join(', ');
  // A self tail call loops; once it has, errors get the trace entry of that tail call and
  // not the caller's (see tailAnnotate), as when the closure compiler runs the TailCall.
  const bodyLines = e.looped
    ? [...e.prologue, 'let site, self;', 'try {', 'L: for (;;) {', ...e.lines, '}', '} catch (e) { if (site !== undefined) throw TANN(I, e, self, site); throw e; }']
    : [...e.prologue, ...e.lines];
  const src = [
    '"use strict";',
    e.constDecls(),
    e.frames
      ? `function inner(f0) {\nconst env = f0.up;\n${bodyLines.join('\n')}\n}`
      : `function inner(env${nreq ? ', ' + args : ''}) {\n${bodyLines.join('\n')}\n}`,
    `function direct(env${nreq ? ', ' + args : ''}) {`,
    // maxDepth is fixed per interpreter: a literal saves a load on every call.
    `if (++I.depth > ${c.interp.maxDepth}) throw DEPTH(I.maxDepth);`,
    'TICK(I);',
    e.frames ? `const r = inner(new FR([${args}], env));` : `const r = inner(env${nreq ? ', ' + args : ''});`,
    'I.depth--;',
    'return r;',
    '}',
    e.frames ? 'const body = inner;' : `function body(f) { return inner(f.up${ps.map((_, i) => `, f.v[${i}]`).join('')}); }`,
    'return [body, direct];',
    // Names the generated code in profiles and JS stack traces after the Sema function.
    `//# sourceURL=sema-gen:${(name ?? 'lambda').replace(/[^\w?!*<>=+-]/g, '_')}`,
    // Unique text: V8 caches functions made from equal source text, and functions sharing
    // that cache also share type feedback, which makes their optimized code generic (slower).
    `// ${++generated}`,
  ].join('\n');
  let factory: (...xs: unknown[]) => [Code, DirectFn];
  try {
    factory = new Function('I', 'GC', 'TC', 'NF', 'FR', 'VEC', 'SYM', 'KW', 'DEPTH', 'TICK', 'TANN', 'CONS', 'CALL', 'RUN', 'MAT', 'IREM', 'K', src) as typeof factory;
  } catch (err) {
    // Only a bug in the emitter produces invalid JS; the closure compiler still runs the lambda.
    // An EvalError means the host forbids code generation from strings.
    if (err instanceof SyntaxError || err instanceof EvalError) return undefined;
    throw err;
  }
  const interp: Interpreter = c.interp;
  const [body, direct] = factory(interp, GenClosure, TailCall, NativeFn, Frame, Vector, Sym, Keyword, stackDepthError, tick, tailAnnotate, consList, callOther, runTail, listOfBuilder, intRemainder, e.consts);
  return { body, direct };
}
