// Call hierarchy: for a top-level definition, the definitions whose bodies call it
// (incoming) and the definitions its body calls (outgoing), across the open documents and
// the files they import. Built on the analysis' resolved occurrences: a call is an
// occurrence in head position naming the definition's binding.

import {
  SymbolKind,
  type CallHierarchyIncomingCall,
  type CallHierarchyItem,
  type CallHierarchyOutgoingCall,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol';
import type { DocState, Workspace } from '../documents';
import type { Binding } from '../analysis/types';
import { occurrenceAt } from './tree';
import { signatureOf } from './markdown';

/** What an item carries back to the server: the file and offset of the definition's name. */
interface ItemData {
  readonly uri: string;
  readonly nameStart: number;
}

const CALLABLE = new Set<Binding['kind']>(['function', 'macro', 'tool', 'agent', 'multimethod']);

function itemFor(b: Binding, uri: string, ws: Workspace): CallHierarchyItem | undefined {
  const pos = ws.positionsOf(uri);
  if (!pos) return undefined;
  const data: ItemData = { uri, nameStart: b.nameSpan.start };
  return {
    name: b.name,
    kind: b.kind === 'macro' ? SymbolKind.Operator : SymbolKind.Function,
    detail: b.params ? signatureOf(b) : b.binder,
    uri,
    range: pos.range(b.formSpan),
    selectionRange: pos.range(b.nameSpan),
    data,
  };
}

/** The item for the callable top-level definition under the cursor (a use or its name). */
export function prepareCallHierarchy(doc: DocState, ws: Workspace, position: Position): CallHierarchyItem[] | null {
  const b = occurrenceAt(doc.analysis, doc.pos.offset(position))?.binding;
  if (!b || !b.global || !CALLABLE.has(b.kind)) return null;
  const item = itemFor(b, b.uri ?? doc.uri, ws);
  return item ? [item] : null;
}

/** The definition an item stands for, in its own document. */
function resolve(item: CallHierarchyItem, ws: Workspace): { doc: DocState; def: Binding } | undefined {
  const data = item.data as Partial<ItemData> | undefined;
  if (typeof data?.uri !== 'string' || typeof data.nameStart !== 'number') return undefined;
  const doc = ws.documentAt(data.uri);
  const def = doc?.analysis.definitions.find((d) => d.nameSpan.start === data.nameStart && d.name === item.name);
  return doc && def ? { doc, def } : undefined;
}

/** Whether `b` (seen from document `uri`) is the definition `def` of document `defUri`. */
function names(b: Binding | undefined, uri: string, def: Binding, defUri: string): boolean {
  return b !== undefined && (b === def || ((b.uri ?? uri) === defUri && b.nameSpan.start === def.nameSpan.start && b.name === def.name));
}

/** The top-level definition of `doc` whose form holds `offset`. */
function enclosing(doc: DocState, offset: number): Binding | undefined {
  return doc.analysis.definitions.find((d) => d.formSpan.start <= offset && offset < d.formSpan.end);
}

export function incomingCalls(item: CallHierarchyItem, ws: Workspace): CallHierarchyIncomingCall[] {
  const target = resolve(item, ws);
  if (!target) return [];
  const docs = ws.openDocuments();
  if (!docs.some((d) => d.uri === target.doc.uri)) docs.push(target.doc);
  const out: CallHierarchyIncomingCall[] = [];
  for (const doc of docs) {
    const byCaller = new Map<Binding, Range[]>();
    for (const o of doc.analysis.occurrences) {
      if (!o.head || o.declaration || !names(o.binding, doc.uri, target.def, target.doc.uri)) continue;
      const caller = enclosing(doc, o.span.start);
      // Calls outside any definition (top-level expressions) have no caller to list.
      if (!caller) continue;
      const ranges = byCaller.get(caller) ?? [];
      ranges.push(doc.pos.range(o.span));
      byCaller.set(caller, ranges);
    }
    for (const [caller, fromRanges] of byCaller) {
      const from = itemFor(caller, doc.uri, ws);
      if (from) out.push({ from, fromRanges });
    }
  }
  return out;
}

export function outgoingCalls(item: CallHierarchyItem, ws: Workspace): CallHierarchyOutgoingCall[] {
  const source = resolve(item, ws);
  if (!source) return [];
  const { doc, def } = source;
  const byCallee = new Map<string, { callee: Binding; fromRanges: Range[] }>();
  for (const o of doc.analysis.occurrences) {
    const b = o.binding;
    if (!o.head || o.declaration || !b || !b.global || !CALLABLE.has(b.kind)) continue;
    if (o.span.start < def.formSpan.start || o.span.end > def.formSpan.end) continue;
    const key = `${b.uri ?? doc.uri}#${b.nameSpan.start}`;
    const entry = byCallee.get(key) ?? { callee: b, fromRanges: [] };
    entry.fromRanges.push(doc.pos.range(o.span));
    byCallee.set(key, entry);
  }
  const out: CallHierarchyOutgoingCall[] = [];
  for (const { callee, fromRanges } of byCallee.values()) {
    const to = itemFor(callee, callee.uri ?? doc.uri, ws);
    if (to) out.push({ to, fromRanges });
  }
  return out;
}
