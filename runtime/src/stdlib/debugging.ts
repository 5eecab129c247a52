// Debugging and logging helpers: assert, assert=, spy, time, time/ms, log/info ... (the
// reference's meta and log builtins, not on its docs pages but part of its stdlib).
// Everything they print goes to the program's stderr.

import { performance } from 'node:perf_hooks';
import { valuesEqual } from '../eval/equality';
import { isTruthy, Float, Lambda, NativeFn, type CallContext, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { badType, evalFail } from './support';
import { contextSnapshot } from './context';

function callThunk(name: string, f: Value, ctx: CallContext): Value {
  if (!(f instanceof NativeFn || f instanceof Lambda)) throw badType(name, 'function', f);
  return ctx.apply(f, []);
}

/** `log/info` and friends: `[LEVEL] message`, then the context map (context/set) when there is one. */
function logger(name: string, level: string): BuiltinSpec {
  return fn(name, 1, -1, (args, ctx) => {
    const msg = args.map((a) => (typeof a === 'string' ? a : printValue(a))).join(' ');
    const context = contextSnapshot(ctx.interp);
    ctx.interp.writeErr(`[${level}] ${msg}${context.table.size > 0 ? ` ${printValue(context)}` : ''}\n`);
    return null;
  });
}

export const debuggingModule: StdlibModule = {
  name: 'debugging',
  builtins: [
    fn('assert', 1, 2, ([cond, message]) => {
      if (isTruthy(cond!)) return true;
      throw evalFail(message === undefined ? 'assertion failed' : typeof message === 'string' ? message : printValue(message));
    }),
    fn('assert=', 2, 2, ([expected, actual]) => {
      if (valuesEqual(expected!, actual!)) return true;
      throw evalFail(`assertion failed: expected ${printValue(expected!)}, got ${printValue(actual!)}`);
    }),
    fn('spy', 2, 2, ([label, v], ctx) => {
      if (typeof label !== 'string') throw badType('spy', 'string', label!);
      ctx.interp.writeErr(`[${label}] ${printValue(v!)}\n`);
      return v!;
    }),
    fn('time', 1, 1, ([f], ctx) => {
      const start = performance.now();
      const result = callThunk('time', f!, ctx);
      ctx.interp.writeErr(`Elapsed: ${(performance.now() - start).toFixed(3)}ms\n`);
      return result;
    }),
    fn('time/ms', 1, 1, ([f], ctx) => {
      const start = performance.now();
      callThunk('time/ms', f!, ctx);
      return new Float(performance.now() - start);
    }),
    logger('log/info', 'INFO'),
    logger('log/warn', 'WARN'),
    logger('log/error', 'ERROR'),
    logger('log/debug', 'DEBUG'),
  ],
};
