// `pprint`'s layout: a value's compact printed form when it fits in the width left,
// otherwise lists/vectors one item per line and maps one entry per line.

import { compareValues } from '../eval/equality';
import type { Value } from '../eval/values';
import { printValue } from '../reader/printer';

function isCompound(v: Value): boolean {
  return Array.isArray(v) || (v !== null && typeof v === 'object' && (v.kind === 'vector' || v.kind === 'map' || v.kind === 'hashmap'));
}

/** Widths are UTF-8 byte counts, as in the reference. */
function width(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function ppValue(v: Value, indent: number, max: number): string {
  const compact = printValue(v);
  if (width(compact) <= Math.max(0, max - indent)) return compact;
  if (Array.isArray(v)) return ppSeq(v, '(', ')', indent, max);
  if (v !== null && typeof v === 'object') {
    if (v.kind === 'vector') return ppSeq(v.items, '[', ']', indent, max);
    if (v.kind === 'map') return ppMap(v.entries(), indent, max);
    if (v.kind === 'hashmap') return ppMap([...v.entries()].sort((a, b) => compareValues(a[0], b[0])), indent, max);
  }
  return compact;
}

function ppSeq(items: readonly Value[], open: string, close: string, indent: number, max: number): string {
  const pad = '\n' + ' '.repeat(indent + 1);
  return open + items.map((x) => ppValue(x, indent + 1, max)).join(pad) + close;
}

function ppMap(entries: readonly (readonly [Value, Value])[], indent: number, max: number): string {
  const child = indent + 1;
  const parts = entries.map(([k, v]) => {
    const key = printValue(k);
    const val = printValue(v);
    if (width(val) <= Math.max(0, max - (child + width(key) + 1)) || !isCompound(v)) return key + ' ' + val;
    return key + '\n' + ' '.repeat(child + 2) + ppValue(v, child + 2, max);
  });
  return '{' + parts.join('\n' + ' '.repeat(child)) + '}';
}

export function prettyPrint(v: Value, maxWidth = 80): string {
  return ppValue(v, 0, maxWidth);
}
