// The built-in macros: threading (->, ->>, as->, some->), binding (when-let, if-let,
// with-stream), the counting loops (for-range, dotimes), the tracing blocks (with-span,
// with-session), the terminal guards (guard-macros.ts) and the workflow DSL
// (workflow/macros.ts). They are ordinary global
// macros, so `macroexpand` shows their expansion and a user definition can replace them.

import { arityError, SemaError } from '../errors';
import { Macro, Sym, type Value } from '../values';
import type { Interpreter } from '../interpreter';
import { installGuardMacros } from './guard-macros';
import { installWorkflowMacros } from '../../workflow/macros';

const s = (name: string): Sym => Sym.of(name);

function threadForm(step: Value, value: Value, last: boolean): Value {
  if (Array.isArray(step) && step.length > 0 && step[0] !== s('fn') && step[0] !== s('lambda')) {
    return last ? [...step, value] : [step[0]!, value, ...step.slice(1)];
  }
  return [step, value];
}

function binding(args: Value[], who: string): [Value, Value] {
  const b = args[0];
  const items = Array.isArray(b) ? b : b !== null && typeof b === 'object' && 'kind' in b && b.kind === 'vector' ? b.items : undefined;
  if (!items || items.length !== 2) throw new SemaError(`${who}: expected a binding (name expr)`, 'eval');
  return [items[0]!, items[1]!];
}

const NO_PARAMS = { required: [], optional: [], rest: 'forms' };

export function installBuiltinMacros(interp: Interpreter): void {
  const def = (name: string, expand: (args: Value[]) => Value): void => interp.define(name, new Macro(name, NO_PARAMS, expand));

  def('->', (args) => {
    if (args.length < 1) throw arityError('->', '1+', 0);
    return args.slice(1).reduce<Value>((acc, step) => threadForm(step, acc, false), args[0]!);
  });
  def('->>', (args) => {
    if (args.length < 1) throw arityError('->>', '1+', 0);
    return args.slice(1).reduce<Value>((acc, step) => threadForm(step, acc, true), args[0]!);
  });
  def('as->', (args) => {
    if (args.length < 2) throw arityError('as->', '2+', args.length);
    const [init, name, ...steps] = args as [Value, Value, ...Value[]];
    return steps.length === 0 ? init : nestAs(init, name, steps);
  });
  def('some->', (args) => {
    if (args.length < 1) throw arityError('some->', '1+', 0);
    let acc: Value = args[0]!;
    for (const step of args.slice(1)) {
      const v = s(interp.gensym('v'));
      acc = [s('let'), [[v, acc]], [s('if'), [s('__nil?'), v], null, threadForm(step, v, false)]];
    }
    return acc;
  });
  def('when-let', (args) => {
    const [name, expr] = binding(args, 'when-let');
    return [s('let'), [[name, expr]], [s('if'), [s('__nil?'), name], null, [s('begin'), ...args.slice(1)]]];
  });
  def('if-let', (args) => {
    if (args.length < 2 || args.length > 3) throw arityError('if-let', '2-3', args.length);
    const [name, expr] = binding(args, 'if-let');
    return [s('let'), [[name, expr]], [s('if'), [s('__nil?'), name], args[2] ?? null, args[1]!]];
  });
  def('with-stream', (args) => {
    // (let ((s expr)) (let ((res (try (begin body...) (catch e (stream/close s) (throw e))))) (stream/close s) res))
    const [name, expr] = binding(args, 'with-stream');
    const res = s(interp.gensym('res'));
    const err = s(interp.gensym('e'));
    const close = [s('stream/close'), name];
    const guarded = [s('try'), [s('begin'), ...args.slice(1)], [s('catch'), err, close, [s('throw'), err]]];
    return [s('let'), [[name, expr]], [s('let'), [[res, guarded]], close, res]];
  });
  def('for-range', (args) => {
    // (for-range (i start end [step]) body...): i from start up to end (exclusive).
    const b = args[0];
    if (!Array.isArray(b) || b.length < 3 || b.length > 4) throw new SemaError('for-range: expected (var start end [step])', 'eval');
    const [name, start, end, step] = b as [Value, Value, Value, Value?];
    const limit = s(interp.gensym('end'));
    return [s('let'), [[limit, end]], [s('do'), [[name, start, [s('+'), name, step ?? 1]]], [[s('>='), name, limit]], ...args.slice(1)]];
  });
  def('dotimes', (args) => {
    const [name, count] = binding(args, 'dotimes');
    const n = s(interp.gensym('n'));
    return [s('let'), [[n, count]], [s('do'), [[name, 0, [s('+'), name, 1]]], [[s('>='), name, n]], ...args.slice(1)]];
  });
  // The tracing blocks (observability.md): the body becomes the thunk of otel/span / otel/with-session.
  def('with-span', (args) => {
    if (args.length < 2) throw arityError('with-span', '2+', args.length);
    return [s('otel/span'), args[0]!, [s('lambda'), [], ...args.slice(2)], args[1]!];
  });
  def('with-session', (args) => {
    if (args.length < 2) throw arityError('with-session', '2+', args.length);
    return [s('otel/with-session'), args[0]!, args[1]!, [s('lambda'), [], ...args.slice(2)]];
  });
  installGuardMacros(interp);
  installWorkflowMacros(interp);
}

/** (as-> init x a b c) => (let ((x init)) (let ((x a)) (let ((x b)) c))) */
function nestAs(init: Value, name: Value, steps: Value[]): Value {
  let body: Value = steps[steps.length - 1]!;
  for (let i = steps.length - 2; i >= 0; i--) body = [s('let'), [[name, steps[i]!]], body];
  return [s('let'), [[name, init]], body];
}
