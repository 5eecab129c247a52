// Compiles forms once into JS closures (`Code`). Locals become frame-slot reads, globals
// become cell reads, special forms are compiled by their own modules (special-forms/),
// and calls in tail position return a TailCall that the caller's invoke loop runs, so tail
// calls take constant stack.

import type { Span } from '../reader/span';
import type { SpanTable } from '../reader/lower';
import { SemaError } from './errors';
import { Cell, Frame, Scope } from './scope';
import { compileDestructure, isPattern, patternNames } from './patterns';
import {
  Keyword,
  Lambda,
  Macro,
  NativeFn,
  SemaMap,
  Sym,
  Vector,
  type ParamInfo,
  type Value,
} from './values';
import type { Interpreter } from './interpreter';

/** Compiled code. In tail position it may return a TailCall (see `tailCall`). */
export type Code = (f: Frame) => Value;

/** A pending call returned from tail position; run by Interpreter.invoke's loop. */
export class TailCall {
  constructor(
    readonly fn: Value,
    readonly args: Value[],
    readonly span: Span | undefined,
  ) {}
}

/** HACK: TailCall travels through `Code`'s Value return type; only invoke loops see it. */
export function tailCall(fn: Value, args: Value[], span: Span | undefined): Value {
  return new TailCall(fn, args, span) as unknown as Value;
}

export interface LambdaShape {
  readonly nreq: number;
  readonly nopt: number;
  readonly hasRest: boolean;
  readonly scope: Scope;
  /** Destructures pattern parameters into their slots (after the raw args are stored). */
  readonly bindPatterns: ((f: Frame) => void) | undefined;
  /**
   * Only required parameters and no other slots: the argument array becomes the frame.
   * Set once the body is compiled (internal defines add slots).
   */
  plain: boolean;
}

/** A user function: compiled body + captured frame. */
export class Closure extends Lambda {
  constructor(
    name: string | undefined,
    params: ParamInfo,
    doc: string | undefined,
    readonly body: Code,
    readonly env: Frame | null,
    readonly shape: LambdaShape,
    readonly file: string | undefined,
    readonly span: Span | undefined,
  ) {
    super(name, params, doc);
  }
}

/**
 * Optional faster tier for lambda bodies (eval/codegen.ts installs it): given a lambda with
 * only required parameters, returns its body compiled to generated JS plus a constructor for
 * its closures (`make` gets the same arguments on every call but `env`), or undefined to use
 * ordinary closure compilation.
 */
export type LambdaCodegen = (
  c: Compiler,
  lambda: { name: string | undefined; nreq: number; scope: Scope; body: readonly Value[]; parent: Value; firstBodyIndex: number; span: Span | undefined },
) => { body: Code; make: (name: string | undefined, params: ParamInfo, doc: string | undefined, env: Frame, shape: LambdaShape, file: string | undefined, span: Span | undefined) => Closure } | undefined;

export type SpecialForm = (c: Compiler, form: Value[], scope: Scope | null, tail: boolean, span: Span | undefined) => Code;

export const specialForms = new Map<string, SpecialForm>();

export function defineSpecialForm(names: string | string[], compile: SpecialForm): void {
  for (const n of Array.isArray(names) ? names : [names]) specialForms.set(n, compile);
}

const DOT = Sym.of('.');
const AMP = Sym.of('&');
const AMP_REST = Sym.of('&rest');
const AMP_OPTIONAL = Sym.of('&optional');
const DEFINE_NAMES = new Set(['define', 'def', 'defun', 'defn', 'define-record-type', 'defmulti']);

export class Compiler {
  /** Spans of the forms being compiled (absent for data from `eval` or macros). */
  spans: SpanTable | undefined;
  file: string | undefined;
  /** The code-generation tier, when enabled (see LambdaCodegen). */
  lambdaCodegen: LambdaCodegen | undefined;
  /** The same tier for a top-level expression worth it (see codegen.ts `topLevelCodegen`). */
  topLevelCodegen: ((c: Compiler, x: Value, span: Span | undefined) => Code | undefined) | undefined;

  constructor(readonly interp: Interpreter) {}

  /** Span of a container form, falling back to the given one. */
  spanOf(form: Value, fallback: Span | undefined): Span | undefined {
    return this.spans?.of(form) ?? fallback;
  }

  /** Span of the i-th element of a list/vector form. */
  childSpan(form: Value, i: number, fallback: Span | undefined): Span | undefined {
    return this.spans?.children(form)?.[i] ?? fallback;
  }

  error(message: string, span: Span | undefined, hint?: string): SemaError {
    return new SemaError(message, 'eval', {}, hint).at(span ? { file: this.file, span } : undefined);
  }

  /** Compiles an expression evaluated at top level (outside any lambda), as a value. */
  compileTopLevel(x: Value, span: Span | undefined): Code {
    return this.topLevelCodegen?.(this, x, span) ?? this.compile(x, null, false, span);
  }

  compile(x: Value, scope: Scope | null, tail: boolean, span: Span | undefined): Code {
    if (x instanceof Sym) return this.compileSymbol(x, scope, span);
    if (Array.isArray(x)) return this.compileList(x, scope, tail, this.spanOf(x, span));
    if (x instanceof Vector) {
      const s = this.spanOf(x, span);
      const items = x.items.map((item, i) => this.compile(item, scope, false, this.childSpan(x, i, s)));
      return (f) => new Vector(items.map((c) => c(f)));
    }
    if (x instanceof SemaMap) return this.compileMapLiteral(x, scope, span);
    return () => x;
  }

  private compileMapLiteral(x: SemaMap, scope: Scope | null, span: Span | undefined): Code {
    const s = this.spanOf(x, span);
    const entries = [...x.table.values()].map(([k, v], i) => [
      this.compile(k, scope, false, this.childSpan(x, 2 * i, s)),
      this.compile(v, scope, false, this.childSpan(x, 2 * i + 1, s)),
    ]);
    const pairs = this.interp.mapFromPairs;
    return (f) => {
      const flat: Value[] = [];
      for (const [k, v] of entries) flat.push(k!(f), v!(f));
      return pairs(flat);
    };
  }

  compileSymbol(x: Sym, scope: Scope | null, span: Span | undefined): Code {
    const name = x.name;
    const local = scope?.lookup(name);
    if (local) {
      const { depth, index, late } = local;
      const unbound = (): never => {
        throw this.interp.unboundError(name, scope, span, this.file);
      };
      if (depth === 0) {
        return late
          ? (f) => {
              const v = f.v[index];
              return v === undefined ? unbound() : v;
            }
          : (f) => f.v[index]!;
      }
      if (depth === 1) {
        return late
          ? (f) => {
              const v = f.up!.v[index];
              return v === undefined ? unbound() : v;
            }
          : (f) => f.up!.v[index]!;
      }
      return (f) => {
        let fr = f;
        for (let d = depth; d > 0; d--) fr = fr.up!;
        const v = fr.v[index];
        return v === undefined ? unbound() : v;
      };
    }
    const cell = this.interp.cell(name);
    const file = this.file;
    return () => {
      const v = cell.value;
      if (v === undefined) throw this.interp.unboundError(name, scope, span, file);
      return v;
    };
  }

  /** The global macro `head` names, unless a local shadows it. */
  macroFor(head: Value, scope: Scope | null): Macro | undefined {
    if (!(head instanceof Sym) || scope?.lookup(head.name)) return undefined;
    const v = this.interp.cell(head.name).value;
    return v instanceof Macro ? v : undefined;
  }

  private compileList(x: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
    if (x.length === 0) return () => [];
    const head = x[0]!;
    if (head instanceof Sym) {
      // Special forms cannot be shadowed (as in the reference); macros can.
      const special = specialForms.get(head.name);
      if (special) {
        try {
          return special(this, x, scope, tail, span);
        } catch (e) {
          if (e instanceof SemaError && span) e.at({ file: this.file, span });
          throw e;
        }
      }
      const macro = this.macroFor(head, scope);
      if (macro) return this.compile(this.expandMacro(macro, x, span), scope, tail, span);
    }
    return this.compileCall(x, scope, tail, span);
  }

  expandMacro(macro: Macro, x: Value[], span: Span | undefined): Value {
    try {
      return macro.expand(x.slice(1));
    } catch (e) {
      if (e instanceof SemaError && span) e.at({ file: this.file, span });
      throw e;
    }
  }

  compileCall(x: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
    const interp = this.interp;
    const fnCode = this.compile(x[0]!, scope, false, this.childSpan(x, 0, span));
    const argCodes = x.slice(1).map((a, i) => this.compile(a, scope, false, this.childSpan(x, i + 1, span)));
    const inline = this.inlinePrimitive(x, scope, argCodes, span);
    if (inline) return inline;
    const n = argCodes.length;
    if (n === 0) {
      return tail ? (f) => tailCall(fnCode(f), [], span) : (f) => interp.invoke(fnCode(f), [], span);
    }
    if (n === 1) {
      const a0 = argCodes[0]!;
      return tail ? (f) => tailCall(fnCode(f), [a0(f)], span) : (f) => interp.invoke(fnCode(f), [a0(f)], span);
    }
    if (n === 2) {
      const a0 = argCodes[0]!;
      const a1 = argCodes[1]!;
      return tail
        ? (f) => tailCall(fnCode(f), [a0(f), a1(f)], span)
        : (f) => interp.invoke(fnCode(f), [a0(f), a1(f)], span);
    }
    if (n === 3) {
      const [a0, a1, a2] = argCodes as [Code, Code, Code];
      return tail
        ? (f) => tailCall(fnCode(f), [a0(f), a1(f), a2(f)], span)
        : (f) => interp.invoke(fnCode(f), [a0(f), a1(f), a2(f)], span);
    }
    const evalArgs = (f: Frame): Value[] => {
      const args = new Array<Value>(n);
      for (let i = 0; i < n; i++) args[i] = argCodes[i]!(f);
      return args;
    };
    return tail ? (f) => tailCall(fnCode(f), evalArgs(f), span) : (f) => interp.invoke(fnCode(f), evalArgs(f), span);
  }

  /**
   * Fast paths for two-argument integer arithmetic and comparison on the global builtins.
   * They fall back to the real builtin whenever the operands are not both integers, the
   * result leaves the safe-integer range, or the global has been redefined.
   */
  private inlinePrimitive(x: Value[], scope: Scope | null, args: Code[], span: Span | undefined): Code | undefined {
    const head = x[0];
    if (!(head instanceof Sym) || args.length !== 2 || scope?.lookup(head.name)) return undefined;
    const cell = this.interp.cell(head.name);
    const builtin = cell.value;
    if (!(builtin instanceof NativeFn) || builtin.name !== head.name) return undefined;
    const [a, b] = args as [Code, Code];
    const interp = this.interp;
    const slow = (l: Value, r: Value): Value => interp.invoke(cell.value!, [l, r], span);
    switch (head.name) {
      case '+':
        return (f) => {
          const l = a(f), r = b(f);
          if (typeof l === 'number' && typeof r === 'number' && cell.value === builtin) {
            const s = l + r;
            if (Number.isSafeInteger(s)) return s;
          }
          return slow(l, r);
        };
      case '-':
        return (f) => {
          const l = a(f), r = b(f);
          if (typeof l === 'number' && typeof r === 'number' && cell.value === builtin) {
            const s = l - r;
            if (Number.isSafeInteger(s)) return s;
          }
          return slow(l, r);
        };
      case '*':
        return (f) => {
          const l = a(f), r = b(f);
          if (typeof l === 'number' && typeof r === 'number' && cell.value === builtin) {
            const s = l * r + 0; // + 0 turns -0 into 0: integers have no negative zero
            if (Number.isSafeInteger(s)) return s;
          }
          return slow(l, r);
        };
      case '<':
        return (f) => {
          const l = a(f), r = b(f);
          return typeof l === 'number' && typeof r === 'number' && cell.value === builtin ? l < r : slow(l, r);
        };
      case '>':
        return (f) => {
          const l = a(f), r = b(f);
          return typeof l === 'number' && typeof r === 'number' && cell.value === builtin ? l > r : slow(l, r);
        };
      case '<=':
        return (f) => {
          const l = a(f), r = b(f);
          return typeof l === 'number' && typeof r === 'number' && cell.value === builtin ? l <= r : slow(l, r);
        };
      case '>=':
        return (f) => {
          const l = a(f), r = b(f);
          return typeof l === 'number' && typeof r === 'number' && cell.value === builtin ? l >= r : slow(l, r);
        };
      case '=':
        return (f) => {
          const l = a(f), r = b(f);
          return typeof l === 'number' && typeof r === 'number' && cell.value === builtin ? l === r : slow(l, r);
        };
    }
    return undefined;
  }

  /** Sequence of forms; the last is in tail position when `tail`. Empty body is nil. */
  compileBody(forms: readonly Value[], scope: Scope | null, tail: boolean, parent: Value, firstIndex: number, span: Span | undefined): Code {
    const codes = forms.map((form, i) =>
      this.compile(form, scope, tail && i === forms.length - 1, this.childSpan(parent, firstIndex + i, span)),
    );
    if (codes.length === 0) return () => null;
    if (codes.length === 1) return codes[0]!;
    if (codes.length === 2) {
      const [c0, c1] = codes as [Code, Code];
      return (f) => {
        c0(f);
        return c1(f);
      };
    }
    const last = codes.length - 1;
    return (f) => {
      for (let i = 0; i < last; i++) codes[i]!(f);
      return codes[last]!(f);
    };
  }

  /** Adds the names that internal defines in `forms` will bind to `scope` (so forward references resolve). */
  prescanDefines(forms: readonly Value[], scope: Scope): void {
    for (const form of forms) {
      if (!Array.isArray(form) || !(form[0] instanceof Sym)) continue;
      const head = form[0].name;
      if (head === 'begin' || head === 'progn') this.prescanDefines(form.slice(1), scope);
      else if (DEFINE_NAMES.has(head)) {
        const target = form[1];
        if (target instanceof Sym) scope.add(target.name, true);
        else if (Array.isArray(target) && target[0] instanceof Sym) scope.add(target[0].name, true);
        else if (target !== undefined && isPattern(target)) for (const n of patternNames(target)) scope.add(n, true);
      }
    }
  }

  /**
   * `(lambda params body...)`: params are a list (or vector) of symbols or destructuring
   * patterns, with `. rest` / `& rest` / `&rest rest` for the rest and `&optional` before
   * optional ones (which default to nil).
   */
  compileLambda(name: string | undefined, params: Value, body: readonly Value[], scope: Scope | null, span: Span | undefined, parent: Value, firstBodyIndex: number): Code {
    const list = Array.isArray(params) ? params : params instanceof Vector ? params.items : undefined;
    if (list === undefined) {
      if (params instanceof Sym) return this.compileLambda(name, [DOT, params], body, scope, span, parent, firstBodyIndex);
      throw this.error('lambda: parameters must be a list of symbols', span);
    }
    const s = new Scope(scope);
    const required: string[] = [];
    const optional: string[] = [];
    let rest: string | undefined;
    const patterns: { index: number; pattern: Value }[] = [];
    let mode: 'req' | 'opt' = 'req';
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      if (p === DOT || p === AMP || p === AMP_REST) {
        const r = list[i + 1];
        if (!(r instanceof Sym) || i + 2 !== list.length) throw this.error('lambda: expected one rest parameter name after `.`', span);
        rest = r.name;
        break;
      }
      if (p === AMP_OPTIONAL) {
        mode = 'opt';
        continue;
      }
      let pname: string;
      if (p instanceof Sym) pname = p.name;
      else if (isPattern(p)) {
        pname = `#arg${i}`;
        patterns.push({ index: required.length + optional.length, pattern: p });
      } else throw this.error(`lambda: invalid parameter ${this.interp.print(p)}`, span);
      (mode === 'req' ? required : optional).push(pname);
    }
    for (const n of required) s.add(n);
    for (const n of optional) s.add(n);
    if (rest !== undefined) s.add(rest);
    let bindPatterns: ((f: Frame) => void) | undefined;
    if (patterns.length > 0) {
      const binders = patterns.map(({ index, pattern }) => {
        for (const n of patternNames(pattern)) s.add(n);
        const binder = compileDestructure(pattern, (n) => {
          const idx = s.names.lastIndexOf(n);
          return (f, v) => {
            f.v[idx] = v;
          };
        });
        return (f: Frame) => binder(f, f.v[index]!);
      });
      bindPatterns = (f) => {
        for (const b of binders) b(f);
      };
    }
    let doc: string | undefined;
    let bodyForms = body;
    if (body.length > 1 && typeof body[0] === 'string') {
      doc = body[0];
      bodyForms = body.slice(1);
      firstBodyIndex++;
    }
    this.prescanDefines(bodyForms, s);
    const simple = optional.length === 0 && rest === undefined && bindPatterns === undefined;
    const gen = simple ? this.lambdaCodegen?.(this, { name, nreq: required.length, scope: s, body: bodyForms, parent, firstBodyIndex, span }) : undefined;
    const code = gen ? gen.body : this.compileBody(bodyForms, s, true, parent, firstBodyIndex, span);
    const plain = optional.length === 0 && rest === undefined && bindPatterns === undefined && s.names.length === required.length;
    const shape: LambdaShape = { nreq: required.length, nopt: optional.length, hasRest: rest !== undefined, scope: s, bindPatterns, plain };
    const info: ParamInfo = {
      required: required.map((r, i) => (r.startsWith('#arg') ? this.interp.print(patterns.find((p) => p.index === i)?.pattern ?? null) : r)),
      optional,
      rest,
    };
    const file = this.file;
    if (gen) {
      const make = gen.make;
      return (f) => make(name, info, doc, f, shape, file, span);
    }
    return (f) => new Closure(name, info, doc, code, f, shape, file, span);
  }
}

/** Head symbol name of a form, if any. */
export function headName(x: Value): string | undefined {
  return Array.isArray(x) && x[0] instanceof Sym ? x[0].name : undefined;
}

export { Cell, Frame, Scope, Keyword };
