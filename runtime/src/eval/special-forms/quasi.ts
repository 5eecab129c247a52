// Quasiquote templates (with auto-gensym `foo#`), defmacro and macroexpand.

import { defineSpecialForm, type Compiler } from '../compiler';
import { arityError, SemaError } from '../errors';
import { Frame, Scope } from '../scope';
import { Closure } from '../compiler';
import { Macro, SemaMap, Sym, Vector, type Value } from '../values';
import { mapFromPairs } from '../equality';
import type { Span } from '../../reader/span';

const QUASIQUOTE = Sym.of('quasiquote');
const UNQUOTE = Sym.of('unquote');
const UNQUOTE_SPLICING = Sym.of('unquote-splicing');

/** Builds one piece of a template; `gs` maps `foo#` names to this evaluation's gensyms. */
type Builder = (f: Frame, gs: Map<string, Sym>) => Value;
/** Builds the elements a piece contributes to its enclosing sequence (spliced or single). */
type SeqBuilder = (f: Frame, gs: Map<string, Sym>, out: Value[]) => void;

function compileTemplate(c: Compiler, x: Value, depth: number, scope: Scope | null, span: Span | undefined): Builder {
  if (x instanceof Sym) {
    const name = x.name;
    if (name.length > 1 && name.endsWith('#')) {
      const prefix = name.slice(0, -1);
      return (_f, gs) => {
        let s = gs.get(name);
        if (s === undefined) {
          s = Sym.of(c.interp.gensym(prefix));
          gs.set(name, s);
        }
        return s;
      };
    }
    return () => x;
  }
  if (Array.isArray(x)) {
    if (x.length === 2 && x[0] === UNQUOTE) {
      if (depth === 1) {
        const code = c.compile(x[1]!, scope, false, c.childSpan(x, 1, span));
        return (f) => code(f);
      }
      const inner = compileTemplate(c, x[1]!, depth - 1, scope, span);
      return (f, gs) => [UNQUOTE, inner(f, gs)];
    }
    if (x.length === 2 && x[0] === QUASIQUOTE) {
      const inner = compileTemplate(c, x[1]!, depth + 1, scope, span);
      return (f, gs) => [QUASIQUOTE, inner(f, gs)];
    }
    const parts = compileSequence(c, x, depth, scope, span);
    return (f, gs) => {
      const out: Value[] = [];
      for (const p of parts) p(f, gs, out);
      return out;
    };
  }
  if (x instanceof Vector) {
    const parts = compileSequence(c, x.items, depth, scope, span);
    return (f, gs) => {
      const out: Value[] = [];
      for (const p of parts) p(f, gs, out);
      return new Vector(out);
    };
  }
  if (x instanceof SemaMap) {
    for (const [k, v] of x.table.values()) {
      // A map entry is one key and one value: nothing to splice a sequence into.
      for (const part of [k, v]) {
        if (depth === 1 && Array.isArray(part) && part.length === 2 && part[0] === UNQUOTE_SPLICING) {
          throw c.error('unquote-splicing is not allowed in a quasiquoted map key or value', span, 'build the map with assoc, or (apply hash-map key value ...), instead');
        }
      }
    }
    const entries = [...x.table.values()].map(([k, v]) => [compileTemplate(c, k, depth, scope, span), compileTemplate(c, v, depth, scope, span)] as const);
    return (f, gs) => mapFromPairs(entries.flatMap(([k, v]) => [k(f, gs), v(f, gs)]));
  }
  return () => x;
}

function compileSequence(c: Compiler, items: readonly Value[], depth: number, scope: Scope | null, span: Span | undefined): SeqBuilder[] {
  return items.map((item, i) => {
    const itemSpan = c.childSpan(items as Value[], i, span);
    if (depth === 1 && Array.isArray(item) && item.length === 2 && item[0] === UNQUOTE_SPLICING) {
      const code = c.compile(item[1]!, scope, false, c.childSpan(item, 1, itemSpan));
      return (f: Frame, _gs: Map<string, Sym>, out: Value[]) => {
        const v = code(f);
        if (Array.isArray(v)) out.push(...v);
        else if (v instanceof Vector) out.push(...v.items);
        else if (v !== null) throw new SemaError('unquote-splicing (,@) expects a list or vector', 'eval').at(itemSpan ? { file: c.file, span: itemSpan } : undefined);
      };
    }
    const b = compileTemplate(c, item, depth, scope, itemSpan);
    return (f: Frame, gs: Map<string, Sym>, out: Value[]) => {
      out.push(b(f, gs));
    };
  });
}

/** Expands `form` while its head names a macro (what `macroexpand` shows). */
export function macroexpandAll(c: Compiler, form: Value): Value {
  let x = form;
  for (let i = 0; i < 1000; i++) {
    if (!Array.isArray(x) || x.length === 0) return x;
    const m = c.macroFor(x[0]!, null);
    if (!m) return x;
    x = m.expand(x.slice(1));
  }
  return x;
}

export function installQuasiForms(): void {
  defineSpecialForm('quasiquote', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('quasiquote', '1', form.length - 1);
    const b = compileTemplate(c, form[1]!, 1, scope, c.childSpan(form, 1, span));
    return (f) => b(f, new Map());
  });

  defineSpecialForm(['unquote', 'unquote-splicing'], (c, form, _scope, _tail, span) => {
    throw c.error(`${(form[0] as Sym).name} (,) is only valid inside a quasiquote (\`)`, span);
  });

  defineSpecialForm('defmacro', (c, form, scope, _tail, span) => {
    if (form.length < 4) throw arityError('defmacro', '3+', form.length - 1);
    if (!(form[1] instanceof Sym)) throw c.error('defmacro: expected a symbol', span);
    const name = form[1].name;
    const lambda = c.compileLambda(name, form[2]!, form.slice(3), scope, span, form, 3);
    const interp = c.interp;
    return (f) => {
      const closure = lambda(f) as Closure;
      interp.define(name, new Macro(name, closure.params, (args) => interp.apply(closure, args)));
      return null;
    };
  });

  defineSpecialForm('macroexpand', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('macroexpand', '1', form.length - 1);
    const arg = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    return (f) => macroexpandAll(c, arg(f));
  });
}
