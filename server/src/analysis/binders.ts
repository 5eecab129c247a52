// How each special form and prelude macro binds names: the walk delegates here for forms
// whose operands are not all plain expressions (definitions, lambda, let, do, match, ...).

import type { SyntaxNode } from '@sema/runtime/reader';
import type { Binding } from './types';
import type { Walker } from './walk';
import { headName } from './definitions';
import { matchPatternNames, patternNames } from './patterns';

export function walkSpecial(w: Walker, name: string, node: SyntaxNode): void {
  const a = node.children.slice(1);
  switch (name) {
    case 'quote':
      return;
    case 'quasiquote':
      if (a[0]) w.quasi(a[0]);
      return;
    case 'define':
    case 'def':
    case 'defun':
    case 'defn':
    case 'defmacro':
      return define(w, name, node, a);
    case 'lambda':
    case 'fn':
      return w.lambda(node, a[0], a.slice(1), name);
    case 'let':
    case 'let*':
    case 'letrec':
      return letForm(w, name, node, a);
    case 'do':
      return doLoop(w, node, a);
    case 'when-let':
    case 'if-let': {
      const spec = a[0];
      const init = spec?.children[1];
      if (init) w.expr(init);
      const names = spec && spec.children[0] ? patternNames(spec.children[0]) : [];
      w.withScope(node.span, names.map((n) => w.local(n, node, name, node.span)), () => w.block(a.slice(1)));
      return;
    }
    case '->':
    case '->>':
    case 'some->':
      if (a[0]) w.expr(a[0]);
      for (const step of a.slice(1)) {
        // Each step is a call that receives the threaded value as one more operand.
        if (step.kind === 'list') w.threadedArgs = 1;
        w.expr(step);
        w.threadedArgs = 0;
      }
      return;
    case 'as->': {
      if (a[0]) w.expr(a[0]);
      const names = a[1] ? patternNames(a[1]) : [];
      w.withScope(node.span, names.map((n) => w.local(n, node, name, node.span)), () => w.block(a.slice(2)));
      return;
    }
    case 'match':
    case 'match*':
      if (a[0]) w.expr(a[0]);
      for (const clause of a.slice(1)) {
        if (clause.kind !== 'list' || clause.children.length === 0) continue;
        const names = matchPatternNames(clause.children[0]!);
        w.withScope(clause.span, names.map((n) => w.local(n, clause, 'match', clause.span)), () => {
          const rest = clause.children.slice(1);
          const guard = rest[0]?.kind === 'symbol' && rest[0].text === 'when';
          w.body(guard ? rest.slice(1) : rest);
        });
      }
      return;
    case 'try':
      for (const f of a) {
        const h = headName(f);
        if (h === 'catch') {
          const v = f.children[1];
          const names = v ? patternNames(v) : [];
          w.withScope(f.span, names.map((n) => w.local(n, f, 'catch', f.span)), () => w.body(f.children.slice(2)));
        } else if (h === 'finally') w.body(f.children.slice(1));
        else w.expr(f);
      }
      return;
    case 'set!':
      for (const c of a) w.expr(c);
      return;
    case 'case':
      if (a[0]) w.expr(a[0]);
      for (const clause of a.slice(1)) if (clause.kind === 'list') w.body(clause.children.slice(1));
      return;
    case 'cond':
      for (const clause of a) if (clause.kind === 'list') w.body(clause.children);
      else w.expr(clause);
      return;
    case 'import':
    case 'load':
      for (const p of a) if (p.kind === 'string') w.imports.push({ path: p.text, span: p.span, kind: name });
      return;
    case 'module':
      for (const f of a.slice(1)) {
        if (headName(f) === 'export') for (const s of f.children.slice(1)) w.expr(s);
        else w.expr(f);
      }
      return;
    case 'prompt':
      for (const part of a) {
        const h = headName(part);
        if (h === 'system' || h === 'user' || h === 'assistant') w.body(part.children.slice(1));
        else w.expr(part);
      }
      return;
    case 'deftool':
    case 'defagent':
    case 'defmulti':
      w.declareTop(node);
      w.body(a.slice(1));
      return;
    case 'defmethod':
      // (defmethod name value handler), or the shorthand (defmethod name value (params) body...)
      // that the runtime also accepts: there the params bind over the body.
      if (a.length >= 4) {
        w.body(a.slice(0, 2));
        w.lambda(node, a[2], a.slice(3), 'defmethod');
      } else w.body(a);
      return;
    case 'define-record-type':
      w.declareTop(node);
      return;
    default:
      w.body(a);
  }
}

function define(w: Walker, name: string, node: SyntaxNode, a: SyntaxNode[]): void {
  w.declareTop(node);
  const target = a[0];
  if (!target) return;
  if ((name === 'define' || name === 'def') && target.kind === 'list') {
    const params = { ...target, children: target.children.slice(1) };
    w.lambda(node, params, a.slice(1), name);
    return;
  }
  if (name === 'define' || name === 'def') {
    w.body(a.slice(1));
    return;
  }
  w.lambda(node, a[1], a.slice(2), name);
}

function letForm(w: Walker, name: string, node: SyntaxNode, a: SyntaxNode[]): void {
  let spec = a[0];
  let body = a.slice(1);
  let loop: Binding | undefined;
  if (spec?.kind === 'symbol' && name === 'let') {
    const pairs = a[1] ? pairsOf(a[1]) : [];
    loop = { name: spec.text, kind: 'function', nameSpan: spec.span, formSpan: node.span, global: false, binder: 'named let', params: pairs.map((p) => p.target.text), scope: node.span };
    spec = a[1];
    body = a.slice(2);
  }
  const pairs = spec ? pairsOf(spec) : [];
  const bound = (p: { target: SyntaxNode }) => patternNames(p.target).map((n) => w.local(n, node, name, node.span));
  if (name === 'letrec') {
    w.withScope(node.span, pairs.flatMap(bound), () => {
      for (const p of pairs) if (p.init) w.expr(p.init);
      w.block(body);
    });
  } else if (name === 'let*') {
    w.withScope(node.span, [], () => {
      for (const p of pairs) {
        if (p.init) w.expr(p.init);
        for (const b of bound(p)) w.bindHere(b);
      }
      w.block(body);
    });
  } else {
    for (const p of pairs) if (p.init) w.expr(p.init);
    w.withScope(node.span, [...(loop ? [loop] : []), ...pairs.flatMap(bound)], () => w.block(body));
  }
}

function doLoop(w: Walker, node: SyntaxNode, a: SyntaxNode[]): void {
  const specs = a[0]?.kind === 'list' ? a[0].children : [];
  for (const s of specs) if (s.children[1]) w.expr(s.children[1]);
  const names = specs.flatMap((s) => (s.children[0] ? patternNames(s.children[0]) : []));
  w.withScope(node.span, names.map((n) => w.local(n, node, 'do', node.span)), () => {
    for (const s of specs) if (s.children[2]) w.expr(s.children[2]);
    if (a[1]) w.body(a[1].children);
    w.body(a.slice(2));
  });
}

interface Pair {
  target: SyntaxNode;
  init?: SyntaxNode;
}

/** `((a 1) (b 2))` or Clojure-style `[a 1 b 2]`. */
export function pairsOf(spec: SyntaxNode): Pair[] {
  if (spec.kind === 'vector') {
    const out: Pair[] = [];
    for (let i = 0; i < spec.children.length; i += 2) {
      const init = spec.children[i + 1];
      out.push(init ? { target: spec.children[i]!, init } : { target: spec.children[i]! });
    }
    return out;
  }
  if (spec.kind !== 'list') return [];
  return spec.children
    .filter((c) => c.kind === 'list' && c.children.length > 0)
    .map((c) => (c.children[1] ? { target: c.children[0]!, init: c.children[1] } : { target: c.children[0]! }));
}
