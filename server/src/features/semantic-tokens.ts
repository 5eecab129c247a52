// Semantic tokens: special forms, builtins, user functions, parameters, locals, keywords,
// strings, numbers and comments, split per line (clients do not take multi-line tokens).

import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import type { SyntaxNode } from '@sema/runtime/reader';
import type { DocState } from '../documents';
import type { Occurrence } from '../analysis/types';

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

export function semanticTokens(doc: DocState): SemanticTokens {
  const a = doc.analysis;
  const byStart = new Map<number, Occurrence>();
  for (const o of a.occurrences) byStart.set(o.span.start, o);
  const toks: Tok[] = [];
  const visit = (n: SyntaxNode) => {
    switch (n.kind) {
      case 'symbol': {
        const o = byStart.get(n.span.start);
        if (o) toks.push({ start: n.span.start, end: n.span.end, ...classify(o) });
        return;
      }
      case 'keyword':
        toks.push({ start: n.span.start, end: n.span.end, type: T.enumMember, mods: 0 });
        return;
      case 'string':
      case 'char':
        toks.push({ start: n.span.start, end: n.span.end, type: T.string, mods: 0 });
        return;
      case 'int':
      case 'float':
        toks.push({ start: n.span.start, end: n.span.end, type: T.number, mods: 0 });
        return;
      case 'bool':
      case 'nil':
        toks.push({ start: n.span.start, end: n.span.end, type: T.keyword, mods: LIB });
        return;
      default:
        for (const c of n.children) visit(c);
    }
  };
  for (const n of a.parse.nodes) visit(n);
  for (const c of a.parse.comments) if (c.kind !== 'datum') toks.push({ start: c.span.start, end: c.span.end, type: T.comment, mods: 0 });
  toks.sort((x, y) => x.start - y.start);
  return { data: encode(doc, toks) };
}

function classify(o: Occurrence): { type: number; mods: number } {
  const decl = o.declaration ? DECL : 0;
  if (o.binding) {
    const b = o.binding;
    if (b.kind === 'parameter') return { type: T.parameter, mods: decl };
    if (b.kind === 'macro') return { type: T.macro, mods: decl };
    if (b.kind === 'record') return { type: T.type, mods: decl };
    if (b.params || b.kind === 'function' || b.kind === 'tool' || b.kind === 'multimethod') return { type: T.function, mods: decl };
    return { type: T.variable, mods: decl };
  }
  if (o.special) return { type: T.keyword, mods: 0 };
  if (o.builtin) {
    if (o.builtin.kind === 'special-form') return { type: T.keyword, mods: 0 };
    if (o.builtin.kind === 'macro') return { type: T.macro, mods: LIB };
    return { type: T.function, mods: LIB };
  }
  return { type: T.variable, mods: 0 };
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
