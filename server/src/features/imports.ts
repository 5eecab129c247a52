// `(import "x.sema")` / `(load "x.sema")` paths: document links to the file, and hover
// listing what it defines.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MarkupKind, type DocumentLink, type Hover, type Position } from 'vscode-languageserver-protocol';
import type { DocState, Workspace } from '../documents';

export function documentLinks(doc: DocState, ws: Workspace): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const imp of doc.analysis.imports) {
    const path = ws.resolveImportPath(doc.uri, imp.path);
    if (!path || !existsSync(path)) continue;
    out.push({ range: doc.pos.range(imp.span), target: pathToFileURL(path).href, tooltip: `Open ${imp.path}` });
  }
  return out;
}

export function importHover(doc: DocState, ws: Workspace, position: Position): Hover | null {
  const offset = doc.pos.offset(position);
  const imp = doc.analysis.imports.find((i) => i.span.start <= offset && offset <= i.span.end);
  if (!imp) return null;
  const path = ws.resolveImportPath(doc.uri, imp.path);
  const uri = path ? pathToFileURL(path).href : undefined;
  const defs = doc.analysis.imported.filter((b) => b.uri === uri);
  const found = path !== undefined && existsSync(path);
  const lines = [`\`(${imp.kind} "${imp.path}")\``, found ? `\`${path}\`` : `*file not found*${path ? `: \`${path}\`` : ''}`];
  if (defs.length > 0) lines.push(`Defines: ${defs.map((d) => `\`${d.name}\``).join(', ')}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: doc.pos.range(imp.span) };
}
