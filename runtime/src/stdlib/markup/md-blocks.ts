// CommonMark block structure (no extensions, as the reference's pulldown-cmark is run
// without options): one pass over the lines keeps a chain of open blocks, each line first
// continues the open containers, then may open new blocks, then adds its text to the tip.

import { parseLinkRefDef, type LinkRefs } from './md-linkref';
import { canContain, expandTabs, HTML_END, htmlBlockStart, isTight, stripColumns } from './md-block-rules';

export type BlockType = 'document' | 'blockquote' | 'list' | 'item' | 'paragraph' | 'heading' | 'code' | 'html' | 'hr';

export interface Block {
  type: BlockType;
  parent: Block | null;
  children: Block[];
  open: boolean;
  startLine: number;
  endLine: number;        // last source line the block holds (blank lines after it excluded)
  lines: string[];
  level: number;          // heading level
  ordered: boolean;       // list
  start: number;          // list start number
  marker: string;         // list bullet char or ordered delimiter
  tight: boolean;
  contentIndent: number;  // item: columns its content starts after the marker
  fenced: boolean;        // code
  fenceChar: string;
  fenceLen: number;
  fenceIndent: number;
  info: string;
  htmlType: number;
  /** An HTML block running to the end of a source without a final newline: its last line has none either. */
  unterminated: boolean;
}

function block(type: BlockType, parent: Block | null, line: number): Block {
  return {
    type, parent, children: [], open: true, startLine: line, endLine: line, lines: [], level: 0,
    ordered: false, start: 1, marker: '', tight: true, contentIndent: 0, fenced: false, fenceChar: '',
    fenceLen: 0, fenceIndent: 0, info: '', htmlType: 0, unterminated: false,
  };
}

const MAX_DEPTH = 200;

class BlockParser {
  readonly doc = block('document', null, 0);
  tip: Block = this.doc;
  refs: LinkRefs = new Map();
  private lineNo = 0;
  private line = '';
  private pos = 0;
  private blank = false;
  private raw = '';

  private indentAt(p: number): number {
    let n = 0;
    while (this.line[p + n] === ' ') n++;
    return n;
  }

  private add(type: BlockType, parent: Block): Block {
    let p = parent;
    while (!canContain(p.type, type)) { this.finalize(p); p = p.parent!; }
    const b = block(type, p, this.lineNo);
    p.children.push(b);
    this.tip = b;
    return b;
  }

  finalize(b: Block): void {
    if (!b.open) return;
    b.open = false;
    if (b.type === 'paragraph') {
      let text = b.lines.join('\n');
      for (;;) {
        const def = parseLinkRefDef(text);
        if (!def) break;
        if (!this.refs.has(def.label)) this.refs.set(def.label, { href: def.href, title: def.title });
        text = text.slice(def.consumed);
      }
      b.lines = text === '' ? [] : text.split('\n');
      if (b.lines.length === 0) b.parent!.children.splice(b.parent!.children.indexOf(b), 1);
    } else if (b.type === 'code' && !b.fenced) {
      while (b.lines.length > 0 && b.lines[b.lines.length - 1]!.trim() === '') b.lines.pop();
    } else if (b.type === 'item' || b.type === 'list') {
      const last = b.children[b.children.length - 1];
      b.endLine = last ? last.endLine : b.startLine;
      if (b.type === 'list') b.tight = isTight(b);
    }
    this.tip = b.parent ?? this.doc;
  }

  /** Tries to continue an open block with the current line: 0 matched, 1 failed, 2 matched and the line is used up. */
  private continues(b: Block): number {
    const indent = this.indentAt(this.pos);
    switch (b.type) {
      case 'blockquote':
        if (indent <= 3 && this.line[this.pos + indent] === '>') {
          this.pos += indent + 1;
          if (this.line[this.pos] === ' ') this.pos++;
          return 0;
        }
        return 1;
      case 'item':
        if (this.blank) {
          if (b.children.length === 0) return 1;
          this.pos += indent;
          return 0;
        }
        if (indent >= b.contentIndent) { this.pos += b.contentIndent; return 0; }
        return 1;
      case 'code':
        if (b.fenced) {
          const rest = this.line.slice(this.pos + indent);
          if (indent <= 3 && rest.startsWith(b.fenceChar.repeat(b.fenceLen))) {
            const m = /^(`+|~+)[ ]*$/.exec(rest);
            if (m && m[1]![0] === b.fenceChar && m[1]!.length >= b.fenceLen) { this.finalize(b); return 2; }
          }
          this.pos += Math.min(indent, b.fenceIndent);
          return 0;
        }
        if (indent >= 4) { this.pos += 4; return 0; }
        if (this.blank) { this.pos += indent; return 0; }
        return 1;
      case 'html':
        return this.blank && (b.htmlType === 6 || b.htmlType === 7) ? 1 : 0;
      case 'paragraph':
        return this.blank ? 1 : 0;
      case 'heading':
      case 'hr':
        return 1;
      default:
        return 0;
    }
  }

  /** Opens the new blocks the rest of the line starts; returns the innermost container. */
  private openBlocks(container: Block, allMatched: boolean): Block {
    let depth = 0;
    for (let p: Block | null = container; p; p = p.parent) depth++;
    for (;; depth++) {
      // Past this depth further `>` and list markers are plain text: rendering stays bounded.
      if (depth > MAX_DEPTH) return container;
      if (container.type === 'code' || container.type === 'html') return container;
      const indent = this.indentAt(this.pos);
      const at = this.pos + indent;
      const rest = this.line.slice(at);
      const inParagraph = this.tip.type === 'paragraph' && allMatched;
      if (indent >= 4) {
        if (!this.blank && !inParagraph) {
          this.pos += 4;
          this.closeDown(container);
          return this.add('code', container);
        }
        return container;
      }
      if (rest[0] === '>') {
        this.pos = at + 1;
        if (this.line[this.pos] === ' ') this.pos++;
        this.closeDown(container);
        container = this.add('blockquote', container);
        continue;
      }
      let m = /^(#{1,6})(?:[ \t]+|$)/.exec(rest);
      if (m) {
        this.closeDown(container);
        const h = this.add('heading', container);
        h.level = m[1]!.length;
        let text = rest.slice(m[0].length).replace(/[ \t]+$/, '');
        text = text.replace(/(?:^|[ \t]+)#+$/, '').replace(/[ \t]+$/, '');
        h.lines = [text];
        this.pos = this.line.length;
        return h;
      }
      m = /^(`{3,}|~{3,})(.*)$/.exec(rest);
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
        this.closeDown(container);
        const c = this.add('code', container);
        c.fenced = true;
        c.fenceChar = m[1]![0]!;
        c.fenceLen = m[1]!.length;
        c.fenceIndent = indent;
        c.info = m[2]!.trim();
        this.pos = this.line.length;
        return c;
      }
      const htmlType = htmlBlockStart(rest, inParagraph);
      if (htmlType > 0) {
        this.closeDown(container);
        const h = this.add('html', container);
        h.htmlType = htmlType;
        return h;
      }
      if (inParagraph && container === this.tip && /^(?:=+|-+)[ ]*$/.test(rest)) {
        const para = this.tip;
        this.finalize(para);
        if (para.lines.length > 0) {
          para.type = 'heading';
          para.level = rest[0] === '=' ? 1 : 2;
          para.lines = [para.lines.join('\n').trim()];
          this.pos = this.line.length;
          return para;
        }
      }
      if (/^(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$/.test(rest)) {
        this.closeDown(container);
        this.add('hr', container);
        this.pos = this.line.length;
        return this.tip;
      }
      const item = this.listMarker(rest, at, inParagraph);
      if (item) {
        this.closeDown(container);
        if (container.type !== 'list' || container.ordered !== item.ordered || container.marker !== item.marker) {
          container = this.add('list', container);
          container.ordered = item.ordered;
          container.marker = item.marker;
          container.start = item.start;
        }
        const it = this.add('item', container);
        it.contentIndent = item.contentIndent;
        this.pos = item.contentStart;
        container = it;
        continue;
      }
      return container;
    }
  }

  private listMarker(rest: string, at: number, inParagraph: boolean) {
    const m = /^(?:([-+*])|([0-9]{1,9})([.)]))(?=[ ]|$)/.exec(rest);
    if (!m) return null;
    const ordered = m[1] === undefined;
    const start = ordered ? parseInt(m[2]!, 10) : 1;
    const after = rest.slice(m[0].length);
    const blankItem = after.trim() === '';
    if (inParagraph && (blankItem || (ordered && start !== 1))) return null;
    let spaces = 0;
    while (after[spaces] === ' ') spaces++;
    if (spaces > 4 || blankItem) spaces = 1;
    const markerEnd = at + m[0].length;
    return { ordered, start, marker: ordered ? m[3]! : m[1]!, contentIndent: markerEnd - this.pos + spaces, contentStart: Math.min(markerEnd + spaces, this.line.length) };
  }

  /** Closes the open blocks below `container` before a new block starts there. */
  private closeDown(container: Block): void {
    while (this.tip !== container && this.tip !== this.doc) {
      const t = this.tip;
      this.finalize(t);
      if (t.parent === container) break;
    }
    this.tip = container;
  }

  feed(raw: string): void {
    this.raw = raw;
    this.lineNo++;
    this.line = expandTabs(raw);
    this.pos = 0;
    this.blank = this.line.trim() === '';
    let container = this.doc;
    let allMatched = true;
    while (container.children.length > 0) {
      const last = container.children[container.children.length - 1]!;
      if (!last.open) break;
      const r = this.continues(last);
      if (r === 2) return;
      if (r === 1) { allMatched = false; break; }
      container = last;
    }
    const lastMatched = container;
    // A paragraph line that starts nothing new continues the paragraph lazily.
    const tip = this.deepestOpen();
    if (!allMatched && !this.blank && tip.type === 'paragraph' && !this.startsBlock(lastMatched.type === 'list')) {
      tip.lines.push(this.line.slice(this.pos).replace(/^[ ]+/, ''));
      for (let p: Block | null = tip; p; p = p.parent) p.endLine = this.lineNo;
      return;
    }
    this.tip = tip;
    container = this.openBlocks(lastMatched, allMatched);
    if (container.open) this.closeDown(container);
    const rest = this.line.slice(this.pos);
    if (!this.blank || (container.type === 'code' && container.fenced) || container.type === 'html') {
      for (let p: Block | null = container; p; p = p.parent) p.endLine = this.lineNo;
    }
    if (container.type === 'code' && container.fenced && container.startLine === this.lineNo) {
      // the opening fence line carries only the info string
    } else if (container.type === 'code' || container.type === 'html') {
      // At top level the source line is at hand: code keeps the tabs of its text literal.
      const topLevel = container.parent === this.doc && this.raw.includes('\t');
      container.lines.push(topLevel && container.type === 'code' ? stripColumns(this.raw, container.fenced ? Math.min(this.indentAt(0), container.fenceIndent) : 4) : rest);
      if (container.type === 'html' && container.htmlType <= 5 && HTML_END[container.htmlType]!.test(rest)) this.finalize(container);
    } else if (container.type === 'heading' || container.type === 'hr') {
      // complete on their own line
    } else if (rest.trim() === '') {
      // nothing to add (a list marker or `>` with nothing after it)
    } else if (container.type === 'paragraph') {
      container.lines.push(rest.replace(/^[ ]+/, ''));
    } else {
      this.add('paragraph', container).lines.push(rest.replace(/^[ ]+/, ''));
    }
    this.tip = this.deepestOpen();
  }

  /** Whether the rest of the line would open a block that interrupts a paragraph. */
  private startsBlock(inList: boolean): boolean {
    const indent = this.indentAt(this.pos);
    if (indent >= 4) return false;
    const rest = this.line.slice(this.pos + indent);
    return rest[0] === '>' || /^#{1,6}(?:[ ]|$)/.test(rest) || /^(?:`{3,}|~{3,})/.test(rest) || htmlBlockStart(rest, true) > 0 ||
      /^(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$/.test(rest) || (inList ? /^(?:[-+*]|[0-9]{1,9}[.)])(?:[ ]|$)/ : /^(?:[-+*]|1[.)])[ ]+\S/).test(rest);
  }

  private deepestOpen(): Block {
    let b = this.doc;
    for (;;) {
      const last = b.children[b.children.length - 1];
      if (!last || !last.open) return b;
      b = last;
    }
  }

  finish(): Block {
    let b: Block | null = this.deepestOpen();
    while (b) { this.finalize(b); b = b.parent; }
    return this.doc;
  }
}

export function parseBlocks(md: string): { doc: Block; refs: LinkRefs } {
  const p = new BlockParser();
  const lines = md.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) p.feed(line.replace(/\0/g, '\ufffd'));
  const doc = p.finish();
  let last = doc.children[doc.children.length - 1];
  while (last && last.children.length > 0) last = last.children[last.children.length - 1];
  const openEnded = (last?.type === 'html' || (last?.type === 'code' && last.fenced && last.open === false && last.lines.length > 0)) && last.endLine === lines.length;
  if (last && openEnded && !/[\r\n]$/.test(md)) last.unterminated = true;
  return { doc, refs: p.refs };
}
