// Go to definition, find references, document highlight and rename: all built on the
// analysis' resolved occurrences, so strings, comments and keywords are never touched.

import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import type { DocState, Workspace } from '../documents';
import type { Binding, Occurrence } from '../analysis/types';
import { occurrenceAt } from './tree';

export function definition(doc: DocState, ws: Workspace, position: Position): Location | null {
  const occ = occurrenceAt(doc.analysis, doc.pos.offset(position));
  const b = occ?.binding;
  if (!b) return importTarget(doc, ws, position);
  const uri = b.uri ?? doc.uri;
  const pos = b.uri ? ws.positionsOf(b.uri) : doc.pos;
  return pos ? { uri, range: pos.range(b.nameSpan) } : null;
}

/** On the path string of `(import "x.sema")`, the file itself. */
function importTarget(doc: DocState, ws: Workspace, position: Position): Location | null {
  const offset = doc.pos.offset(position);
  const imp = doc.analysis.imports.find((i) => i.span.start <= offset && offset <= i.span.end);
  if (!imp) return null;
  const path = ws.resolveImportPath(doc.uri, imp.path);
  if (!path) return null;
  const zero = { line: 0, character: 0 };
  return { uri: pathToFileURL(path).href, range: { start: zero, end: zero } };
}

/** Whether two bindings are the same definition (imported copies compare by file + place). */
function same(a: Binding, b: Binding, aUri: string, bUri: string): boolean {
  return a === b || ((a.uri ?? aUri) === (b.uri ?? bUri) && a.nameSpan.start === b.nameSpan.start && a.name === b.name);
}

/** Every occurrence of the binding under the cursor, across the open documents. */
export function references(doc: DocState, ws: Workspace, position: Position, includeDeclaration: boolean): Location[] {
  const occ = occurrenceAt(doc.analysis, doc.pos.offset(position));
  const target = occ?.binding;
  if (occ && !target && (occ.builtin || occ.special)) {
    // A builtin: its uses in the open documents (where no local shadows it).
    return ws.openDocuments().flatMap((d) => d.analysis.occurrences.filter((o) => !o.binding && o.name === occ.name).map((o) => ({ uri: d.uri, range: d.pos.range(o.span) })));
  }
  if (!target) return [];
  const out: Location[] = [];
  const docs = target.global ? ws.openDocuments() : [doc];
  // A definition imported from a file that is not open: that file's uses count too.
  const home = target.uri !== undefined && !docs.some((d) => d.uri === target.uri) ? ws.documentAt(target.uri) : undefined;
  if (home) docs.push(home);
  for (const d of docs) {
    for (const o of d.analysis.occurrences) {
      if (!o.binding || !same(o.binding, target, d.uri, doc.uri)) continue;
      if (!includeDeclaration && o.declaration) continue;
      out.push({ uri: d.uri, range: d.pos.range(o.span) });
    }
  }
  return out;
}

export function documentHighlight(doc: DocState, position: Position): DocumentHighlight[] {
  const occ = occurrenceAt(doc.analysis, doc.pos.offset(position));
  if (!occ) return [];
  const matches = (o: Occurrence) => (occ.binding ? o.binding !== undefined && same(o.binding, occ.binding, doc.uri, doc.uri) : !o.binding && o.name === occ.name);
  return doc.analysis.occurrences
    .filter(matches)
    .map((o) => ({ range: doc.pos.range(o.span), kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function prepareRename(doc: DocState, position: Position): { range: Range; placeholder: string } | null {
  const occ = occurrenceAt(doc.analysis, doc.pos.offset(position));
  if (!occ?.binding) return null;
  return { range: doc.pos.range(occ.span), placeholder: occ.name };
}

export class RenameError extends Error {}

export function rename(doc: DocState, ws: Workspace, position: Position, newName: string): WorkspaceEdit {
  const occ = occurrenceAt(doc.analysis, doc.pos.offset(position));
  if (!occ) throw new RenameError('Nothing to rename here.');
  if (!occ.binding) {
    throw new RenameError(occ.builtin || occ.special ? `\`${occ.name}\` is built in and cannot be renamed.` : `\`${occ.name}\` is not defined in the workspace.`);
  }
  if (!/^[^\s()[\]{}"';`,:#][^\s()[\]{}"';`,]*$/.test(newName)) throw new RenameError(`\`${newName}\` is not a valid symbol name.`);
  const changes: Record<string, TextEdit[]> = {};
  for (const loc of references(doc, ws, position, true)) (changes[loc.uri] ??= []).push({ range: loc.range, newText: newName });
  return { changes };
}
