// Top-level definitions of a file, collected before the walk so that functions can refer
// to names defined further down (and so imported files can be summarised cheaply).

import type { Span, SyntaxNode } from '@sema/runtime/reader';
import type { Binding, BindingKind } from './types';
import { paramList, patternNames } from './patterns';

/** Head symbol name of a list node, if it has one. */
export function headName(node: SyntaxNode): string | undefined {
  if (node.kind !== 'list') return undefined;
  const h = node.children[0];
  return h?.kind === 'symbol' ? h.text : undefined;
}

/** Docstring of a body: a leading string followed by at least one more form. */
export function docstringOf(body: readonly SyntaxNode[]): string | undefined {
  const first = body[0];
  return first?.kind === 'string' && body.length > 1 ? first.text : undefined;
}

function fnBinding(
  name: SyntaxNode,
  form: SyntaxNode,
  kind: BindingKind,
  params: SyntaxNode | undefined,
  body: readonly SyntaxNode[],
  binder: string,
  global: boolean,
): Binding {
  const p = paramList(params);
  const b: Binding = { name: name.text, kind, nameSpan: name.span, formSpan: form.span, global, binder, params: p.params };
  const doc = docstringOf(body);
  return { ...b, ...(p.rest !== undefined ? { rest: p.rest } : {}), ...(doc !== undefined ? { doc } : {}) };
}

function plain(name: SyntaxNode, form: SyntaxNode, kind: BindingKind, binder: string, global: boolean, doc?: string): Binding {
  const b: Binding = { name: name.text, kind, nameSpan: name.span, formSpan: form.span, global, binder };
  return doc !== undefined ? { ...b, doc } : b;
}

/**
 * Bindings a definition form introduces (empty when `form` is not one). `global` says
 * whether they are top-level definitions or internal defines of a body.
 */
export function definitionBindings(form: SyntaxNode, global: boolean): Binding[] {
  const head = headName(form);
  if (head === undefined) return [];
  const a = form.children.slice(1);
  const name = a[0];
  switch (head) {
    case 'define':
    case 'def': {
      if (!name) return [];
      if (name.kind === 'symbol') {
        const value = a[1];
        const vh = value ? headName(value) : undefined;
        if (value && (vh === 'lambda' || vh === 'fn')) {
          return [fnBinding(name, form, 'function', value.children[1], value.children.slice(2), head, global)];
        }
        return [plain(name, form, 'variable', head, global)];
      }
      if (name.kind === 'list') {
        const fname = name.children[0];
        if (fname?.kind !== 'symbol') return [];
        const params = { ...name, children: name.children.slice(1) };
        return [fnBinding(fname, form, 'function', params, a.slice(1), head, global)];
      }
      if (name.kind === 'vector' || name.kind === 'map') {
        return patternNames(name).map((n) => plain(n.node, form, 'variable', head, global));
      }
      return [];
    }
    case 'defun':
    case 'defn':
    case 'defmacro':
      if (name?.kind !== 'symbol') return [];
      return [fnBinding(name, form, head === 'defmacro' ? 'macro' : 'function', a[1], a.slice(2), head, global)];
    case 'deftool': {
      if (name?.kind !== 'symbol') return [];
      const desc = a[1]?.kind === 'string' ? a[1].text : undefined;
      const schema = a[2];
      const params = schema?.kind === 'map' ? schema.children.filter((_, i) => i % 2 === 0).map((k) => k.text) : [];
      return [{ ...plain(name, form, 'tool', head, global, desc), params }];
    }
    case 'defagent':
      return name?.kind === 'symbol' ? [plain(name, form, 'agent', head, global)] : [];
    case 'defmulti':
      return name?.kind === 'symbol' ? [plain(name, form, 'multimethod', head, global)] : [];
    case 'define-record-type':
      return recordBindings(form, global);
    default:
      return [];
  }
}

function recordBindings(form: SyntaxNode, global: boolean): Binding[] {
  const a = form.children.slice(1);
  const out: Binding[] = [];
  const type = a[0];
  if (type?.kind === 'symbol') out.push(plain(type, form, 'record', 'define-record-type', global));
  const ctor = a[1];
  if (ctor?.kind === 'list' && ctor.children[0]?.kind === 'symbol') {
    const c = ctor.children[0];
    const fields = ctor.children.slice(1).map((f) => f.text);
    out.push({ ...plain(c, form, 'function', 'define-record-type', global, `Constructor of record \`${type?.text ?? '?'}\`.`), params: fields });
  }
  const pred = a[2];
  if (pred?.kind === 'symbol') {
    out.push({ ...plain(pred, form, 'function', 'define-record-type', global, `Predicate of record \`${type?.text ?? '?'}\`.`), params: ['value'] });
  }
  for (const field of a.slice(3)) {
    if (field.kind !== 'list') continue;
    const [f, accessor, modifier] = field.children;
    if (accessor?.kind === 'symbol') {
      out.push({ ...plain(accessor, form, 'function', 'define-record-type', global, `Accessor of field \`${f?.text ?? '?'}\`.`), params: ['record'] });
    }
    if (modifier?.kind === 'symbol') {
      out.push({ ...plain(modifier, form, 'function', 'define-record-type', global, `Modifier of field \`${f?.text ?? '?'}\`.`), params: ['record', 'value'] });
    }
  }
  return out;
}

/** Every top-level definition, looking inside `begin`/`progn`/`module` at top level. */
export function topLevelDefinitions(nodes: readonly SyntaxNode[], out: Binding[] = []): Binding[] {
  for (const n of nodes) {
    const head = headName(n);
    if (head === 'begin' || head === 'progn') topLevelDefinitions(n.children.slice(1), out);
    else if (head === 'module') topLevelDefinitions(n.children.slice(2), out);
    else out.push(...definitionBindings(n, true));
  }
  return out;
}

/** Names a file exports: its `(module name (export ...))` list, or every definition. */
export function exportedDefinitions(nodes: readonly SyntaxNode[]): Binding[] {
  const defs = topLevelDefinitions(nodes);
  for (const n of nodes) {
    if (headName(n) !== 'module') continue;
    const exp = n.children[2];
    if (exp && headName(exp) === 'export') {
      const names = new Set(exp.children.slice(1).map((c) => c.text));
      return defs.filter((d) => names.has(d.name));
    }
  }
  return defs;
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
