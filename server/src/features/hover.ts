// Hover: catalogue docs for builtins and special forms (with the options table on LLM
// calls), option docs on keys of an `llm/*` options map, and user bindings.

import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-protocol';
import type { DocState, Workspace } from '../documents';
import { catalogueOptionSchema } from '../analysis/llm-options';
import { bindingMarkdown, docMarkdown, optionMarkdown, specialFormMarkdown } from './markdown';
import { occurrenceAt, pathAt } from './tree';
import { optionsContextAt } from './options-context';
import { importHover } from './imports';

export function hover(doc: DocState, ws: Workspace, position: Position): Hover | null {
  const offset = doc.pos.offset(position);
  const a = doc.analysis;
  const path = pathAt(a.parse.nodes, offset);
  const leaf = path[path.length - 1];
  if (leaf?.kind === 'string') return importHover(doc, ws, position);
  if (leaf?.kind === 'keyword') {
    const ctx = optionsContextAt(a.parse.nodes, offset, ws.catalogue);
    const opt = ctx?.options.find((o) => o.name === leaf.text);
    if (ctx && opt) return markdown(optionMarkdown(ctx.fn, opt), doc.pos.range(leaf.span));
    return null;
  }
  const occ = occurrenceAt(a, offset);
  if (!occ) return null;
  const range = doc.pos.range(occ.span);
  if (occ.binding) {
    const b = occ.binding;
    const pos = b.uri ? ws.positionsOf(b.uri) : doc.pos;
    const line = pos ? pos.position(b.nameSpan.start).line + 1 : 0;
    return markdown(bindingMarkdown(b, line, b.uri && b.uri !== doc.uri ? fileName(b.uri) : undefined), range);
  }
  const entry = occ.builtin ?? ws.catalogue.lookup(occ.name);
  if (entry) {
    const options = catalogueOptionSchema((n) => ws.catalogue.lookup(n)).optionsOf(entry.name);
    return markdown(docMarkdown(entry, options), range);
  }
  const special = specialFormMarkdown(occ.name);
  return special ? markdown(special, range) : null;
}

function markdown(value: string, range: Hover['range']): Hover {
  return range ? { contents: { kind: MarkupKind.Markdown, value }, range } : { contents: { kind: MarkupKind.Markdown, value } };
}

function fileName(uri: string): string {
  try {
    return basename(fileURLToPath(uri));
  } catch {
    return uri;
  }
}
