// Binding positions: parameter lists and destructuring patterns (vectors, `{:keys [...]}`,
// `{:k pattern}`), and match patterns. They yield the names they bind with their spans.

import type { SyntaxNode } from '@sema/runtime/reader';

export interface BoundName {
  readonly name: string;
  readonly node: SyntaxNode;
}

export interface ParamList {
  readonly names: BoundName[];
  /** Names as written in order, for signatures (without `&`/`.`). */
  readonly params: string[];
  readonly required: number;
  readonly rest?: string;
}

const NOT_BOUND = new Set(['_', '&', '.']);

/** Names bound by a destructuring pattern (define, let, lambda parameters). */
export function patternNames(node: SyntaxNode, out: BoundName[] = []): BoundName[] {
  switch (node.kind) {
    case 'symbol':
      if (!NOT_BOUND.has(node.text)) out.push({ name: node.text, node });
      break;
    case 'vector':
    case 'list':
      for (const c of node.children) patternNames(c, out);
      break;
    case 'map':
      for (let i = 0; i + 1 < node.children.length; i += 2) {
        const key = node.children[i]!;
        const value = node.children[i + 1]!;
        if (key.kind === 'keyword' && (key.text === 'keys' || key.text === 'strs' || key.text === 'syms')) {
          for (const c of value.children) if (c.kind === 'symbol') patternNames(c, out);
        } else if (key.kind === 'keyword' && key.text === 'or') {
          // defaults: values are expressions, keys name already-bound locals
        } else if (key.kind === 'keyword' && key.text === 'as') {
          patternNames(value, out);
        } else patternNames(value, out);
      }
      break;
    default:
      break;
  }
  return out;
}

/** A lambda parameter list: `(a b)`, `[a b]`, `(a . rest)`, `(a & rest)`, or `args`. */
export function paramList(node: SyntaxNode | undefined): ParamList {
  if (node === undefined) return { names: [], params: [], required: 0 };
  if (node.kind === 'symbol') {
    return { names: patternNames(node), params: [node.text], required: 0, rest: node.text };
  }
  const params: string[] = [];
  let required = 0;
  let rest: string | undefined;
  const kids = node.children;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    if (k.kind === 'symbol' && (k.text === '&' || k.text === '.')) {
      const r = kids[i + 1];
      if (r) rest = r.kind === 'symbol' ? r.text : 'rest';
      break;
    }
    params.push(k.kind === 'symbol' ? k.text : sourceOf(k));
    required++;
  }
  if (rest !== undefined) params.push(rest);
  return { names: patternNames(node), params, required, rest };
}

/** Names bound by a `match` pattern: symbols bind; keywords, literals and quoted data do not. */
export function matchPatternNames(node: SyntaxNode, out: BoundName[] = []): BoundName[] {
  switch (node.kind) {
    case 'symbol':
      if (!NOT_BOUND.has(node.text) && node.text !== 'else') out.push({ name: node.text, node });
      break;
    case 'vector':
    case 'list':
      for (const c of node.children) matchPatternNames(c, out);
      break;
    case 'map':
      for (let i = 0; i + 1 < node.children.length; i += 2) {
        const key = node.children[i]!;
        const value = node.children[i + 1]!;
        if (key.kind === 'keyword' && key.text === 'keys') {
          for (const c of value.children) if (c.kind === 'symbol') out.push({ name: c.text, node: c });
        } else matchPatternNames(value, out);
      }
      break;
    default:
      break;
  }
  return out;
}

function sourceOf(node: SyntaxNode): string {
  if (node.kind === 'vector') return '[' + node.children.map(sourceOf).join(' ') + ']';
  if (node.kind === 'map') return '{...}';
  if (node.kind === 'list') return '(' + node.children.map(sourceOf).join(' ') + ')';
  return node.text;
}
