// A compact way to write function entries: the name and parameters come from the first
// call shape, so each entry states its signature once.

import type { BuiltinDoc } from './types';

/** Parameter names of a call shape like `(string/pad-left s width [pad])`. */
function paramsOf(signature: string): string[] {
  const inner = signature.replace(/^\(/, '').replace(/\)$/, '').trim().split(/\s+/).slice(1);
  return inner.map((p) => p.replace(/[[\]]/g, '')).filter((p) => p !== '...' && p !== '');
}

/** A function entry of `module`: `signatures[0]` names it; `aliases` are other names for it. */
export function fnDoc(
  module: string,
  signatures: string | readonly string[],
  summary: string,
  examples: readonly string[],
  aliases?: readonly string[],
): BuiltinDoc {
  const sigs = typeof signatures === 'string' ? [signatures] : signatures;
  const first = sigs[0]!;
  const name = first.replace(/^\(/, '').split(/[\s)]/)[0]!;
  return {
    name,
    kind: 'function',
    module,
    signatures: sigs,
    params: paramsOf(first),
    summary,
    examples,
    ...(aliases && aliases.length > 0 ? { aliases } : {}),
  };
}
