// Core special forms: quote, if, define, set!, lambda, begin, let family, and/or,
// when/unless, cond, case, while, do.

import { defineSpecialForm, tailCall, type Code, type Compiler } from '../compiler';
import { arityError, typeError } from '../errors';
import { compileDestructure, isPattern, patternNames, type Setter } from '../patterns';
import { Frame, Scope } from '../scope';
import { Sym, Vector, isTruthy, typeName, type Value } from '../values';
import { valuesEqual } from '../equality';
import type { Span } from '../../reader/span';

const ELSE = Sym.of('else');

/** Where a `define` stores its value: a global cell at top level, else a slot of the current scope. */
export function definitionSetter(c: Compiler, scope: Scope | null): (name: string) => Setter {
  if (scope === null) {
    return (name) => {
      const cell = c.interp.cell(name);
      return (_f, v) => {
        cell.value = v;
      };
    };
  }
  return (name) => {
    const index = scope.add(name, true);
    return (f, v) => {
      f.v[index] = v;
    };
  };
}

function need(form: Value[], min: number, name: string, max = -1): void {
  const n = form.length - 1;
  if (n < min || (max >= 0 && n > max)) {
    throw arityError(name, max === min ? String(min) : max < 0 ? `${min}+` : `${min}-${max}`, n);
  }
}

export function installCoreForms(): void {
  defineSpecialForm('quote', (_c, form) => {
    need(form, 1, 'quote', 1);
    const v = form[1]!;
    return () => v;
  });

  defineSpecialForm('if', (c, form, scope, tail, span) => {
    if (form.length < 3 || form.length > 4) throw arityError('if', '2 or 3', form.length - 1);
    const test = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const then = c.compile(form[2]!, scope, tail, c.childSpan(form, 2, span));
    if (form.length === 3) return (f) => (isTruthy(test(f)) ? then(f) : null);
    const other = c.compile(form[3]!, scope, tail, c.childSpan(form, 3, span));
    return (f) => {
      const t = test(f);
      return t !== null && t !== false ? then(f) : other(f);
    };
  });

  defineSpecialForm(['define', 'def'], (c, form, scope, _tail, span) => {
    if (form.length < 2) throw arityError('define', '2+', form.length - 1);
    const target = form[1]!;
    if (target instanceof Sym) {
      if (form.length !== 3) throw arityError('define', '2', form.length - 1);
      const set = definitionSetter(c, scope)(target.name);
      const init = compileNamed(c, form[2]!, target.name, scope, c.childSpan(form, 2, span));
      return (f) => {
        set(f, init(f));
        return null;
      };
    }
    if (Array.isArray(target)) {
      // (define (name . params) body...) — curried `((name a) b)` is not supported.
      const name = target[0];
      if (!(name instanceof Sym)) throw c.error('define: function name must be a symbol', span);
      if (form.length < 3) throw c.error('define: function body cannot be empty', span);
      const set = definitionSetter(c, scope)(name.name);
      const lambda = c.compileLambda(name.name, target.slice(1), form.slice(2), scope, span, form, 2);
      return (f) => {
        set(f, lambda(f));
        return null;
      };
    }
    if (isPattern(target)) {
      if (form.length !== 3) throw arityError('define', '2', form.length - 1);
      const init = c.compile(form[2]!, scope, false, c.childSpan(form, 2, span));
      const bind = compileDestructure(target, definitionSetter(c, scope));
      return (f) => {
        bind(f, init(f));
        return null;
      };
    }
    throw typeError('define', 'symbol, list, vector, or map', typeName(target));
  });

  defineSpecialForm(['defun', 'defn'], (c, form, scope, _tail, span) => {
    need(form, 3, form[0] === Sym.of('defn') ? 'defn' : 'defun');
    const name = form[1];
    if (!(name instanceof Sym)) throw c.error('defun: name must be a symbol', span);
    const set = definitionSetter(c, scope)(name.name);
    const lambda = c.compileLambda(name.name, form[2]!, form.slice(3), scope, span, form, 3);
    return (f) => {
      set(f, lambda(f));
      return null;
    };
  });

  defineSpecialForm('set!', (c, form, scope, _tail, span) => {
    need(form, 2, 'set!', 2);
    const target = form[1];
    if (!(target instanceof Sym)) throw c.error('set!: expected a symbol', span);
    const value = c.compile(form[2]!, scope, false, c.childSpan(form, 2, span));
    const local = scope?.lookup(target.name);
    if (local) {
      const { depth, index } = local;
      return (f) => {
        let fr = f;
        for (let d = depth; d > 0; d--) fr = fr.up!;
        const v = value(f);
        fr.v[index] = v;
        return v;
      };
    }
    // As in the reference, set! of a global that does not exist yet creates it.
    const cell = c.interp.cell(target.name);
    return (f) => {
      const v = value(f);
      cell.value = v;
      return v;
    };
  });

  defineSpecialForm(['lambda', 'fn'], (c, form, scope, _tail, span) => {
    need(form, 2, String((form[0] as Sym).name));
    return c.compileLambda(undefined, form[1]!, form.slice(2), scope, span, form, 2);
  });

  defineSpecialForm(['begin', 'progn'], (c, form, scope, tail, span) => c.compileBody(form.slice(1), scope, tail, form, 1, span));

  defineSpecialForm('let', compileLet);
  defineSpecialForm('let*', compileLetStar);
  defineSpecialForm('letrec', compileLetrec);

  defineSpecialForm('and', (c, form, scope, tail, span) => {
    const parts = form.slice(1).map((x, i) => c.compile(x, scope, tail && i === form.length - 2, c.childSpan(form, i + 1, span)));
    if (parts.length === 0) return () => true;
    const last = parts.length - 1;
    return (f) => {
      for (let i = 0; i < last; i++) {
        const v = parts[i]!(f);
        if (v === null || v === false) return v;
      }
      return parts[last]!(f);
    };
  });

  defineSpecialForm('or', (c, form, scope, tail, span) => {
    const parts = form.slice(1).map((x, i) => c.compile(x, scope, tail && i === form.length - 2, c.childSpan(form, i + 1, span)));
    if (parts.length === 0) return () => false;
    const last = parts.length - 1;
    return (f) => {
      for (let i = 0; i < last; i++) {
        const v = parts[i]!(f);
        if (v !== null && v !== false) return v;
      }
      return parts[last]!(f);
    };
  });

  defineSpecialForm(['when', 'unless'], (c, form, scope, tail, span) => {
    const isWhen = (form[0] as Sym).name === 'when';
    need(form, 2, isWhen ? 'when' : 'unless');
    const test = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const body = c.compileBody(form.slice(2), scope, tail, form, 2, span);
    return isWhen ? (f) => (isTruthy(test(f)) ? body(f) : null) : (f) => (isTruthy(test(f)) ? null : body(f));
  });

  defineSpecialForm('cond', (c, form, scope, tail, span) => {
    const clauses = form.slice(1).map((clause, i) => {
      const cs = c.childSpan(form, i + 1, span);
      if (!Array.isArray(clause)) throw c.error('cond: expected a list', cs);
      if (clause.length === 0) throw c.error('cond: clause must not be empty', cs, 'each clause is (test body...) or (else body...)');
      const isElse = clause[0] === ELSE;
      const test: Code = isElse ? () => true : c.compile(clause[0]!, scope, false, c.childSpan(clause, 0, cs));
      const body: Code = clause.length === 1 ? () => true : c.compileBody(clause.slice(1), scope, tail, clause, 1, cs);
      return { test, body };
    });
    return (f) => {
      for (const { test, body } of clauses) if (isTruthy(test(f))) return body(f);
      return null;
    };
  });

  defineSpecialForm('case', (c, form, scope, tail, span) => {
    need(form, 2, 'case');
    const key = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const clauses = form.slice(2).map((clause, i) => {
      const cs = c.childSpan(form, i + 2, span);
      if (!Array.isArray(clause) || clause.length === 0) throw c.error('case: clause must not be empty', cs);
      const isElse = clause[0] === ELSE;
      const datums = isElse ? [] : Array.isArray(clause[0]) ? clause[0] : [clause[0]!];
      return { isElse, datums, body: c.compileBody(clause.slice(1), scope, tail, clause, 1, cs) };
    });
    return (f) => {
      const k = key(f);
      for (const cl of clauses) {
        if (cl.isElse || cl.datums.some((d) => caseEqual(k, d))) return cl.body(f);
      }
      return null;
    };
  });

  defineSpecialForm('while', (c, form, scope, _tail, span) => {
    need(form, 2, 'while');
    const test = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const body = c.compileBody(form.slice(2), scope, false, form, 2, span);
    const interp = c.interp;
    return (f) => {
      let n = 0;
      while (isTruthy(test(f))) {
        body(f);
        if ((++n & 0xfff) === 0) interp.checkInterrupt();
      }
      return null;
    };
  });

  defineSpecialForm('do', compileDo);
}

/** `case` compares with `=` semantics for numbers and `equal?` otherwise. */
function caseEqual(k: Value, d: Value): boolean {
  return valuesEqual(k, d);
}

/** Compiles a define's init; a lambda gets the defined name (for printing and traces). */
function compileNamed(c: Compiler, init: Value, name: string, scope: Scope | null, span: Span | undefined): Code {
  if (Array.isArray(init) && (init[0] === Sym.of('lambda') || init[0] === Sym.of('fn')) && init.length >= 2 && !scope?.lookup((init[0] as Sym).name)) {
    return c.compileLambda(name, init[1]!, init.slice(2), scope, c.spanOf(init, span), init, 2);
  }
  return scope === null ? c.compileTopLevel(init, span) : c.compile(init, scope, false, span);
}

interface Binding {
  readonly target: Value;
  readonly init: Value;
  readonly span: Span | undefined;
}

function parseBindings(c: Compiler, form: Value[], index: number, who: string, span: Span | undefined): Binding[] {
  const raw = form[index];
  const bs = c.childSpan(form, index, span);
  if (!Array.isArray(raw)) throw c.error(`${who}: expected a list`, bs);
  return raw.map((b, i) => {
    const s = c.childSpan(raw, i, bs);
    if (!Array.isArray(b)) throw c.error(`${who}: expected a list`, s);
    if (b.length !== 2) throw c.error(`${who}: each binding must have 2 elements`, s);
    const target = b[0]!;
    if (!(target instanceof Sym) && !isPattern(target)) throw c.error(`${who}: binding name must be a symbol, vector, or map pattern`, s);
    return { target, init: b[1]!, span: c.childSpan(b, 1, s) };
  });
}

function slotSetter(scope: Scope): (name: string) => Setter {
  return (name) => {
    const index = scope.names.lastIndexOf(name);
    return (f, v) => {
      f.v[index] = v;
    };
  };
}

function compileLet(c: Compiler, form: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
  need(form, 2, 'let');
  if (form[1] instanceof Sym) return compileNamedLet(c, form, scope, tail, span);
  const bindings = parseBindings(c, form, 1, 'let', span);
  const inits = bindings.map((b) => (b.target instanceof Sym ? compileNamed(c, b.init, b.target.name, scope, b.span) : c.compile(b.init, scope, false, b.span)));
  const s = new Scope(scope);
  const binders = bindings.map((b) => {
    if (b.target instanceof Sym) {
      const index = s.add(b.target.name);
      return (f: Frame, v: Value) => {
        f.v[index] = v;
      };
    }
    for (const n of patternNames(b.target)) s.add(n);
    return compileDestructure(b.target, slotSetter(s));
  });
  const body = form.slice(2);
  c.prescanDefines(body, s);
  const code = c.compileBody(body, s, tail, form, 2, span);
  const n = bindings.length;
  return (f) => {
    const frame = new Frame(new Array<Value>(s.names.length), f);
    for (let i = 0; i < n; i++) binders[i]!(frame, inits[i]!(f));
    return code(frame);
  };
}

/**
 * The body of `let*`/`letrec`: a frame for scope `s`, the binding steps run in order in
 * that frame, then the body forms (from index 2 of `form`).
 */
function sequentialScope(c: Compiler, form: Value[], s: Scope, steps: ((f: Frame) => void)[], tail: boolean, span: Span | undefined): Code {
  const body = form.slice(2);
  c.prescanDefines(body, s);
  const code = c.compileBody(body, s, tail, form, 2, span);
  return (f) => {
    const frame = new Frame(new Array<Value>(s.names.length), f);
    for (const step of steps) step(frame);
    return code(frame);
  };
}

function compileLetStar(c: Compiler, form: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
  need(form, 2, 'let*');
  const bindings = parseBindings(c, form, 1, 'let*', span);
  const s = new Scope(scope);
  const steps = bindings.map((b) => {
    const init = b.target instanceof Sym ? compileNamed(c, b.init, b.target.name, s, b.span) : c.compile(b.init, s, false, b.span);
    if (b.target instanceof Sym) {
      const index = s.add(b.target.name);
      return (f: Frame) => {
        f.v[index] = init(f);
      };
    }
    for (const n of patternNames(b.target)) s.add(n);
    const bind = compileDestructure(b.target, slotSetter(s));
    return (f: Frame) => bind(f, init(f));
  });
  return sequentialScope(c, form, s, steps, tail, span);
}

function compileLetrec(c: Compiler, form: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
  need(form, 2, 'letrec');
  const bindings = parseBindings(c, form, 1, 'letrec', span);
  const s = new Scope(scope);
  for (const b of bindings) {
    if (!(b.target instanceof Sym)) throw c.error('letrec: binding name must be a symbol', b.span);
    s.add(b.target.name, true);
  }
  const steps = bindings.map((b) => {
    const name = (b.target as Sym).name;
    const init = compileNamed(c, b.init, name, s, b.span);
    const index = s.names.indexOf(name);
    return (f: Frame) => {
      f.v[index] = init(f);
    };
  });
  return sequentialScope(c, form, s, steps, tail, span);
}

/** `(let loop ((i 0) ...) body)`: a local recursive function called at once. */
function compileNamedLet(c: Compiler, form: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
  need(form, 3, 'named let');
  const name = (form[1] as Sym).name;
  const bindings = parseBindings(c, form, 2, 'let', span);
  const inits = bindings.map((b) => c.compile(b.init, scope, false, b.span));
  const loopScope = new Scope(scope);
  loopScope.add(name);
  const params = bindings.map((b) => b.target);
  const lambda = c.compileLambda(name, params, form.slice(3), loopScope, span, form, 3);
  const interp = c.interp;
  return (f) => {
    const frame = new Frame([null], f);
    const fn = lambda(frame);
    frame.v[0] = fn;
    const args = inits.map((init) => init(f));
    return tail ? tailCall(fn, args, span) : interp.invoke(fn, args, span);
  };
}

/** `(do ((var init step)...) (test result...) body...)` */
function compileDo(c: Compiler, form: Value[], scope: Scope | null, tail: boolean, span: Span | undefined): Code {
  need(form, 2, 'do');
  const specs = form[1];
  const exit = form[2];
  if (!Array.isArray(specs) || !Array.isArray(exit)) throw c.error('do: expected a list', span);
  if (exit.length === 0) throw c.error('do: test clause must not be empty', span);
  const s = new Scope(scope);
  const vars = specs.map((spec) => {
    const items = Array.isArray(spec) ? spec : spec instanceof Vector ? spec.items : undefined;
    if (!items || items.length < 2 || items.length > 3) throw c.error('do: binding must be (var init) or (var init step)', span);
    if (!(items[0] instanceof Sym)) throw c.error('do: expected a symbol', span);
    return { name: items[0].name, init: items[1] ?? null, step: items[2] };
  });
  const inits = vars.map((v) => c.compile(v.init, scope, false, span));
  for (const v of vars) s.add(v.name);
  const steps = vars.map((v) => (v.step === undefined ? undefined : c.compile(v.step, s, false, span)));
  const test = c.compile(exit[0]!, s, false, span);
  const result = c.compileBody(exit.slice(1), s, false, exit, 1, span);
  const body = c.compileBody(form.slice(3), s, false, form, 3, span);
  const n = vars.length;
  const interp = c.interp;
  void tail;
  return (f) => {
    const frame = new Frame(new Array<Value>(s.names.length), f);
    for (let i = 0; i < n; i++) frame.v[i] = inits[i]!(f);
    let count = 0;
    let current = frame;
    while (!isTruthy(test(current))) {
      body(current);
      // Fresh frame per iteration so closures made in the body capture that iteration's values.
      const next = new Frame(current.v.slice(), f);
      for (let i = 0; i < n; i++) {
        const step = steps[i];
        if (step) next.v[i] = step(current);
      }
      current = next;
      if ((++count & 0xfff) === 0) interp.checkInterrupt();
    }
    return result(current);
  };
}
