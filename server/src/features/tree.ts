// Queries on the syntax tree by offset, shared by the features.

import type { SyntaxNode } from '@sema/runtime/reader';
import type { Analysis, Occurrence } from '../analysis/types';

/** Nodes containing `offset`, outermost first (an offset at a node's end counts as inside). */
export function pathAt(nodes: readonly SyntaxNode[], offset: number): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  let level = nodes;
  for (;;) {
    const hit = findChild(level, offset);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

function findChild(nodes: readonly SyntaxNode[], offset: number): SyntaxNode | undefined {
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = nodes[mid]!;
    if (offset < n.span.start) hi = mid - 1;
    else if (offset > n.span.end) lo = mid + 1;
    else {
      // Prefer the node that starts at offset over one that ends there (`a|b` between atoms).
      const next = nodes[mid + 1];
      if (offset === n.span.end && next && next.span.start === offset) return next;
      return n;
    }
  }
  return undefined;
}

/** The occurrence whose span contains `offset` (binary search: occurrences are not sorted, so index). */
export function occurrenceAt(a: Analysis, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of sortedOccurrences(a)) {
    if (o.span.start > offset) break;
    if (offset <= o.span.end) best = o;
  }
  return best;
}

const sortedCache = new WeakMap<Analysis, Occurrence[]>();

/** Occurrences ordered by position. */
export function sortedOccurrences(a: Analysis): Occurrence[] {
  let s = sortedCache.get(a);
  if (!s) {
    s = [...a.occurrences].sort((x, y) => x.span.start - y.span.start);
    sortedCache.set(a, s);
  }
  return s;
}

/** The innermost list containing `offset` strictly inside its delimiters. */
export function enclosingLists(nodes: readonly SyntaxNode[], offset: number): SyntaxNode[] {
  return pathAt(nodes, offset)
    .filter((n) => (n.kind === 'list' || n.kind === 'short-lambda') && n.open && offset >= n.open.end && (!n.close || offset <= n.close.start))
    .reverse();
}

/**
 * The innermost form at `offset` ("current form"): the deepest node containing it (a
 * position just after a closer counts as inside that form), leaving out comments and
 * error nodes; with nothing there, the top-level form before it.
 */
export function innermostAt(nodes: readonly SyntaxNode[], offset: number): SyntaxNode | undefined {
  const path = pathAt(nodes, offset).filter((n) => n.kind !== 'error');
  return path[path.length - 1] ?? topLevelAt(nodes, offset);
}

/** The top-level form containing `offset`, or the nearest one before it on the same line or earlier. */
export function topLevelAt(nodes: readonly SyntaxNode[], offset: number): SyntaxNode | undefined {
  let prev: SyntaxNode | undefined;
  for (const n of nodes) {
    if (n.span.start <= offset && offset <= n.span.end) return n;
    if (n.span.end <= offset) prev = n;
    else break;
  }
  return prev;
}
