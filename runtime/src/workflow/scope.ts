// Which workflow run is live: a stack per interpreter (a workflow may run another), so
// `phase`, `step` and `checkpoint` find their run through the calling context.

import { SemaError } from '../eval/errors';
import type { CallContext, Value } from '../eval/values';
import type { Interpreter } from '../eval/interpreter';
import type { WorkflowRun } from './run-state';

const stacks = new WeakMap<object, WorkflowRun[]>();

export function runStack(ctx: CallContext): WorkflowRun[] {
  let s = stacks.get(ctx.interp);
  if (s === undefined) stacks.set(ctx.interp, (s = []));
  return s;
}

/** Errors a workflow must not turn into a result: Ctrl+C, `exit`, a cancelled task. */
export function fatal(e: unknown): boolean {
  return e instanceof SemaError && (e.type === 'interrupted' || e.type === 'exit' || e.type === 'cancelled');
}

export type Outcome = { ok: true; value: Value } | { ok: false; error: unknown };

/** Runs `f`, catching its failure; the call depth is put back as `try` does after a throw. */
export function attempt(ctx: CallContext, f: () => Value): Outcome {
  const interp = ctx.interp as Interpreter;
  const depth = interp.depth;
  try {
    return { ok: true, value: f() };
  } catch (error) {
    interp.depth = depth;
    return { ok: false, error };
  }
}
