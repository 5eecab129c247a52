// Which workflow run is live: a stack per interpreter (a workflow may run another), so
// `phase`, `step` and `checkpoint` find their run through the calling context.

import { SemaError } from '../eval/errors';
import type { CallContext } from '../eval/values';
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
