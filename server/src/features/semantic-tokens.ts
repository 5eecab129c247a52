// Semantic tokens: special forms, builtins, user functions, parameters, locals, keywords,
// strings, numbers and comments, split per line (clients do not take multi-line tokens).

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import type { SyntaxNode } from '@sema/runtime/reader';
import type { DocState } from '../documents';
import type { Occurrence } from '../analysis/types';
import { sortedOccurrences } from './tree';

export const TOKEN_TYPES = ['keyword', 'function', 'variable', 'parameter', 'macro', 'enumMember', 'string', 'number', 'comment', 'type', 'operator'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'readonly'] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const DECL = 1;
const LIB = 2;

interface Tok {
  start: number;
  end: number;
  type: number;
  mods: number;
}

const cache = new WeakMap<DocState['analysis'], SemanticTokens>();

export function semanticTokens(doc: DocState): SemanticTokens {
  const a = doc.analysis;
  const cached = cache.get(a);
  if (cached) return cached;
  // The tree is visited in source order, so the sorted occurrences are met in order too.
  const occs = sortedOccurrences(a);
  let next = 0;
  const toks: Tok[] = [];
  const add = (start: number, end: number, type: number, mods: number) => toks.push({ start, end, type, mods });
  const visit = (n: SyntaxNode) => {
    switch (n.kind) {
      case 'symbol': {
        while (next < occs.length && occs[next]!.span.start < n.span.start) next++;
        const o = occs[next];
        if (o && o.span.start === n.span.start) add(n.span.start, n.span.end, classifyType(o), classifyMods(o));
        return;
      }
      case 'keyword':
        return add(n.span.start, n.span.end, T.enumMember, 0);
      case 'string':
      case 'char':
        return add(n.span.start, n.span.end, T.string, 0);
      case 'int':
      case 'float':
        return add(n.span.start, n.span.end, T.number, 0);
      case 'bool':
      case 'nil':
        return add(n.span.start, n.span.end, T.keyword, LIB);
      default:
        for (const c of n.children) visit(c);
    }
  };
  for (const n of a.parse.nodes) visit(n);
  if (a.parse.comments.length > 0) {
    for (const c of a.parse.comments) if (c.kind !== 'datum') add(c.span.start, c.span.end, T.comment, 0);
    toks.sort((x, y) => x.start - y.start);
  }
  const result = { data: encode(doc, toks) };
  cache.set(a, result);
  return result;
}

function classifyType(o: Occurrence): number {
  if (o.binding) {
    const b = o.binding;
    if (b.kind === 'parameter') return T.parameter;
    if (b.kind === 'macro') return T.macro;
    if (b.kind === 'record') return T.type;
    if (b.params || b.kind === 'function' || b.kind === 'tool' || b.kind === 'multimethod') return T.function;
    return T.variable;
  }
  if (o.special) return T.keyword;
  if (o.builtin) return o.builtin.kind === 'special-form' ? T.keyword : o.builtin.kind === 'macro' ? T.macro : o.builtin.kind === 'constant' ? T.variable : T.function;
  return T.variable;
}

function classifyMods(o: Occurrence): number {
  if (o.binding) return o.declaration ? DECL : 0;
  return o.builtin && o.builtin.kind !== 'special-form' && !o.special ? LIB : 0;
}

function encode(doc: DocState, toks: Tok[]): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const text = doc.analysis.text;
  const push = (start: number, end: number, type: number, mods: number) => {
    if (end <= start) return;
    const p = doc.pos.position(start);
    const deltaLine = p.line - prevLine;
    data.push(deltaLine, deltaLine === 0 ? p.character - prevChar : p.character, end - start, type, mods);
    prevLine = p.line;
    prevChar = p.character;
  };
  let lastEnd = 0;
  for (const t of toks) {
    if (t.start < lastEnd) continue;
    lastEnd = t.end;
    // Split at line breaks.
    let s = t.start;
    for (let i = t.start; i < t.end; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        push(s, i, t.type, t.mods);
        s = i + 1;
      }
    }
    push(s, t.end, t.type, t.mods);
  }
  return data;
}
