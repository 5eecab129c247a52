// `retry`: calls a thunk again after a failure, waiting longer each time (any thunk,
// not only LLM calls). An interrupt (Ctrl+C) is never retried.

import { SemaError, typeError } from '../eval/errors';
import { Float, isProcedure, Keyword, SemaHashMap, SemaMap, typeName, type CallContext, type Value } from '../eval/values';
import { printValue } from '../reader/printer';
import { pause } from './pause';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';

interface RetryPlan {
  maxAttempts: number;
  baseDelayMs: number;
  backoff: number;
}

const OPTION_NAMES = [':max-attempts', ':base-delay-ms', ':backoff'];

function plan(v: Value | undefined): RetryPlan {
  const out: RetryPlan = { maxAttempts: 3, baseDelayMs: 100, backoff: 2.0 };
  if (v === undefined || v === null) return out;
  if (!(v instanceof SemaMap || v instanceof SemaHashMap)) throw typeError('retry', 'options map', typeName(v), 1);
  for (const [k, val] of v.entries()) {
    const key = k instanceof Keyword ? k.name : printValue(k);
    const bad = (what: string): SemaError =>
      new SemaError(`retry: option :${key} must be ${what}, got ${printValue(val)}`, 'type-error');
    if (key === 'max-attempts') {
      if (typeof val !== 'number' || val < 1) throw bad('a positive integer');
      out.maxAttempts = val;
    } else if (key === 'base-delay-ms') {
      if (typeof val !== 'number' || val < 0) throw bad('a non-negative integer (milliseconds)');
      out.baseDelayMs = val;
    } else if (key === 'backoff') {
      const n = typeof val === 'number' ? val : val instanceof Float ? val.value : undefined;
      if (n === undefined || !(n >= 0) || !Number.isFinite(n)) throw bad('a non-negative number');
      out.backoff = n;
    } else {
      throw new SemaError(`retry: unknown option :${key}; allowed options: ${OPTION_NAMES.join(', ')}`, 'type-error');
    }
  }
  return out;
}

function retry(ctx: CallContext, thunk: Value, p: RetryPlan): Value {
  for (let attempt = 0; ; attempt++) {
    try {
      return ctx.apply(thunk, []);
    } catch (e) {
      if (!(e instanceof SemaError) || e.type === 'interrupted' || attempt + 1 >= p.maxAttempts) throw e;
      if (p.baseDelayMs > 0) pause(ctx, Math.floor(p.baseDelayMs * p.backoff ** attempt));
    }
  }
}

const builtins: BuiltinSpec[] = [
  fn('retry', 1, 2, ([thunk, o], ctx) => {
    if (thunk === undefined || !isProcedure(thunk)) throw typeError('retry', 'function', typeName(thunk ?? null), 0);
    return retry(ctx, thunk, plan(o));
  }),
];

export const retryModule: StdlibModule = { name: 'retry', builtins };
