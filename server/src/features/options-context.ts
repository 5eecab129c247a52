// Finding the `llm/*` options map around a position, for completion and hover of option keys.

import type { OptionDoc } from '@sema/runtime/docs';
import type { SyntaxNode } from '@sema/runtime/reader';
import type { Catalogue } from '../catalogue';
import { catalogueOptionSchema, isOptionsArgument } from '../analysis/llm-options';
import { pathAt } from './tree';

export interface OptionsContext {
  readonly fn: string;
  readonly map: SyntaxNode;
  readonly options: readonly OptionDoc[];
  /** True when the position is where a key goes (not a value). */
  readonly atKey: boolean;
}

/** The options map of a call taking one (the `llm/*` calls) that `offset` is inside, if any. */
export function optionsContextAt(nodes: readonly SyntaxNode[], offset: number, catalogue: Catalogue): OptionsContext | undefined {
  const path = pathAt(nodes, offset);
  for (let i = path.length - 1; i >= 1; i--) {
    const map = path[i]!;
    if (map.kind !== 'map' || !map.open || offset < map.open.end || (map.close && offset > map.close.start)) continue;
    const call = path[i - 1]!;
    const head = call.kind === 'list' ? call.children[0] : undefined;
    if (head?.kind !== 'symbol') return undefined;
    if (!isOptionsArgument(catalogue.lookup(head.text), call.children.indexOf(map) - 1)) return undefined;
    const options = catalogueOptionSchema((n) => catalogue.lookup(n)).optionsOf(head.text);
    if (!options) return undefined;
    const index = map.children.findIndex((c) => offset <= c.span.end);
    const atKey = index === -1 ? map.children.length % 2 === 0 : index % 2 === 0;
    return { fn: head.text, map, options, atKey };
  }
  return undefined;
}
