// Syntax tree -> Sema values (the data the evaluator compiles), recording spans on the side.

import type { Span } from './span';
import type { SyntaxNode } from './syntax';
import { Bytevector, Char, Float, Keyword, SemaMap, Sym, Vector, type Value } from '../eval/values';
import { mapKey } from '../eval/equality';

/** Spans of lowered forms. Containers are keyed by identity; atoms by position in their parent. */
export class SpanTable {
  private readonly own = new WeakMap<object, Span>();
  private readonly kids = new WeakMap<object, Span[]>();

  set(form: object, span: Span, children: Span[]): void {
    this.own.set(form, span);
    this.kids.set(form, children);
  }
  /** Span of a list/vector/map form. */
  of(form: Value): Span | undefined {
    return form !== null && typeof form === 'object' ? this.own.get(form) : undefined;
  }
  /** Spans of the elements of a list/vector form (map forms: keys and values interleaved). */
  children(form: Value): Span[] | undefined {
    return form !== null && typeof form === 'object' ? this.kids.get(form) : undefined;
  }
}

const QUOTE_SYMBOLS: Record<string, Sym> = {
  quote: Sym.of('quote'),
  quasiquote: Sym.of('quasiquote'),
  unquote: Sym.of('unquote'),
  'unquote-splicing': Sym.of('unquote-splicing'),
};

export function lower(node: SyntaxNode, spans: SpanTable): Value {
  switch (node.kind) {
    case 'nil':
      return null;
    case 'bool':
      return node.text === '#t';
    case 'int': {
      const n = Number(node.text);
      return Number.isSafeInteger(n) ? n : new Float(n);
    }
    case 'float':
      return new Float(Number(node.text));
    case 'string':
      return node.text;
    case 'char':
      return new Char(node.text);
    case 'symbol':
      return Sym.of(node.text);
    case 'keyword':
      return Keyword.of(node.text);
    case 'error':
      return Sym.of('#<read-error>');
    case 'quote':
    case 'quasiquote':
    case 'unquote':
    case 'unquote-splicing': {
      const target = node.children[0];
      const form: Value[] = [QUOTE_SYMBOLS[node.kind]!, target ? lower(target, spans) : null];
      spans.set(form, node.span, [node.span, target ? target.span : node.span]);
      return form;
    }
    case 'list': {
      const form = node.children.map((c) => lower(c, spans));
      spans.set(form, node.span, node.children.map((c) => c.span));
      return form;
    }
    case 'vector': {
      const form = new Vector(node.children.map((c) => lower(c, spans)));
      spans.set(form, node.span, node.children.map((c) => c.span));
      return form;
    }
    case 'map': {
      const table = new Map<string, [Value, Value]>();
      const kids = node.children;
      for (let i = 0; i + 1 < kids.length; i += 2) {
        const k = lower(kids[i]!, spans);
        table.set(mapKey(k), [k, lower(kids[i + 1]!, spans)]);
      }
      const form = new SemaMap(table);
      spans.set(form, node.span, kids.map((c) => c.span));
      return form;
    }
    case 'bytevector': {
      const bytes = node.children.map((c) => (c.kind === 'int' ? Number(c.text) : -1));
      return new Bytevector(Uint8Array.from(bytes.map((b) => (b >= 0 && b <= 255 ? b : 0))));
    }
    case 'short-lambda':
      return lowerShortLambda(node, spans);
    case 'fstring': {
      const form: Value[] = [Sym.of('str')];
      const childSpans: Span[] = [node.span];
      const parts = node.parts ?? [];
      node.children.forEach((c, i) => {
        if (parts[i]) {
          form.push(parts[i]!);
          childSpans.push(node.span);
        }
        form.push(lower(c, spans));
        childSpans.push(c.span);
      });
      const last = parts[node.children.length];
      if (last) {
        form.push(last);
        childSpans.push(node.span);
      }
      spans.set(form, node.span, childSpans);
      return form;
    }
  }
}

/** `#(+ % 1)` -> `(fn (%1) (+ %1 1))`; `%` means `%1`; nested fn/lambda keep their own `%`. */
function lowerShortLambda(node: SyntaxNode, spans: SpanTable): Value {
  const body = node.children.map((c) => lower(c, spans));
  spans.set(body, node.span, node.children.map((c) => c.span));
  let max = 0;
  const rewrite = (v: Value): Value => {
    if (v instanceof Sym) {
      if (v.name === '%') {
        max = Math.max(max, 1);
        return Sym.of('%1');
      }
      const m = /^%([1-9][0-9]*)$/.exec(v.name);
      if (m) max = Math.max(max, Number(m[1]));
      return v;
    }
    if (Array.isArray(v)) {
      const head = v[0];
      if (head instanceof Sym && (head.name === 'fn' || head.name === 'lambda')) return v;
      const out = v.map(rewrite);
      const s = spans.of(v);
      if (s) spans.set(out, s, spans.children(v) ?? []);
      return out;
    }
    if (v instanceof Vector) {
      const out = new Vector(v.items.map(rewrite));
      const s = spans.of(v);
      if (s) spans.set(out, s, spans.children(v) ?? []);
      return out;
    }
    return v;
  };
  const rewritten = rewrite(body);
  const params: Value[] = [];
  for (let i = 1; i <= max; i++) params.push(Sym.of(`%${i}`));
  const form: Value[] = [Sym.of('fn'), params, rewritten];
  spans.set(params, node.span, params.map(() => node.span));
  spans.set(form, node.span, [node.span, node.span, node.span]);
  return form;
}
