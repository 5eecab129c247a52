// Completion: option keys inside an `llm/*` options map; otherwise locals in scope, the
// document's and imported definitions, builtins with signature and summary, special forms,
// and snippets for the common forms.

import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol';
import { isSymbolChar } from '@sema/runtime/reader';
import type { Catalogue } from '../catalogue';
import type { DocState, Workspace } from '../documents';
import type { Binding } from '../analysis/types';
import { SPECIAL_FORMS } from '../analysis/forms';
import { docMarkdown, optionMarkdown, signatureOf } from './markdown';
import { optionsContextAt } from './options-context';
import { SNIPPETS } from './snippets';

export function completion(doc: DocState, ws: Workspace, position: Position): CompletionList {
  const offset = doc.pos.offset(position);
  const text = doc.analysis.text;
  let start = offset;
  while (start > 0 && isSymbolChar(text[start - 1]!)) start--;
  const prefix = text.slice(start, offset);
  const range: Range = { start: doc.pos.position(start), end: position };
  const ctx = optionsContextAt(doc.analysis.parse.nodes, offset, ws.catalogue);
  if (ctx && (ctx.atKey || prefix.startsWith(':'))) {
    // Keys already in the map are not offered again (the one being typed is).
    const present = new Set(ctx.map.children.filter((c, i) => i % 2 === 0 && c.kind === 'keyword' && (c.span.end < start || c.span.start > offset)).map((c) => c.text));
    const items = ctx.options.filter((o) => !present.has(o.name)).map<CompletionItem>((o) => ({
      label: `:${o.name}`,
      kind: CompletionItemKind.Property,
      detail: o.type,
      documentation: { kind: MarkupKind.Markdown, value: optionMarkdown(ctx.fn, o) },
      textEdit: { range, newText: `:${o.name}` },
      sortText: '0' + o.name,
    }));
    return { isIncomplete: false, items };
  }
  if (prefix.startsWith(':')) return { isIncomplete: false, items: [] };
  const afterParen = text[start - 1] === '(';
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  // Only items the typed prefix can still match (its characters in order) are sent:
  // typing more narrows the same set, so the client filters the rest itself.
  const wanted = prefix.toLowerCase();
  const add = (item: CompletionItem) => {
    if (seen.has(item.label) || !subsequence(wanted, item.label)) return;
    seen.add(item.label);
    items.push({ ...item, textEdit: { range, newText: item.label } });
  };
  for (const b of localsAt(doc, offset)) add(bindingItem(b, '0'));
  for (const b of doc.analysis.definitions) add(bindingItem(b, '1'));
  for (const b of doc.analysis.imported) add(bindingItem(b, '1'));
  for (const item of catalogueItems(ws.catalogue)) add(item);
  for (const name of SPECIAL_FORMS.keys()) {
    if (!seen.has(name)) add({ label: name, kind: CompletionItemKind.Keyword, detail: SPECIAL_FORMS.get(name)!.shape, sortText: '3' + name });
  }
  const out = items;
  if (afterParen || prefix.length > 0) {
    // Editors usually auto-close `(`: then the snippet must not add its own `)`.
    const closed = afterParen && text[offset] === ')';
    for (const s of SNIPPETS) {
      if (!subsequence(wanted, s.label.split(' ')[0]!)) continue;
      out.push({
        label: s.label,
        kind: CompletionItemKind.Snippet,
        detail: s.detail,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: afterParen ? (closed ? s.body.replace(/\)$/, '') : s.body) : `(${s.body}` },
        filterText: s.label.split(' ')[0],
        sortText: '4' + s.label,
      });
    }
  }
  return { isIncomplete: false, items: out };
}

function subsequence(p: string, label: string): boolean {
  if (p.length === 0) return true;
  let i = 0;
  const l = label.toLowerCase();
  for (let j = 0; j < l.length && i < p.length; j++) if (l[j] === p[i]) i++;
  return i === p.length;
}

/** Locals whose scope contains `offset` and that are bound before it, innermost first. */
export function localsAt(doc: DocState, offset: number): Binding[] {
  const out: Binding[] = [];
  for (const s of doc.analysis.scopes) {
    if (offset < s.span.start || offset > s.span.end) continue;
    for (const b of s.bindings) if (b.nameSpan.end <= offset || b.binder === 'named let') out.push(b);
  }
  return out.reverse();
}

function bindingItem(b: Binding, rank: string): CompletionItem {
  const kind = b.params ? CompletionItemKind.Function : b.global ? CompletionItemKind.Variable : CompletionItemKind.Variable;
  const item: CompletionItem = { label: b.name, kind, detail: b.params ? signatureOf(b) : b.binder, sortText: rank + b.name };
  if (b.doc) item.documentation = { kind: MarkupKind.Markdown, value: b.doc };
  return item;
}

const cached = new WeakMap<Catalogue, CompletionItem[]>();

function catalogueItems(catalogue: Catalogue): CompletionItem[] {
  let items = cached.get(catalogue);
  if (items) return items;
  items = [];
  for (const doc of catalogue.all()) {
    const names = [doc.name, ...(doc.aliases ?? [])];
    for (const name of names) {
      // `__`-prefixed builtins are the evaluator's helpers for its own macros, not for users.
      if (name.startsWith('__')) continue;
      items.push({
        label: name,
        kind: doc.kind === 'function' ? CompletionItemKind.Function : doc.kind === 'constant' ? CompletionItemKind.Constant : CompletionItemKind.Keyword,
        detail: doc.signatures[0] ?? doc.name,
        // The summary comes with the list; the full docs (all signatures, options,
        // examples) with completionItem/resolve, to keep each keystroke's answer small.
        documentation: { kind: MarkupKind.Markdown, value: doc.summary },
        data: { builtin: doc.name },
        sortText: (doc.kind === 'function' ? '2' : '3') + name,
      });
    }
  }
  cached.set(catalogue, items);
  return items;
}

/** completionItem/resolve: adds the catalogue docs of a builtin item. */
export function resolveCompletion(item: CompletionItem, catalogue: Catalogue): CompletionItem {
  const name = (item.data as { builtin?: unknown } | undefined)?.builtin;
  const doc = typeof name === 'string' ? catalogue.lookup(name) : undefined;
  return doc ? { ...item, documentation: { kind: MarkupKind.Markdown, value: docMarkdown(doc) } } : item;
}
