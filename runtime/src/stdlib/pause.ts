// Blocking waits for natives (`sleep`, `retry`'s backoff, the LLM rate limiter). Natives
// are synchronous, so the thread itself waits, in slices so Ctrl+C still gets through.

import type { CallContext } from '../eval/values';
import { animateSpinners } from './spinners';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Waits `ms` milliseconds, checking for an interrupt every 50 ms. */
export function pause(ctx: CallContext, ms: number): void {
  const interp = ctx.interp as { checkInterrupt?: () => void };
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now()) {
    Atomics.wait(sleeper, 0, 0, Math.min(left, 50));
    interp.checkInterrupt?.();
    // The thread is blocked, so running spinners (term/spinner-start) get their frames here.
    animateSpinners();
  }
}
