// The interpreter: global environment, procedure calls (with the tail-call loop and the
// call-depth limit), and evaluation of source text.

import { read } from '../reader';
import { printValue } from '../reader/printer';
import type { Span } from '../reader/span';
import { Compiler, Closure, TailCall, type Code } from './compiler';
import { applyDirect, applyDirect1, applyDirect2, applyNative, applyNative1, applyNative2, dropCallerEntry, GenClosure, lambdaCodegen, topLevelCodegen } from './codegen';
import { mapFromPairs, mapGet } from './equality';
import { arityError, SemaError, suggestSimilar } from './errors';
import { Cell, Frame, type Scope } from './scope';
import { installBuiltinMacros, installSpecialForms, runPendingTasks } from './special-forms';
import { coreModule } from '../stdlib/core';
import { allModules } from '../stdlib';
import { toNative, type StdlibModule } from '../stdlib/registry';
import { Sandbox, type SandboxSpec } from './sandbox';
import { asCallback, schedulerOf } from './scheduler';
import {
  Keyword,
  Lambda,
  Macro,
  MultiMethod,
  NativeFn,
  SemaHashMap,
  SemaMap,
  Sym,
  type CallContext,
  type InterpreterLike,
  type Value,
} from './values';
import { mapKey } from './equality';
import { veteranHint } from './hints';

export interface InterpreterOptions {
  stdout?(text: string): void;
  stderr?(text: string): void;
  /** Aborts running LLM requests and long loops (Ctrl+C, editor cancel). */
  signal?: AbortSignal;
  /** Script arguments (`sys/args`). */
  args?: string[];
  /** Maximum nesting of non-tail calls before "stack depth exceeded". */
  maxDepth?: number;
  /** Extra modules to install after the standard library (tests, embedders). */
  modules?: StdlibModule[];
  /**
   * Shared interrupt flag: any non-zero value in slot 0 stops evaluation with an
   * "interrupted" error. Another thread sets it (the evaluating one may be busy).
   */
  interruptFlag?: Int32Array;
  /** Compile lambda bodies to generated JS (eval/codegen.ts); default on unless SEMA_CODEGEN=0. */
  codegen?: boolean;
  /** Capabilities denied and directories allowed (`--sandbox`, `--allowed-paths`). */
  sandbox?: SandboxSpec;
}

const DEFAULT_MAX_DEPTH = 10_000;
const BEGIN = Sym.of('begin');

export class Interpreter implements InterpreterLike, CallContext {
  readonly globals = new Map<string, Cell>();
  readonly compiler: Compiler;
  readonly signal: AbortSignal | undefined;
  readonly args: string[];
  readonly maxDepth: number;
  /** Set when a sandbox restricts something (builtins are guarded; load/import check it). */
  readonly sandbox: Sandbox | undefined;
  /** Current nesting of closure calls. */
  depth = 0;
  currentFile: string | undefined;
  /** Files currently being loaded (cycle detection) and modules already imported. */
  readonly loading = new Set<string>();
  readonly moduleCache = new Map<string, Map<string, Value>>();
  /**
   * While `import` evaluates a file: where its `module` forms put their exports (instead
   * of defining them globally, which is what a module run directly does).
   */
  moduleExports: Map<string, Value> | undefined;
  readonly interp: InterpreterLike = this;
  readonly mapFromPairs = mapFromPairs;
  private readonly out: (s: string) => void;
  private readonly err: (s: string) => void;
  private gensymCounter = 0;
  /** Calls and loop iterations since start; every 4096th checks for an interrupt. */
  calls = 0;
  private readonly interruptFlag: Int32Array | undefined;
  private readonly topFrame = new Frame([], null);

  constructor(opts: InterpreterOptions = {}) {
    this.out = opts.stdout ?? ((s) => process.stdout.write(s));
    this.err = opts.stderr ?? ((s) => process.stderr.write(s));
    this.signal = opts.signal;
    this.args = opts.args ?? [];
    this.maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.interruptFlag = opts.interruptFlag;
    const sandbox = opts.sandbox && new Sandbox(opts.sandbox);
    this.sandbox = sandbox?.restricted ? sandbox : undefined;
    this.compiler = new Compiler(this);
    if (opts.codegen ?? process.env['SEMA_CODEGEN'] !== '0') {
      this.compiler.lambdaCodegen = lambdaCodegen;
      this.compiler.topLevelCodegen = topLevelCodegen;
    }
    installSpecialForms();
    for (const m of [coreModule, ...allModules, ...(opts.modules ?? [])]) this.installModule(m);
    installBuiltinMacros(this);
  }

  /** A native function for definitions made by special forms (records, ...). */
  native(name: string, impl: (args: Value[]) => Value): NativeFn {
    return new NativeFn(name, impl);
  }

  installModule(m: StdlibModule): void {
    for (const spec of m.builtins) this.define(spec.name, this.sandbox ? this.sandbox.guard(toNative(spec)) : toNative(spec));
    for (const c of m.constants ?? []) this.define(c.name, c.value);
  }

  interrupted(): boolean {
    return (this.interruptFlag !== undefined && Atomics.load(this.interruptFlag, 0) !== 0) || this.signal?.aborted === true;
  }

  /** Throws "interrupted" if the user asked to stop. */
  checkInterrupt(): void {
    if (this.interrupted()) throw new SemaError('interrupted', 'interrupted');
  }

  writeOut(text: string): void {
    this.out(text);
  }
  writeErr(text: string): void {
    this.err(text);
  }

  cell(name: string): Cell {
    let c = this.globals.get(name);
    if (c === undefined) {
      c = new Cell(name);
      this.globals.set(name, c);
    }
    return c;
  }

  define(name: string, v: Value): void {
    this.cell(name).value = v;
  }

  lookup(name: string): Value | undefined {
    return this.globals.get(name)?.value;
  }

  globalNames(): string[] {
    return [...this.globals.values()].filter((c) => c.value !== undefined).map((c) => c.name);
  }

  print(v: Value): string {
    return printValue(v);
  }

  gensym(prefix = 'g'): string {
    return `${prefix}__${this.gensymCounter++}`;
  }

  unboundError(name: string, scope: Scope | null, span: Span | undefined, file: string | undefined): SemaError {
    const hint =
      veteranHint(name) ??
      (() => {
        // On equal distance the first candidate wins: locals, then the program's own globals, then builtins.
        const globals = [...this.globals.values()].filter((c) => c.value !== undefined);
        const own = globals.filter((c) => !(c.value instanceof NativeFn)).map((c) => c.name);
        const builtins = globals.filter((c) => c.value instanceof NativeFn).map((c) => c.name);
        const similar = suggestSimilar(name, [...(scope?.visibleNames() ?? []), ...own, ...builtins]);
        return similar ? `Did you mean '${similar}'?` : undefined;
      })();
    return new SemaError(`Unbound variable: ${name}`, 'unbound', { name }, hint).at(span ? { file, span } : undefined);
  }

  /** Calls `fn` with `args` (which this call may keep: pass a fresh array). */
  invoke(fn: Value, args: Value[], span: Span | undefined): Value {
    // Fast path: a plain closure called with exactly its parameters.
    if (fn instanceof Closure && fn.shape.plain && args.length === fn.shape.nreq) {
      if (++this.depth > this.maxDepth) throw this.annotate(stackDepthError(this.maxDepth), fn, span);
      if ((++this.calls & 0xfff) === 0) this.checkInterrupt();
      let result: Value;
      try {
        result = fn.body(new Frame(args, fn.env));
      } catch (e) {
        throw this.annotate(e, fn, span);
      }
      this.depth--;
      return result instanceof TailCall ? this.invokeLoop(result.fn, result.args, result.span) : result;
    }
    return this.invokeLoop(fn, args, span);
  }

  private invokeLoop(fn: Value, args: Value[], span: Span | undefined): Value {
    let callSpan = span;
    try {
      for (;;) {
        if (fn instanceof Closure) {
          if (++this.depth > this.maxDepth) throw stackDepthError(this.maxDepth);
          if ((++this.calls & 0xfff) === 0) this.checkInterrupt();
          const result = fn.body(this.bindArgs(fn, args));
          this.depth--;
          if (result instanceof TailCall) {
            fn = result.fn;
            args = result.args;
            callSpan = result.span;
            continue;
          }
          return result;
        }
        if (fn instanceof NativeFn) return fn.impl(args, this);
        if (fn instanceof Keyword) return keywordCall(fn, args);
        if (fn instanceof MultiMethod) {
          fn = this.dispatch(fn, args);
          continue;
        }
        if (fn instanceof Macro) throw new SemaError(`macro ${fn.name} cannot be called as a function`, 'eval');
        throw new SemaError(`not callable: ${printValue(fn)}`, 'eval', {}, 'the first element of a list form must be a function');
      }
    } catch (e) {
      throw this.annotate(e, fn, callSpan);
    }
  }

  /** Adds the call site to an error as it unwinds (location once, then trace frames). */
  annotate(e: unknown, fn: Value, span: Span | undefined): unknown {
    if (dropCallerEntry(e)) return e;
    let err = e;
    if (e instanceof RangeError && /call stack/i.test(e.message)) err = stackDepthError(undefined);
    else if (e instanceof Error && !(e instanceof SemaError)) err = internalError(e);
    if (!(err instanceof SemaError)) return err;
    const location = span ? { file: this.currentFile, span } : undefined;
    if (err.location === undefined) err.at(location);
    if (err.trace.length < 32 && location) {
      const name = fn instanceof Lambda || fn instanceof NativeFn || fn instanceof MultiMethod ? (fn.name ?? 'lambda') : 'lambda';
      err.trace.push({ name, location });
    }
    return err;
  }

  private bindArgs(fn: Closure, args: Value[]): Frame {
    const { nreq, nopt, hasRest, scope, bindPatterns } = fn.shape;
    const size = scope.names.length;
    const n = args.length;
    if (nopt === 0 && !hasRest) {
      if (n !== nreq) throw arityError(fn.name ?? '<lambda>', String(nreq), n);
      if (size === nreq && bindPatterns === undefined) return new Frame(args, fn.env);
    } else if (n < nreq || (!hasRest && n > nreq + nopt)) {
      throw arityError(fn.name ?? '<lambda>', hasRest ? `${nreq}+` : `${nreq}-${nreq + nopt}`, n);
    }
    const slots = new Array<Value>(size);
    const fixed = nreq + nopt;
    for (let i = 0; i < fixed; i++) slots[i] = i < n ? args[i]! : null;
    if (hasRest) slots[fixed] = n > fixed ? args.slice(fixed) : [];
    const frame = new Frame(slots, fn.env);
    if (bindPatterns) bindPatterns(frame);
    return frame;
  }

  private dispatch(m: MultiMethod, args: Value[]): Value {
    const key = this.apply(m.dispatch, args.slice());
    const method = m.methods.get(mapKey(key)) ?? m.defaultMethod;
    if (method === undefined) {
      throw new SemaError(`no method in multimethod '${m.name}' for dispatch value: ${printValue(key)}`, 'eval');
    }
    return method;
  }

  /**
   * Calls any procedure from native code. The callee may keep `args` as its frame, so
   * pass an array built for this call (never a list value or your own `args`).
   */
  apply(fn: Value, args: Value[]): Value {
    if (fn instanceof GenClosure && args.length === fn.arity) return applyDirect(this, fn, args);
    if (fn instanceof NativeFn) {
      // A native that may suspend a task is told it was handed over by a higher-order native.
      return fn.yields ? asCallback(schedulerOf(this), () => applyNative(this, fn, args)) : applyNative(this, fn, args);
    }
    return this.invoke(fn, args, undefined);
  }

  /** `apply` with one argument: no argument array when the callee is generated code. */
  apply1(fn: Value, a: Value): Value {
    if (fn instanceof GenClosure && fn.arity === 1) return applyDirect1(this, fn, a);
    if (fn instanceof NativeFn && fn.call1 !== undefined) return applyNative1(this, fn, fn.call1, a);
    return this.apply(fn, [a]);
  }

  /** `apply` with two arguments: no argument array when the callee is generated code. */
  apply2(fn: Value, a: Value, b: Value): Value {
    if (fn instanceof GenClosure && fn.arity === 2) return applyDirect2(this, fn, a, b);
    if (fn instanceof NativeFn && fn.call2 !== undefined) return applyNative2(this, fn, fn.call2, a, b);
    return this.apply(fn, [a, b]);
  }

  /** Compiles and runs one form at top level. */
  evalForm(form: Value, span?: Span): Value {
    // A top-level `begin` runs its forms one by one, so a macro defined by one is
    // available to the next (as at a REPL).
    if (Array.isArray(form) && form[0] === BEGIN && form.length > 2) {
      let result: Value = null;
      for (let i = 1; i < form.length; i++) result = this.evalForm(form[i]!, this.compiler.childSpan(form, i, span));
      return result;
    }
    const code: Code = this.compiler.compileTopLevel(form, span);
    const result = code(this.topFrame);
    return result instanceof TailCall ? this.invoke(result.fn, result.args, result.span) : result;
  }

  /** Reads and evaluates every form of `text`; returns the last value (nil if none). */
  evalString(text: string, file?: string): Value {
    const r = read(text);
    const first = r.diagnostics.find((d) => d.severity === 'error');
    if (first) {
      throw new SemaError(first.message, 'reader', {}, first.hint).at({ file, span: first.span });
    }
    const savedFile = this.currentFile;
    const savedSpans = this.compiler.spans;
    const savedCompileFile = this.compiler.file;
    this.currentFile = file;
    this.compiler.spans = r.spans;
    this.compiler.file = file;
    try {
      let result: Value = null;
      for (let i = 0; i < r.forms.length; i++) {
        this.depth = 0;
        result = this.evalForm(r.forms[i]!, r.formSpans[i]);
      }
      // Tasks nobody awaited still run, as the reference's scheduler drains at the end.
      runPendingTasks(this);
      return result;
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw stackDepthError(undefined);
      throw e;
    } finally {
      this.currentFile = savedFile;
      this.compiler.spans = savedSpans;
      this.compiler.file = savedCompileFile;
    }
  }
}

/**
 * One message whether the configured limit (`max`) or the host's own stack ran out first,
 * so the same program fails the same way on every host.
 */
export function stackDepthError(_max: number | undefined): SemaError {
  return new SemaError(
    'stack depth exceeded: too many nested calls',
    'eval',
    {},
    'this usually means unbounded recursion; make the recursive call in tail position, or use `do`/named let to loop',
  );
}

/** A JS exception escaping a builtin is a bug; it still reaches the user as a Sema error. */
/** Host limits a program can run into, in words that say what happened. */
const HOST_LIMITS: [RegExp, string][] = [
  [/Invalid string length/, 'result string too long (strings hold at most 2^29 characters)'],
  [/Invalid array length|Array buffer allocation failed|Invalid typed array length/, 'result too large to allocate'],
  [/Maximum BigInt size exceeded/, 'number too large to compute'],
];

function internalError(e: Error): SemaError {
  const limit = e instanceof RangeError ? HOST_LIMITS.find(([re]) => re.test(e.message)) : undefined;
  const err = new SemaError(limit ? limit[1] : `internal error: ${e.message}`, 'eval');
  (err as { cause?: unknown }).cause = e;
  return err;
}

function keywordCall(k: Keyword, args: Value[]): Value {
  if (args.length !== 1) throw arityError(`:${k.name}`, '1', args.length);
  const m = args[0]!;
  if (m instanceof SemaMap || m instanceof SemaHashMap) {
    const v = mapGet(m, k);
    return v !== undefined ? v : null;
  }
  return null;
}
