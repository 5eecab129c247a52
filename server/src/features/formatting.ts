// Formatting: tidies spacing inside lines, pulls dangling closers up, re-indents every line
// by the structure (bodies +2, call arguments aligned with the first one), trims trailing
// whitespace and blank-line runs. Idempotent; text with syntax errors is left untouched.

import { parse, LineIndex, isCollection, type SyntaxNode, type Comment } from '@sema/runtime/reader';
import type { Range, TextEdit } from 'vscode-languageserver-protocol';
import type { DocState } from '../documents';
import { bodyIndentOf } from '../analysis/forms';

/** The formatted text, or undefined when the text does not parse. */
export function formatText(text: string): string | undefined {
  // A lone CR ends a line for editors but not a `;` comment for the reader: re-indenting
  // such text could turn comment text into code, so it is left as it is.
  if (/\r(?!\n)/.test(text)) return undefined;
  const tree = parse(text);
  if (tree.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const spaced = normalizeGaps(text, tree.nodes);
  const again = parse(spaced);
  if (again.diagnostics.some((d) => d.severity === 'error')) return undefined;
  return reindent(spaced, again.nodes, again.comments);
}

export function formatDocument(doc: DocState): TextEdit[] {
  const text = doc.analysis.text;
  const out = formatText(text);
  if (out === undefined || out === text) return [];
  return [{ range: doc.pos.range({ start: 0, end: text.length }), newText: out }];
}

/** Formats the whole top-level forms the range touches; nothing when it touches none. */
export function formatRange(doc: DocState, range: Range): TextEdit[] {
  const a = doc.analysis;
  if (a.parse.diagnostics.some((d) => d.severity === 'error')) return [];
  const span = doc.pos.span(range);
  const forms = a.parse.nodes.filter((n) => n.span.end > span.start && n.span.start < span.end);
  if (forms.length === 0) return [];
  const start = doc.pos.lineStart(doc.pos.position(forms[0]!.span.start).line);
  const end = forms[forms.length - 1]!.span.end;
  const slice = a.text.slice(start, end);
  const formatted = formatText(slice);
  if (formatted === undefined) return [];
  const out = formatted.replace(/\r?\n$/, '');
  return out === slice ? [] : [{ range: doc.pos.range({ start, end }), newText: out }];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Single spaces between elements on a line, none inside delimiters, closers pulled up. */
function normalizeGaps(text: string, nodes: readonly SyntaxNode[]): string {
  const edits: Edit[] = [];
  const gap = (from: number, to: number, want: string, joinLines: boolean) => {
    const g = text.slice(from, to);
    if (g === want || /[^\s]/.test(g)) return;
    if (/[\r\n]/.test(g) && !joinLines) return;
    edits.push({ start: from, end: to, text: want });
  };
  const visit = (n: SyntaxNode) => {
    if (isCollection(n) && n.open && n.close) {
      const kids = n.children;
      if (kids.length === 0) gap(n.open.end, n.close.start, '', true);
      else {
        gap(n.open.end, kids[0]!.span.start, '', false);
        for (let i = 1; i < kids.length; i++) gap(kids[i - 1]!.span.end, kids[i]!.span.start, ' ', false);
        gap(kids[kids.length - 1]!.span.end, n.close.start, '', true);
      }
    }
    for (const c of n.children) visit(c);
  };
  for (const n of nodes) visit(n);
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The node chain whose interior strictly contains `offset`, outermost first. */
function enclosing(nodes: readonly SyntaxNode[], offset: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let level = nodes;
  for (;;) {
    let lo = 0;
    let hi = level.length - 1;
    let hit: SyntaxNode | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = level[mid]!;
      if (offset <= n.span.start) hi = mid - 1;
      else if (offset >= n.span.end) lo = mid + 1;
      else {
        hit = n;
        break;
      }
    }
    if (!hit) return out;
    out.push(hit);
    level = hit.children;
  }
}

function insideComment(comments: readonly Comment[], offset: number): boolean {
  return comments.some((c) => c.kind === 'block' && c.span.start < offset && offset < c.span.end);
}

/** Leading/trailing blanks as the reader sees them (not every Unicode space is one). */
const LEADING = /^[ \t\f]+/;
const TRAILING = /[ \t\f]+$/;

function reindent(text: string, nodes: readonly SyntaxNode[], comments: readonly Comment[]): string {
  const index = new LineIndex(text);
  // Lines with their own terminators, so line breaks inside strings stay as they were.
  const parts = text.split(/(\r\n|\r|\n)/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const shift: number[] = [];
  const out: { text: string; end: string }[] = [];
  let blank = 0;
  const newCol = (offset: number) => {
    const lc = index.lineCol(offset);
    return lc.col - 1 + (shift[lc.line - 1] ?? 0);
  };
  for (let i = 0; i * 2 < parts.length; i++) {
    const raw = parts[i * 2]!;
    const end = parts[i * 2 + 1] ?? '';
    const start = index.lineStart(i + 1);
    const chain = enclosing(nodes, start);
    const inner = chain[chain.length - 1];
    const endOffset = start + raw.length;
    const keepTrailing = enclosing(nodes, endOffset).some((n) => !isCollection(n)) || insideComment(comments, endOffset);
    const rawLine = (inner && !isCollection(inner)) || insideComment(comments, start);
    if (rawLine) {
      shift.push(0);
      out.push({ text: keepTrailing ? raw : raw.replace(TRAILING, ''), end });
      blank = 0;
      continue;
    }
    const content = raw.replace(LEADING, '').replace(TRAILING, '');
    if (content === '') {
      shift.push(0);
      blank++;
      if (blank === 1) out.push({ text: '', end });
      continue;
    }
    blank = 0;
    const body = raw.replace(LEADING, '');
    const indent = inner ? indentIn(inner, start, newCol, index) : 0;
    shift.push(indent - (raw.length - body.length));
    out.push({ text: ' '.repeat(indent) + (keepTrailing ? body : content), end });
  }
  while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  if (out.length === 0) return '';
  out[out.length - 1]!.end ||= eol;
  return out.map((l) => l.text + l.end).join('');
}

/** Indentation of a line starting at `lineStart` inside collection `n`. */
function indentIn(n: SyntaxNode, lineStart: number, col: (offset: number) => number, index: LineIndex): number {
  const open = n.open!;
  const base = col(open.start) + (open.end - open.start);
  if (n.kind !== 'list' && n.kind !== 'short-lambda') return base;
  const kids = n.children;
  const head = kids[0];
  if (!head || head.span.start >= lineStart) return base;
  const openLine = index.lineCol(open.start).line;
  const firstHere = kids.findIndex((k) => k.span.start >= lineStart);
  if (head.kind === 'symbol') {
    const body = bodyIndentOf(head.text);
    if (body !== undefined && (firstHere === -1 || firstHere > body)) return col(open.start) + 2;
    const arg = kids[1];
    if (arg && arg.span.start < lineStart && index.lineCol(arg.span.start).line === openLine) return col(arg.span.start);
    return body !== undefined ? col(open.start) + 4 : base;
  }
  return base;
}
