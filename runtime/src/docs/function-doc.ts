// A compact way to write catalogue entries for plain functions: the parameter names
// come from the first signature, so each entry states its call shape once.

import type { BuiltinDoc } from './types';

/** Parameter names of a signature such as `(map f list1 list2 ...)` -> `f list1 list2 ...`. */
export function paramsOf(signature: string): string[] {
  const inner = signature.replace(/^\(/, '').replace(/\)$/, '');
  return inner.split(/\s+/).slice(1).filter((p) => p.length > 0);
}

/** Returns a builder of function entries for one catalogue module (`math`, `lists`, ...). */
export function functionDocs(module: string) {
  return (
    name: string,
    signatures: string | readonly string[],
    summary: string,
    examples: readonly string[],
    aliases?: readonly string[],
  ): BuiltinDoc => {
    const sigs = typeof signatures === 'string' ? [signatures] : signatures;
    return {
      name,
      kind: 'function',
      module,
      signatures: sigs,
      params: paramsOf(sigs[0]!),
      summary,
      examples,
      ...(aliases === undefined ? {} : { aliases }),
    };
  };
}
