// Special forms for errors (try/catch/throw), laziness (delay), pattern matching
// (match/match*), records, multimethods and quasiquote/macros.

import { defineSpecialForm, type Code } from '../compiler';
import { arityError, SemaError, UserThrow } from '../errors';
import { compileMatch, patternNames } from '../patterns';
import { Frame, Scope } from '../scope';
import {
  Keyword,
  MultiMethod,
  RecordType,
  RecordValue,
  SemaMap,
  Sym,
  Thunk,
  Vector,
  typeName,
  type Value,
} from '../values';
import { mapFromPairs, mapKey } from '../equality';
import { printValue } from '../../reader/printer';
import { LineIndex } from '../../reader/line-index';
import { definitionSetter } from './core';
import type { Span } from '../../reader/span';
import { readFileSync } from 'node:fs';

const CATCH = Sym.of('catch');
const WHEN = Sym.of('when');
const DEFAULT = Keyword.of('default');

/** Error maps handed to `catch`, remembered so `(throw e)` rethrows the original error. */
const errorOfMap = new WeakMap<SemaMap, SemaError>();

const lineIndexes = new Map<string, LineIndex>();
function lineColOf(file: string | undefined, span: Span): { line: number; col: number } | undefined {
  if (file === undefined) return undefined;
  let idx = lineIndexes.get(file);
  if (idx === undefined) {
    try {
      idx = new LineIndex(readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
    lineIndexes.set(file, idx);
  }
  return idx.lineCol(span.start);
}

/** The error map `catch` binds: `:type`, `:message`, `:stack-trace` plus the error's own fields. */
export function errorToMap(e: SemaError): SemaMap {
  const pairs: Value[] = [Keyword.of('type'), Keyword.of(e.type), Keyword.of('message'), e.message];
  for (const [k, v] of Object.entries(e.fields)) pairs.push(Keyword.of(k), v);
  const frames = e.trace.map((t) => {
    const fp: Value[] = [Keyword.of('name'), t.name];
    if (t.location?.file) fp.push(Keyword.of('file'), t.location.file);
    const lc = t.location ? lineColOf(t.location.file, t.location.span) : undefined;
    if (lc) fp.push(Keyword.of('line'), lc.line, Keyword.of('col'), lc.col);
    return mapFromPairs(fp);
  });
  pairs.push(Keyword.of('stack-trace'), frames);
  const m = mapFromPairs(pairs);
  errorOfMap.set(m, e);
  return m;
}

/** Turns anything thrown while evaluating into a SemaError (JS errors become :eval errors). */
export function asSemaError(e: unknown): SemaError {
  if (e instanceof SemaError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) return new SemaError('stack depth exceeded', 'eval');
  const msg = e instanceof Error ? e.message : String(e);
  return new SemaError(msg, 'eval');
}

export function installControlForms(): void {
  defineSpecialForm('throw', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('throw', '1', form.length - 1);
    const value = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const file = c.file;
    return (f) => {
      const v = value(f);
      if (v instanceof SemaMap) {
        const original = errorOfMap.get(v);
        if (original) throw original;
      }
      throw new UserThrow(v, printValue(v)).at(span ? { file, span } : undefined);
    };
  });

  defineSpecialForm('try', (c, form, scope, _tail, span) => {
    // (try body... (catch e handler...)): the catch clause is required and comes last.
    if (form.length < 2) throw arityError('try', '1+', form.length - 1);
    const catchClause = form[form.length - 1]!;
    const cs = c.childSpan(form, form.length - 1, span);
    if (!Array.isArray(catchClause)) throw c.error('try: expected a list', cs);
    if (catchClause.length === 0) throw c.error('try: catch form is empty', cs);
    if (catchClause[0] !== CATCH) throw c.error('try: last argument must be (catch var handler...)', cs);
    if (catchClause.length < 3) throw c.error('try: catch needs (catch var handler...)', cs);
    const name = catchClause[1];
    if (!(name instanceof Sym)) throw c.error('try catch: expected a symbol', cs);
    const bodyCode = c.compileBody(form.slice(1, -1), scope, false, form, 1, span);
    const s = new Scope(scope);
    s.add(name.name);
    c.prescanDefines(catchClause.slice(2), s);
    const handlerCode = c.compileBody(catchClause.slice(2), s, false, catchClause, 2, cs);
    const interp = c.interp;
    return (f) => {
      const depth = interp.depth;
      try {
        return bodyCode(f);
      } catch (e) {
        interp.depth = depth;
        const err = asSemaError(e);
        // Interrupts (Ctrl+C, editor cancel), `exit` and a cancelled task's unwinding are
        // not program errors: never caught.
        if (err.type === 'interrupted' || err.type === 'exit' || err.type === 'cancelled' || interp.interrupted()) throw e;
        const slots = new Array<Value>(s.names.length);
        slots[0] = errorToMap(err);
        return handlerCode(new Frame(slots, f));
      }
    };
  });

  defineSpecialForm('delay', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('delay', '1', form.length - 1);
    const body = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    return (f) => new Thunk(() => body(f));
  });

  defineSpecialForm(['match', 'match*'], (c, form, scope, tail, span) => {
    const strict = (form[0] as Sym).name === 'match';
    if (form.length < 3) throw arityError(strict ? 'match' : 'match*', '2+', form.length - 1);
    const subject = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const s = new Scope(scope);
    const clauses = form.slice(2).map((clause, i) => {
      const cs = c.childSpan(form, i + 2, span);
      if (!Array.isArray(clause) && !(clause instanceof Vector)) throw c.error('match: each clause must be a list or vector', cs);
      if ((Array.isArray(clause) ? clause : clause.items).length === 0) throw c.error('match: clause must not be empty', cs);
      if (!Array.isArray(clause)) throw c.error('match: each clause must be a list', cs);
      const pattern = clause[0]!;
      for (const n of patternNames(pattern, true)) if (!s.has(n)) s.add(n);
      const matcher = compileMatch(pattern, (n) => {
        const index = s.names.lastIndexOf(n);
        return (fr, v) => {
          fr.v[index] = v;
        };
      });
      let rest = clause.slice(1);
      let guard: Code | undefined;
      let bodyStart = 1;
      if (rest[0] === WHEN && rest.length >= 2) {
        guard = c.compile(rest[1]!, s, false, c.childSpan(clause, 2, cs));
        rest = rest.slice(2);
        bodyStart = 3;
      }
      return { matcher, guard, body: c.compileBody(rest, s, tail, clause, bodyStart, cs) };
    });
    return (f) => {
      const v = subject(f);
      const frame = new Frame(new Array<Value>(s.names.length).fill(null), f);
      for (const cl of clauses) {
        if (cl.matcher(frame, v) && (cl.guard === undefined || isTrue(cl.guard(frame)))) return cl.body(frame);
      }
      if (strict) throw new SemaError(`match: no clause matched value: ${printValue(v)}`, 'eval', {}, 'add a catch-all clause: (_ ...)');
      return null;
    };
  });

  defineSpecialForm('define-record-type', (c, form, scope, _tail, span) => {
    // (define-record-type name (ctor field...) pred? (field accessor [modifier])...)
    if (form.length < 4) throw c.error('define-record-type: requires at least type name, constructor, and predicate', span);
    const typeName = form[1];
    const ctor = form[2];
    const pred = form[3];
    if (!(typeName instanceof Sym) || !Array.isArray(ctor) || !(ctor[0] instanceof Sym) || !(pred instanceof Sym)) {
      throw c.error('define-record-type: expected (define-record-type name (constructor field...) predicate? (field accessor)...)', span);
    }
    const specs = form.slice(4).map((spec) => {
      const items = Array.isArray(spec) ? spec : [spec];
      if (!items.every((x) => x instanceof Sym)) throw c.error('define-record-type: field spec must be (field accessor [modifier])', span);
      return items as Sym[];
    });
    const fields = specs.map((s) => s[0]!.name);
    const type = new RecordType(typeName.name, fields);
    const ctorFields = ctor.slice(1).map((x) => {
      const i = x instanceof Sym ? fields.indexOf(x.name) : -1;
      if (i < 0) throw c.error(`define-record-type: constructor field ${printValue(x)} is not a declared field`, span);
      return i;
    });
    const set = definitionSetter(c, scope);
    const definitions: [(f: Frame, v: Value) => void, Value][] = [];
    const ctorName = ctor[0].name;
    definitions.push([set(ctorName), c.interp.native(ctorName, (args) => {
      if (args.length !== ctorFields.length) throw arityError(ctorName, String(ctorFields.length), args.length);
      const values = new Array<Value>(fields.length).fill(null);
      ctorFields.forEach((fi, ai) => (values[fi] = args[ai]!));
      return new RecordValue(type, values);
    })]);
    definitions.push([set(pred.name), c.interp.native(pred.name, (args) => {
      if (args.length !== 1) throw arityError(pred.name, '1', args.length);
      return args[0] instanceof RecordValue && args[0].type === type;
    })]);
    specs.forEach((spec, fi) => {
      const [, accessor, modifier] = spec;
      if (accessor) {
        definitions.push([set(accessor.name), c.interp.native(accessor.name, (args) => {
          if (args.length !== 1) throw arityError(accessor.name, '1', args.length);
          return recordOf(args[0]!, type, accessor.name).fields[fi]!;
        })]);
      }
      if (modifier) {
        definitions.push([set(modifier.name), c.interp.native(modifier.name, (args) => {
          if (args.length !== 2) throw arityError(modifier.name, '2', args.length);
          recordOf(args[0]!, type, modifier.name).fields[fi] = args[1]!;
          return null;
        })]);
      }
    });
    return (f) => {
      for (const [setter, v] of definitions) setter(f, v);
      return null;
    };
  });

  defineSpecialForm('defmulti', (c, form, scope, _tail, span) => {
    if (form.length !== 3) throw arityError('defmulti', '2', form.length - 1);
    if (!(form[1] instanceof Sym)) throw c.error('defmulti: expected a symbol', span);
    const name = form[1].name;
    const set = definitionSetter(c, scope)(name);
    const dispatch = c.compile(form[2]!, scope, false, c.childSpan(form, 2, span));
    return (f) => {
      set(f, new MultiMethod(name, dispatch(f)));
      return null;
    };
  });

  defineSpecialForm('defmethod', (c, form, scope, _tail, span) => {
    if (form.length < 4) throw arityError('defmethod', '3', form.length - 1);
    if (!(form[1] instanceof Sym)) throw c.error('defmethod: expected a symbol', span);
    const target = c.compile(form[1], scope, false, c.childSpan(form, 1, span));
    const key = c.compile(form[2]!, scope, false, c.childSpan(form, 2, span));
    // (defmethod name value (fn ...)) or the shorthand (defmethod name value (params) body...)
    const handler =
      form.length === 4
        ? c.compile(form[3]!, scope, false, c.childSpan(form, 3, span))
        : c.compileLambda(form[1].name, form[3]!, form.slice(4), scope, span, form, 4);
    return (f) => {
      const m = target(f);
      if (!(m instanceof MultiMethod)) throw c.error(`defmethod: ${printValue(form[1]!)} is not a multimethod`, span);
      const k = key(f);
      if (k === DEFAULT) m.defaultMethod = handler(f);
      else m.methods.set(mapKey(k), handler(f));
      return null;
    };
  });
}

function isTrue(v: Value): boolean {
  return v !== null && v !== false;
}

function recordOf(v: Value, type: RecordType, who: string): RecordValue {
  if (v instanceof RecordValue && v.type === type) return v;
  throw new SemaError(`${who}: expected ${type.name}, got ${typeName(v)}`, 'type-error', { expected: type.name, got: typeName(v) });
}

export { Vector };
