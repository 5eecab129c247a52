// Source text -> syntax tree. Never throws on user text: problems become diagnostics and
// reading resumes. Recovery rules:
//  - an unclosed opener closes at end of input; the diagnostic points at the opener;
//  - a stray closer is reported and skipped;
//  - a mismatched closer closes the innermost opener it matches (openers in between are
//    reported unclosed) or, when it matches none, is reported and skipped;
//  - an unterminated string runs to end of input;
//  - a bad character or token becomes an `error` node.

import type { Span } from './span';
import type { Comment, NodeKind, ParseResult, ReadDiagnostic, SyntaxNode } from './syntax';
import { readEscape } from './escapes';
import { isDelimiter, isSymbolChar, isSymbolStart, scanNumber } from './chars';

const MAX_DEPTH = 1024;
const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class Parser {
  pos = 0;
  depth = 0;
  readonly nodes: SyntaxNode[] = [];
  readonly comments: Comment[] = [];
  readonly diagnostics: ReadDiagnostic[] = [];
  /** Closers expected by the collections currently open, innermost last. */
  readonly openStack: string[] = [];

  constructor(
    readonly text: string,
    readonly base: number,
  ) {}

  error(message: string, start: number, end: number, hint?: string): void {
    const span = { start: start + this.base, end: end + this.base };
    this.diagnostics.push(hint ? { message, span, severity: 'error', hint } : { message, span, severity: 'error' });
  }

  sp(start: number, end: number): Span {
    return { start: start + this.base, end: end + this.base };
  }

  /** Skips whitespace and comments (including datum comments, which read and drop a form). */
  skipTrivia(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) return;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
        this.pos++;
      } else if (c === ';') {
        const start = this.pos;
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
        this.comments.push({ kind: 'line', span: this.sp(start, this.pos) });
      } else if (c === '#' && t[this.pos + 1] === '|') {
        this.blockComment();
      } else if (c === '#' && t[this.pos + 1] === ';') {
        const start = this.pos;
        this.pos += 2;
        this.skipTrivia();
        if (this.pos < t.length && !this.atCloser()) this.parseForm();
        else this.error('datum comment (#;) requires a form after it', start, this.pos);
        this.comments.push({ kind: 'datum', span: this.sp(start, this.pos) });
      } else if (c === '#' && t[this.pos + 1] === '!' && this.pos === 0) {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  /** `#| ... |#`, nestable. */
  blockComment(): void {
    const t = this.text;
    const start = this.pos;
    let depth = 0;
    while (this.pos < t.length) {
      if (t[this.pos] === '#' && t[this.pos + 1] === '|') {
        depth++;
        this.pos += 2;
      } else if (t[this.pos] === '|' && t[this.pos + 1] === '#') {
        depth--;
        this.pos += 2;
        if (depth === 0) break;
      } else this.pos++;
    }
    if (depth > 0) this.error('unterminated block comment', start, start + 2, 'add `|#` to close it');
    this.comments.push({ kind: 'block', span: this.sp(start, this.pos) });
  }

  atCloser(): boolean {
    const c = this.text[this.pos];
    return c === ')' || c === ']' || c === '}';
  }

  parseAll(): void {
    for (;;) {
      this.skipTrivia();
      if (this.pos >= this.text.length) return;
      if (this.atCloser()) {
        const c = this.text[this.pos]!;
        this.error(`unexpected closing \`${c}\``, this.pos, this.pos + 1, 'no matching opener');
        this.pos++;
        continue;
      }
      this.nodes.push(this.parseForm());
    }
  }

  /** Parses one form at `pos` (trivia already skipped, not at a closer or end). */
  parseForm(): SyntaxNode {
    if (this.depth >= MAX_DEPTH) {
      const start = this.pos;
      this.skipNested();
      this.error(`input nested too deeply (limit ${MAX_DEPTH})`, start, this.pos);
      return this.node('error', start, this.pos, [], this.text.slice(start, this.pos));
    }
    this.depth++;
    try {
      return this.parseFormInner();
    } finally {
      this.depth--;
    }
  }

  /** Skips to the end of the current nesting level without building nodes. */
  skipNested(): void {
    let level = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === '(' || c === '[' || c === '{') level++;
      else if (c === ')' || c === ']' || c === '}') {
        if (level === 0) return;
        level--;
      }
      this.pos++;
      if (level === 0) return;
    }
  }

  node(kind: NodeKind, start: number, end: number, children: SyntaxNode[], text: string): SyntaxNode {
    return { kind, span: this.sp(start, end), children, text };
  }

  parseFormInner(): SyntaxNode {
    const t = this.text;
    const start = this.pos;
    const c = t[start]!;
    switch (c) {
      case '(':
        return this.collection('list', start, 1, ')');
      case '[':
        return this.collection('vector', start, 1, ']');
      case '{':
        return this.collection('map', start, 1, '}');
      case "'":
        return this.prefix('quote', start, 1, 'quote (\') requires an expression after it');
      case '`':
        return this.prefix('quasiquote', start, 1, 'quasiquote (`) requires an expression after it');
      case ',':
        if (t[start + 1] === '@')
          return this.prefix('unquote-splicing', start, 2, 'unquote-splicing (,@) requires an expression after it');
        return this.prefix('unquote', start, 1, 'unquote (,) requires an expression after it');
      case '"':
        return this.string(start);
      case ':':
        return this.keyword(start);
      case '#':
        return this.hash(start);
    }
    if (c === 'f' && t[start + 1] === '"') return this.fstring(start);
    const numEnd = scanNumber(t, start);
    if (numEnd !== undefined) {
      this.pos = numEnd.end;
      if (this.pos < t.length && !isDelimiter(t[this.pos]!)) {
        // `1e` reads as 1 then the symbol `e` (as the reference does); anything else glued
        // to a number (`12abc`) is the same: the number ends where digits end.
      }
      return this.node(numEnd.float ? 'float' : 'int', start, this.pos, [], t.slice(start, this.pos));
    }
    if (isSymbolStart(c)) {
      let end = start + 1;
      while (end < t.length && isSymbolChar(t[end]!)) end++;
      this.pos = end;
      const name = t.slice(start, end);
      if (name === 'nil') return this.node('nil', start, end, [], name);
      if (name === 'true' || name === 'false') return this.node('bool', start, end, [], name === 'true' ? '#t' : '#f');
      // IEEE specials read as floats so that printed `inf` / `-inf` / `NaN` read back.
      const special = SPECIAL_FLOATS[name];
      if (special !== undefined) return this.node('float', start, end, [], special);
      return this.node('symbol', start, end, [], name);
    }
    // A bad character: consume it (and any glued symbol characters) as one error node.
    let end = start + (c.codePointAt(0)! > 0xffff ? 2 : 1);
    while (end < t.length && isSymbolChar(t[end]!)) end++;
    this.pos = end;
    this.error(`unexpected character: '${c}'`, start, start + 1);
    return this.node('error', start, end, [], t.slice(start, end));
  }

  collection(kind: SyntaxNode['kind'], start: number, openLen: number, closer: string): SyntaxNode {
    const t = this.text;
    this.pos = start + openLen;
    const children: SyntaxNode[] = [];
    this.openStack.push(closer);
    let close: Span | undefined;
    for (;;) {
      this.skipTrivia();
      if (this.pos >= t.length) {
        const what = kind === 'short-lambda' ? 'short lambda #(...)' : kind;
        this.error(`unterminated ${what}`, start, start + openLen, `add \`${closer}\` to close it`);
        break;
      }
      const c = t[this.pos]!;
      if (c === ')' || c === ']' || c === '}') {
        if (c === closer) {
          close = this.sp(this.pos, this.pos + 1);
          this.pos++;
          break;
        }
        // Mismatched: if an outer collection expects this closer, stop here unclosed and
        // let the outer one take it; otherwise report the stray closer and skip it.
        const opener = t.slice(start, start + openLen);
        this.error(`mismatched bracket: expected \`${closer}\` to close \`${opener}\`, found \`${c}\``, this.pos, this.pos + 1);
        if (this.openStack.slice(0, -1).includes(c)) break;
        this.pos++;
        continue;
      }
      children.push(this.parseForm());
    }
    this.openStack.pop();
    const n: SyntaxNode = {
      kind: kind as NodeKind,
      span: this.sp(start, this.pos),
      children,
      text: '',
      open: this.sp(start, start + openLen),
      ...(close ? { close } : {}),
    };
    if (kind === 'map' && children.length % 2 !== 0 && close) {
      this.error('map literal must have even number of forms', start, this.pos);
    }
    return n;
  }

  prefix(kind: NodeKind, start: number, len: number, missing: string): SyntaxNode {
    this.pos = start + len;
    this.skipTrivia();
    if (this.pos >= this.text.length || this.atCloser()) {
      this.error(missing, start, start + len);
      return this.node(kind, start, start + len, [], '');
    }
    const target = this.parseForm();
    return this.node(kind, start, this.pos, [target], '');
  }

  string(start: number): SyntaxNode {
    const t = this.text;
    let i = start + 1;
    let out = '';
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\' && i + 1 < t.length) {
        const r = readEscape(t, i + 1);
        if (r.error) this.error(r.error, i, r.end);
        out += r.value;
        i = r.end;
      } else {
        out += t[i];
        i++;
      }
    }
    if (i >= t.length) {
      this.error('unterminated string', start, start + 1, 'add a closing `"`');
      this.pos = t.length;
    } else this.pos = i + 1;
    return this.node('string', start, this.pos, [], out);
  }

  keyword(start: number): SyntaxNode {
    const t = this.text;
    let end = start + 1;
    while (end < t.length && isSymbolChar(t[end]!)) end++;
    this.pos = end;
    if (end === start + 1) {
      this.error("expected keyword name after ':'", start, end);
      return this.node('error', start, end, [], ':');
    }
    return this.node('keyword', start, end, [], t.slice(start + 1, end));
  }

  hash(start: number): SyntaxNode {
    const t = this.text;
    const next = t[start + 1];
    if (next === '(') return this.collection('short-lambda', start, 2, ')');
    if (next === 'u' && t[start + 2] === '8' && t[start + 3] === '(') return this.collection('bytevector', start, 4, ')');
    if (next === '"') return this.regex(start);
    if (next === '\\') return this.char(start);
    if (next === 't' || next === 'f') {
      let end = start + 2;
      while (end < t.length && isSymbolChar(t[end]!)) end++;
      const word = t.slice(start + 1, end);
      if (word === 't' || word === 'true' || word === 'f' || word === 'false') {
        this.pos = end;
        return this.node('bool', start, end, [], word.startsWith('t') ? '#t' : '#f');
      }
    }
    let end = start + 1;
    while (end < t.length && !isDelimiter(t[end]!)) end++;
    this.pos = Math.max(end, start + 1);
    if (next === undefined) this.error('unexpected end of input after `#`', start, start + 1, '# starts #t, #f, #\\char, #u8(...), #(...)');
    else this.error(`unexpected character after #: '${next}'`, start, this.pos);
    return this.node('error', start, this.pos, [], t.slice(start, this.pos));
  }

  regex(start: number): SyntaxNode {
    const t = this.text;
    let i = start + 2;
    let out = '';
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\' && t[i + 1] === '"') {
        out += '"';
        i += 2;
      } else out += t[i++];
    }
    if (i >= t.length) {
      this.error('unterminated regex literal', start, start + 2, 'add a closing `"`');
      this.pos = t.length;
    } else this.pos = i + 1;
    return this.node('string', start, this.pos, [], out);
  }

  char(start: number): SyntaxNode {
    const t = this.text;
    const first = start + 2;
    if (first >= t.length) {
      this.error('unexpected end of input after #\\', start, first);
      this.pos = first;
      return this.node('error', start, first, [], t.slice(start));
    }
    const cp = t.codePointAt(first)!;
    const firstLen = cp > 0xffff ? 2 : 1;
    let end = first + firstLen;
    if (/\p{L}/u.test(String.fromCodePoint(cp))) {
      while (end < t.length && isSymbolChar(t[end]!)) end++;
    }
    this.pos = end;
    const name = t.slice(first, end);
    const named = NAMED_CHARS[name];
    if (named !== undefined) return this.node('char', start, end, [], named);
    if (end - first === firstLen) return this.node('char', start, end, [], name);
    if (/^x[0-9a-fA-F]+$/.test(name)) {
      const code = parseInt(name.slice(1), 16);
      if (code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) return this.node('char', start, end, [], String.fromCodePoint(code));
    }
    this.error(`unknown character name: ${name}`, start, end);
    return this.node('error', start, end, [], t.slice(start, end));
  }

  fstring(start: number): SyntaxNode {
    const t = this.text;
    let i = start + 2;
    const parts: string[] = [];
    const children: SyntaxNode[] = [];
    let current = '';
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\' && i + 1 < t.length) {
        const r = readEscape(t, i + 1);
        if (r.error) this.error(r.error, i, r.end);
        current += r.value;
        i = r.end;
      } else if (t[i] === '$' && t[i + 1] === '{') {
        const exprStart = i + 2;
        let depth = 1;
        let j = exprStart;
        while (j < t.length && depth > 0) {
          if (t[j] === '{') depth++;
          else if (t[j] === '}') depth--;
          if (depth > 0) j++;
        }
        if (depth !== 0) {
          this.error('unterminated interpolation in f-string', i, exprStart, 'add a closing `}`');
          i = t.length;
          break;
        }
        const inner = parse(t.slice(exprStart, j), exprStart + this.base);
        this.diagnostics.push(...inner.diagnostics);
        if (inner.nodes.length === 0) this.error('empty interpolation in f-string', i, j + 1);
        else if (inner.nodes.length > 1) this.error('f-string interpolation must be a single expression', i, j + 1);
        if (inner.nodes[0]) {
          parts.push(current);
          current = '';
          children.push(inner.nodes[0]);
        }
        i = j + 1;
      } else {
        current += t[i];
        i++;
      }
    }
    parts.push(current);
    if (i >= t.length) {
      this.error('unterminated f-string', start, start + 2, 'add a closing `"`');
      this.pos = t.length;
    } else this.pos = i + 1;
    return { kind: 'fstring', span: this.sp(start, this.pos), children, text: '', parts };
  }
}

const SPECIAL_FLOATS: Record<string, string> = {
  inf: 'Infinity',
  '+inf': 'Infinity',
  Inf: 'Infinity',
  Infinity: 'Infinity',
  '+Infinity': 'Infinity',
  '-inf': '-Infinity',
  '-Infinity': '-Infinity',
  nan: 'NaN',
  NaN: 'NaN',
  NAN: 'NaN',
  '+nan': 'NaN',
  '-nan': 'NaN',
};

const NAMED_CHARS: Record<string, string> = {
  space: ' ',
  newline: '\n',
  tab: '\t',
  return: '\r',
  nul: '\0',
  null: '\0',
  alarm: '\x07',
  backspace: '\b',
  delete: '\x7f',
  escape: '\x1b',
  linefeed: '\n',
};

/**
 * Reads all forms of `text`. `base` is added to every offset (for text embedded in a
 * larger document, such as f-string interpolations).
 */
export function parse(text: string, base = 0): ParseResult {
  const p = new Parser(text, base);
  p.parseAll();
  return { nodes: p.nodes, comments: p.comments, diagnostics: p.diagnostics };
}

export { CLOSER_OF };
