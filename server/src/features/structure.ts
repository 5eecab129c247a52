// Structure-based features: folding ranges, selection ranges and the "▶ Run" code lenses.

import { FoldingRangeKind, type CodeLens, type FoldingRange, type Position, type SelectionRange } from 'vscode-languageserver-protocol';
import { isCollection, type SyntaxNode } from '@sema/runtime/reader';
import type { DocState } from '../documents';
import { RUN_FORM_COMMAND, type EvaluateParams } from '../protocol';
import { pathAt } from './tree';

export function foldingRanges(doc: DocState): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (n: SyntaxNode) => {
    if (!isCollection(n) && n.kind !== 'string') {
      for (const c of n.children) visit(c);
      return;
    }
    const start = doc.pos.position(n.span.start).line;
    const end = doc.pos.position(n.span.end).line;
    if (end > start) out.push({ startLine: start, endLine: n.close ? end - 1 : end });
    for (const c of n.children) visit(c);
  };
  for (const n of doc.analysis.parse.nodes) visit(n);
  // Runs of line comments and block comments fold as comments.
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of doc.analysis.parse.comments) {
    const s = doc.pos.position(c.span.start).line;
    const e = doc.pos.position(c.span.end).line;
    if (c.kind !== 'line') {
      flush();
      if (e > s) out.push({ startLine: s, endLine: e, kind: FoldingRangeKind.Comment });
    } else if (run && s === run.end + 1) run.end = s;
    else {
      flush();
      run = { start: s, end: e };
    }
  }
  flush();
  return out.filter((f) => f.endLine > f.startLine);
}

export function selectionRanges(doc: DocState, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => {
    const offset = doc.pos.offset(p);
    let result: SelectionRange | undefined;
    for (const n of pathAt(doc.analysis.parse.nodes, offset)) {
      const range = doc.pos.range(n.span);
      // Inside a collection, its contents (without delimiters) is a step before the whole.
      if (isCollection(n) && n.open && n.close && n.children.length > 0) {
        const inner = doc.pos.range({ start: n.children[0]!.span.start, end: n.children[n.children.length - 1]!.span.end });
        result = { range, ...(result ? { parent: result } : {}) };
        if (inner.start.line !== range.start.line || inner.start.character !== range.start.character) result = { range: inner, parent: result };
      } else result = { range, ...(result ? { parent: result } : {}) };
    }
    return result ?? { range: { start: p, end: p } };
  });
}

export function codeLenses(doc: DocState): CodeLens[] {
  return doc.analysis.parse.nodes
    .filter((n) => n.kind !== 'error')
    .map((n) => {
      const range = doc.pos.range(n.span);
      const args: EvaluateParams = { textDocument: { uri: doc.uri }, position: range.start };
      return { range, command: { title: '▶ Run', command: RUN_FORM_COMMAND, arguments: [args] } };
    });
}
