// Document symbols (the outline) and workspace symbols.

import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol';
import type { DocState } from '../documents';
import type { Binding } from '../analysis/types';
import { signatureOf } from './markdown';

const KIND: Record<Binding['kind'], SymbolKind> = {
  variable: SymbolKind.Variable,
  function: SymbolKind.Function,
  macro: SymbolKind.Operator,
  tool: SymbolKind.Method,
  agent: SymbolKind.Class,
  record: SymbolKind.Struct,
  multimethod: SymbolKind.Interface,
  parameter: SymbolKind.Variable,
  local: SymbolKind.Variable,
};

export function documentSymbols(doc: DocState): DocumentSymbol[] {
  return doc.analysis.definitions.map((b) => ({
    name: b.name,
    detail: b.params ? signatureOf(b) : b.binder,
    kind: KIND[b.kind],
    range: doc.pos.range(b.formSpan),
    selectionRange: doc.pos.range(b.nameSpan),
  }));
}

/** Definitions whose name contains the query's characters in order (case-insensitive). */
export function workspaceSymbols(docs: readonly DocState[], query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const d of docs) {
    for (const b of d.analysis.definitions) {
      if (!fuzzy(b.name.toLowerCase(), q)) continue;
      out.push({ name: b.name, kind: KIND[b.kind], location: { uri: d.uri, range: d.pos.range(b.nameSpan) } });
    }
  }
  return out;
}

function fuzzy(name: string, q: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === q[i]) i++;
  return i === q.length;
}
