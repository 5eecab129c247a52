// Lays out one form the way the reference's formatter (`sema fmt`) does with its default
// options (width 80, indent 2): a form that fits stays on one line; otherwise its head
// decides the shape (body, bindings, clauses, threading, `if`, imports, key-value calls,
// plain calls) and vectors and maps put one element or pair per line.

import { parse } from '../reader';
import type { SyntaxNode } from '../reader/syntax';

const WIDTH = 80;
const INDENT = 2;

type Shape = 'body' | 'try' | 'binding' | 'clause' | 'threading' | 'conditional' | 'import' | 'call';

const SHAPES = new Map<string, Shape>();
for (const name of 'define defn defun defmacro fn lambda do begin when unless module defagent deftool prompt message export for for-each while with-open-file with-exception-handler define-record-type define-syntax syntax-rules'.split(' ')) {
  SHAPES.set(name, 'body');
}
for (const name of ['let', 'let*', 'letrec', 'when-let', 'if-let']) SHAPES.set(name, 'binding');
for (const name of ['cond', 'case', 'match']) SHAPES.set(name, 'clause');
for (const name of ['->', '->>', 'as->', 'some->']) SHAPES.set(name, 'threading');
for (const name of ['import', 'load', 'require']) SHAPES.set(name, 'import');
SHAPES.set('if', 'conditional');
// `try` is laid out like a body form but, unlike one, may stay on one line.
SHAPES.set('try', 'try');

const PREFIXES: Record<string, string> = { quote: "'", quasiquote: '`', unquote: ',', 'unquote-splicing': ',@' };
const OPENERS: Record<string, [string, string]> = {
  list: ['(', ')'],
  vector: ['[', ']'],
  map: ['{', '}'],
  'short-lambda': ['#(', ')'],
  bytevector: ['#u8(', ')'],
};

/** Widths are in UTF-8 bytes, as the reference measures them. */
const width = (s: string): number => Buffer.byteLength(s, 'utf8');

const headName = (n: SyntaxNode | undefined): string | undefined => (n?.kind === 'symbol' ? n.text : undefined);

/** How many arguments a body form keeps on its first line, head included. */
function firstLineCount(head: string, items: readonly SyntaxNode[]): number {
  const n = items.length;
  switch (head) {
    case 'define':
      return n > 1 && items[1]!.kind === 'list' ? 2 : Math.min(n, 3);
    case 'defn':
    case 'defun':
    case 'defmacro':
      return Math.min(n, 3);
    case 'define-record-type':
      return Math.min(n, 4);
    case 'define-syntax':
    case 'deftool':
    case 'defagent':
      return Math.min(n, 2);
    case 'fn':
    case 'lambda':
    case 'when':
    case 'unless':
    case 'while':
      return n > 1 ? 2 : 1;
    default:
      return 1;
  }
}

const isNamedLet = (items: readonly SyntaxNode[]): boolean =>
  items.length >= 3 && headName(items[0]) === 'let' && items[1]!.kind === 'symbol' && (items[2]!.kind === 'list' || items[2]!.kind === 'vector');

/** Forms laid out over several lines even when they would fit on one. */
function forcedMultiline(shape: Shape, items: readonly SyntaxNode[]): boolean {
  if (shape === 'body') {
    const head = headName(items[0]);
    return head !== undefined && items.length > firstLineCount(head, items) + 1;
  }
  if (shape === 'binding') {
    const bindings = items[isNamedLet(items) ? 2 : 1];
    if (bindings === undefined || (bindings.kind !== 'list' && bindings.kind !== 'vector')) return false;
    return bindings.children.filter((c) => c.kind === 'list' || c.kind === 'vector').length >= 2;
  }
  return false;
}

class Layout {
  out = '';
  constructor(private readonly source: string) {}

  flat(n: SyntaxNode): string {
    const prefix = PREFIXES[n.kind];
    if (prefix !== undefined) return prefix + (n.children[0] ? this.flat(n.children[0]) : '');
    const delims = OPENERS[n.kind];
    if (delims === undefined) return this.source.slice(n.span.start, n.span.end);
    return delims[0] + n.children.map((c) => this.flat(c)).join(' ') + delims[1];
  }

  column(): number {
    return width(this.out.slice(this.out.lastIndexOf('\n') + 1));
  }

  /** Writes `n` flat if it stays on one line, returning false (and writing nothing) if not. */
  tryOneLine(n: SyntaxNode, indent: number): boolean {
    const mark = this.out.length;
    this.out += ' ';
    this.node(n, indent);
    if (!this.out.slice(mark).includes('\n')) return true;
    this.out = this.out.slice(0, mark);
    return false;
  }

  /** Each item on its own line at `indent`. */
  lines(items: readonly SyntaxNode[], indent: number): void {
    for (const item of items) {
      this.out += '\n' + ' '.repeat(indent);
      this.node(item, indent);
    }
  }

  node(n: SyntaxNode, indent: number): void {
    const prefix = PREFIXES[n.kind];
    if (prefix !== undefined) {
      this.out += prefix;
      if (n.children[0]) this.node(n.children[0], indent);
      return;
    }
    const delims = OPENERS[n.kind];
    if (delims === undefined) {
      this.out += this.flat(n);
      return;
    }
    const [open, close] = delims;
    const items = n.children;
    if (items.length === 0) {
      this.out += open + close;
      return;
    }
    const shape = n.kind === 'list' || n.kind === 'short-lambda' ? SHAPES.get(headName(items[0]) ?? '') ?? 'call' : undefined;
    if (!(shape !== undefined && forcedMultiline(shape, items))) {
      const one = this.flat(n);
      if (indent + width(one) <= WIDTH) {
        this.out += one;
        return;
      }
    }
    this.out += open;
    if (n.kind === 'map') this.pairs(items, indent + open.length);
    else if (shape === undefined) this.stacked(items, indent + open.length);
    else this.form(shape, items, indent, open);
    this.out += close;
  }

  /** Vector-like layout: elements one per line under the first. */
  stacked(items: readonly SyntaxNode[], indent: number): void {
    this.node(items[0]!, indent);
    this.lines(items.slice(1), indent);
  }

  /** Map layout: one key-value pair per line under the first key. */
  pairs(items: readonly SyntaxNode[], indent: number): void {
    items.forEach((item, i) => {
      if (i % 2 === 1) this.out += ' ';
      else if (i > 0) this.out += '\n' + ' '.repeat(indent);
      this.node(item, indent);
    });
  }

  form(shape: Shape, items: readonly SyntaxNode[], indent: number, open: string): void {
    const body = indent + INDENT;
    this.node(items[0]!, indent + open.length);
    const head = headName(items[0]);
    switch (shape) {
      case 'body':
      case 'try': {
        const count = firstLineCount(head ?? '', items);
        let emitted = 1;
        for (let i = 1; i < count; i++) {
          if (this.column() + 1 + this.flatWidth(items[i]!) > WIDTH || !this.tryOneLine(items[i]!, body)) break;
          emitted = i + 1;
        }
        return this.lines(items.slice(emitted), body);
      }
      case 'binding': {
        if (items.length < 2) return this.call(items, indent, open);
        let at = indent + open.length + this.flatWidth(items[0]!) + 1;
        this.out += ' ';
        const named = isNamedLet(items);
        if (named) {
          this.node(items[1]!, at);
          this.out += ' ';
          at += this.flatWidth(items[1]!) + 1;
        }
        const bindings = items[named ? 2 : 1]!;
        const delims = OPENERS[bindings.kind];
        if ((bindings.kind === 'list' || bindings.kind === 'vector') && delims !== undefined && bindings.children.length > 0) {
          const one = this.flat(bindings);
          if (at + width(one) <= WIDTH) this.out += one;
          else {
            this.out += delims[0];
            this.stacked(bindings.children, at + 1);
            this.out += delims[1];
          }
        } else this.node(bindings, at);
        return this.lines(items.slice(named ? 3 : 2), body);
      }
      case 'clause':
      case 'import':
        return this.lines(items.slice(1), body);
      case 'threading':
      case 'conditional':
        if (items.length < 2 && shape === 'threading') return this.call(items, indent, open);
        if (items.length > 1) {
          this.out += ' ';
          this.node(items[1]!, body);
        }
        return this.lines(items.slice(2), body);
      case 'call':
        return this.call(items, indent, open);
    }
  }

  /** A plain call: first argument beside the head when it fits, the rest indented. */
  call(items: readonly SyntaxNode[], indent: number, open: string): void {
    const head = headName(items[0]);
    const body = indent + INDENT;
    if (head === 'hash-map' || head === 'assoc') return this.keyValueCall(items, head, body);
    if (items.length === 1) return;
    const firstArgCol = indent + open.length + this.flatWidth(items[0]!) + 1;
    if (firstArgCol + this.flatWidth(items[1]!) <= WIDTH && this.tryOneLine(items[1]!, body)) return this.lines(items.slice(2), body);
    this.lines(items.slice(1), body);
  }

  keyValueCall(items: readonly SyntaxNode[], head: string, indent: number): void {
    let from = 1;
    if (head === 'assoc' && items.length > 1) {
      this.out += ' ';
      this.node(items[1]!, indent);
      from = 2;
    }
    for (let i = from; i < items.length; i += 2) {
      this.out += '\n' + ' '.repeat(indent);
      this.node(items[i]!, indent);
      const value = items[i + 1];
      if (value === undefined) break;
      if (this.column() + 1 + this.flatWidth(value) <= WIDTH && this.tryOneLine(value, indent)) continue;
      this.out += '\n' + ' '.repeat(indent + INDENT);
      this.node(value, indent + INDENT);
    }
  }

  flatWidth(n: SyntaxNode): number {
    const text = this.flat(n);
    // A string with a raw line break can never sit on one line.
    return text.includes('\n') ? Infinity : width(text);
  }
}

/** The formatted text of `source` (one form, as printed); undefined if it does not read. */
export function formatFormSource(source: string): string | undefined {
  const tree = parse(source);
  if (tree.diagnostics.some((d) => d.severity === 'error') || tree.nodes.length !== 1) return undefined;
  const layout = new Layout(source);
  layout.node(tree.nodes[0]!, 0);
  return layout.out;
}
