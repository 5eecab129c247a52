// Waiting for one promise: `await`/`async/await`, and what a settled promise gives.

import { SemaError } from './errors';
import type { AsyncPromise } from './async-values';
import type { Scheduler } from './scheduler';
import type { Value } from './values';

/** Value of a settled promise, or its error raised (`who` names the operation in messages). */
export function outcome(p: AsyncPromise, who: string): Value {
  switch (p.state) {
    case 'resolved':
      return p.value;
    case 'rejected':
      throw p.error!;
    case 'cancelled':
      throw new SemaError(`${who}: task was cancelled`, 'eval', {}, 'the task was cancelled via async/cancel before it produced a value');
    default:
      throw new SemaError(`${who}: still pending after scheduler run`, 'eval');
  }
}

/** `await`: the promise's value once settled, running the scheduler until it is. */
export function awaitPromise(s: Scheduler, p: AsyncPromise, who: string): Value {
  s.enterYielding(p.state === 'pending');
  s.checkCancelled();
  if (p.state === 'pending') {
    if (p.task !== undefined && p.task === s.current) throw new SemaError('await: a task cannot await itself', 'eval');
    s.drive(() => p.state !== 'pending');
  }
  return outcome(p, who);
}
