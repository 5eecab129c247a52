// `parallel` and `pipeline` (llm/workflows.md). The evaluator is single-threaded and a
// model call blocks it, so branches run one after another, in input order: results,
// journal events and resume keys come out in that order every run. A branch that fails
// gives nil in its slot and the rest carry on; Ctrl+C and `exit` still stop everything.

import { SemaError } from '../eval/errors';
import type { CallContext, Value } from '../eval/values';
import { fn, type BuiltinSpec } from '../stdlib/registry';
import { seqItems } from '../stdlib/support';
import { attempt, fatal } from './scope';

function settled(ctx: CallContext, run: () => Value): Value {
  const r = attempt(ctx, run);
  if (r.ok) return r.value;
  if (fatal(r.error) || ctx.interp.interrupted()) throw r.error;
  return null;
}

export const fanoutBuiltins: BuiltinSpec[] = [
  fn('parallel', 1, 2, ([thunks, n], ctx) => {
    if (n !== undefined && (typeof n !== 'number' || n < 1)) {
      throw new SemaError('parallel: concurrency must be a positive integer', 'eval', {}, 'e.g. (parallel thunks 4)');
    }
    return seqItems(thunks!, 'parallel').map((th) => settled(ctx, () => ctx.apply(th, [])));
  }),
  fn('pipeline', 1, -1, ([items, ...stages], ctx) =>
    seqItems(items!, 'pipeline').map((item) => settled(ctx, () => stages.reduce<Value>((acc, stage) => ctx.apply(stage, [acc]), item))),
  ),
];
