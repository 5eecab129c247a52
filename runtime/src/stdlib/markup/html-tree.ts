// HTML5 tree building, the parts that shape ordinary documents: the implied html/head/body,
// head-only elements, void elements, the implied end tags of p/li/dd/dt/option/headings,
// implied tbody/tr in tables, and end tags that close everything above their element.
// Serialization follows html5ever's (scraper's `html()`), so outputs compare with the reference.

import { tokenize, type Token } from './html-tokens';

export interface HNode {
  type: 'document' | 'element' | 'text' | 'comment' | 'doctype';
  name: string;              // tag or doctype name
  attrs: [string, string][];
  text: string;
  children: HNode[];
  parent: HNode | null;
}

function node(type: HNode['type'], name = '', parent: HNode | null = null): HNode {
  return { type, name, attrs: [], text: '', children: [], parent };
}

export const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'basefont', 'bgsound', 'frame']);
const HEAD_ONLY = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'style', 'script', 'noscript', 'template']);
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'dd', 'dt', 'listing',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'search', 'summary', 'table', 'ul', 'xmp', 'plaintext']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that bound the search for an open element (a simplified "has in scope"). */
const SCOPE = new Set(['html', 'table', 'td', 'th', 'caption', 'marquee', 'object', 'applet', 'template']);
const MAX_DEPTH = 512;
/** Formatting elements stay "active" past the elements that close them and reopen where text continues. */
const FORMATTING = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
const MARKERS = new Set(['td', 'th', 'caption', 'applet', 'marquee', 'object', 'template']);
const NO_RECONSTRUCT = new Set([...CLOSES_P, 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'col', 'colgroup']);
/** Bounds the reopening work on hostile input (HTML5 itself keeps at most 3 alike). */
const MAX_ACTIVE = 64;

class TreeBuilder {
  readonly doc = node('document');
  private readonly html = node('element', 'html', this.doc);
  private readonly head = node('element', 'head', this.html);
  private readonly body = node('element', 'body', this.html);
  private stack: HNode[] = [];
  private inBody = false;
  private htmlInserted = false;

  private get current(): HNode {
    return this.stack[this.stack.length - 1] ?? this.body;
  }

  private ensureHtml(): void {
    if (this.htmlInserted) return;
    this.htmlInserted = true;
    this.doc.children.push(this.html);
    this.html.children.push(this.head);
  }

  private enterBody(): void {
    this.ensureHtml();
    if (this.inBody) return;
    this.inBody = true;
    this.html.children.push(this.body);
    this.stack = [this.body];
  }

  private appendText(parent: HNode, text: string): void {
    const last = parent.children[parent.children.length - 1];
    if (last && last.type === 'text') { last.text += text; return; }
    const t = node('text', '', parent);
    t.text = text;
    parent.children.push(t);
  }

  private insert(name: string, attrs: [string, string][], parent: HNode): HNode {
    const el = node('element', name, parent);
    el.attrs = attrs;
    parent.children.push(el);
    return el;
  }

  /** Index in the stack of the nearest open `name`, stopping at scope boundaries. */
  private inScope(names: Set<string> | string, boundaries = SCOPE): number {
    for (let i = this.stack.length - 1; i >= 1; i--) {
      const n = this.stack[i]!.name;
      if (typeof names === 'string' ? n === names : names.has(n)) return i;
      if (boundaries.has(n)) return -1;
    }
    return -1;
  }

  private popTo(i: number): void {
    const keep = Math.max(1, i);
    for (let j = this.stack.length - 1; j >= keep; j--) if (MARKERS.has(this.stack[j]!.name)) this.clearToMarker();
    this.stack.length = keep;
  }

  /** The active formatting elements; null is a marker (a table cell or similar boundary). */
  private active: (HNode | null)[] = [];

  private clearToMarker(): void {
    while (this.active.length > 0 && this.active.pop() !== null) { /* drop entries up to the marker */ }
  }

  /** Reopens the active formatting elements that were closed, in order (HTML5 "reconstruct"). */
  private reconstruct(): void {
    const n = this.active.length;
    const last = this.active[n - 1];
    if (last === undefined || last === null || this.stack.includes(last)) return;
    let i = n - 1;
    while (i > 0) {
      const e = this.active[i - 1];
      if (e === null || e === undefined || this.stack.includes(e)) break;
      i--;
    }
    for (; i < n; i++) {
      const e = this.active[i]!;
      const clone = this.insert(e.name, e.attrs.map(([k, v]) => [k, v]), this.current);
      this.stack.push(clone);
      this.active[i] = clone;
    }
  }

  /** The active formatting element named `name` after the last marker, as an index. */
  private activeIndex(name: string): number {
    for (let i = this.active.length - 1; i >= 0; i--) {
      const e = this.active[i];
      if (e === null || e === undefined) return -1;
      if (e.name === name) return i;
    }
    return -1;
  }

  private pushActive(el: HNode): void {
    const same = this.active.filter((e) => e !== null && e.name === el.name && sameAttrs(e, el));
    if (same.length >= 3) this.active.splice(this.active.indexOf(same[0]!), 1);
    if (this.active.length >= MAX_ACTIVE) this.active.splice(this.active.findIndex((e) => e !== null), 1);
    this.active.push(el);
  }

  private closeIfOpen(names: Set<string> | string, boundaries = SCOPE): void {
    const i = this.inScope(names, boundaries);
    if (i >= 0) this.popTo(i);
  }

  token(t: Token): void {
    switch (t.type) {
      case 'doctype':
        if (!this.htmlInserted && this.doc.children.length === 0) this.doc.children.push(Object.assign(node('doctype', t.name, this.doc)));
        return;
      case 'comment': {
        const c = node('comment', '', null);
        c.text = t.text;
        const parent = this.inBody ? this.current : this.htmlInserted ? this.head : this.doc;
        c.parent = parent;
        parent.children.push(c);
        return;
      }
      case 'text': {
        if (!this.inBody) {
          const lead = /^[ \t\n\f]*/.exec(t.text)![0];
          if (this.htmlInserted && lead !== '') this.appendText(this.head.children.length > 0 || this.headClosed ? this.html : this.head, lead);
          const rest = t.text.slice(lead.length);
          if (rest === '') return;
          this.enterBody();
          this.reconstruct();
          this.appendText(this.current, rest);
          return;
        }
        this.reconstruct();
        this.appendText(this.current, t.text);
        return;
      }
      case 'start': return this.startTag(t.name, t.attrs);
      case 'end': return this.endTag(t.name);
    }
  }

  private headClosed = false;

  private startTag(name: string, attrs: [string, string][]): void {
    if (name === 'html') { this.ensureHtml(); mergeAttrs(this.html, attrs); return; }
    if (!this.inBody) {
      if (name === 'head') { this.ensureHtml(); mergeAttrs(this.head, attrs); return; }
      if (HEAD_ONLY.has(name) && !this.headClosed) {
        this.ensureHtml();
        const el = this.insert(name, attrs, this.head);
        if (!VOID.has(name)) this.headOpen = el;
        return;
      }
      this.enterBody();
      if (name === 'body') { mergeAttrs(this.body, attrs); return; }
    } else if (name === 'body' || name === 'head') {
      if (name === 'body') mergeAttrs(this.body, attrs);
      return;
    }
    if (this.stack.length >= MAX_DEPTH) this.popTo(this.stack.length - 1);
    if (CLOSES_P.has(name)) this.closeIfOpen('p', new Set([...SCOPE, 'button']));
    if (HEADINGS.has(name) && HEADINGS.has(this.current.name)) this.popTo(this.stack.length - 1);
    if (name === 'li') this.closeIfOpen('li', new Set([...SCOPE, 'ol', 'ul']));
    if (name === 'dd' || name === 'dt') this.closeIfOpen(new Set(['dd', 'dt']), new Set([...SCOPE, 'dl']));
    if (name === 'option' && this.current.name === 'option') this.popTo(this.stack.length - 1);
    if (name === 'a' && this.activeIndex('a') >= 0) this.endTag('a');
    if (name === 'tr' || name === 'tbody' || name === 'thead' || name === 'tfoot') this.closeIfOpen(new Set(['tr', 'td', 'th']), new Set(['table', 'html']));
    if (name === 'tbody' || name === 'thead' || name === 'tfoot') this.closeIfOpen(new Set(['tbody', 'thead', 'tfoot']), new Set(['table', 'html']));
    if (name === 'td' || name === 'th') this.closeIfOpen(new Set(['td', 'th']), new Set(['table', 'tr', 'html']));
    if (name === 'tr' && this.current.name === 'table') this.stack.push(this.insert('tbody', [], this.current));
    if ((name === 'td' || name === 'th') && (this.current.name === 'table' || this.current.name === 'tbody' || this.current.name === 'thead' || this.current.name === 'tfoot')) {
      if (this.current.name === 'table') this.stack.push(this.insert('tbody', [], this.current));
      this.stack.push(this.insert('tr', [], this.current));
    }
    if (!NO_RECONSTRUCT.has(name)) this.reconstruct();
    const el = this.insert(name, attrs, this.current);
    if (!VOID.has(name)) this.stack.push(el);
    if (FORMATTING.has(name)) this.pushActive(el);
    if (MARKERS.has(name)) this.active.push(null);
  }

  private headOpen: HNode | null = null;

  private endTag(name: string): void {
    if (!this.inBody) {
      if (name === 'head') { this.headClosed = true; return; }
      if (this.headOpen && this.headOpen.name === name) { this.headOpen = null; return; }
      if (name !== 'br' && name !== 'body' && name !== 'html') return;
      this.enterBody();
    }
    if (name === 'body' || name === 'html') return;
    if (name === 'br') { this.reconstruct(); this.insert('br', [], this.current); return; }
    const k = FORMATTING.has(name) ? this.activeIndex(name) : -1;
    if (k >= 0) {
      const el = this.active[k]!;
      this.active.splice(k, 1);
      const at = this.stack.lastIndexOf(el);
      if (at >= 0) this.popTo(at);
      return;
    }
    if (name === 'p' && this.inScope('p', new Set([...SCOPE, 'button'])) < 0) { this.insert('p', [], this.current); return; }
    const tablePart = ['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption'].includes(name);
    const i = this.inScope(name, tablePart ? new Set(name === 'table' ? ['html'] : ['html', 'table']) : SCOPE);
    if (i >= 0) this.popTo(i);
  }

  /** Text tokens while a head element (title, style, script) is open go inside it. */
  feed(t: Token): void {
    if (!this.inBody && this.headOpen && t.type === 'text') { this.appendText(this.headOpen, t.text); return; }
    this.token(t);
  }

  finish(): HNode {
    this.enterBody();
    return this.doc;
  }
}

function sameAttrs(a: HNode, b: HNode): boolean {
  return a.attrs.length === b.attrs.length && a.attrs.every(([k, v]) => b.attrs.some(([k2, v2]) => k === k2 && v === v2));
}

function mergeAttrs(el: HNode, attrs: [string, string][]): void {
  for (const [k, v] of attrs) if (!el.attrs.some(([n]) => n === k)) el.attrs.push([k, v]);
}

export function parseHtml(html: string): HNode {
  const b = new TreeBuilder();
  for (const t of tokenize(html)) b.feed(t);
  return b.finish();
}

const RAW_SERIALIZED = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

function escapeHtmlText(s: string, attr: boolean): string {
  return s.replace(attr ? /[&\u00a0"]/g : /[&\u00a0<>]/g, (c) => (c === '&' ? '&amp;' : c === '\u00a0' ? '&nbsp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));
}

/** html5ever's serialization of a node (outer HTML), or of its children only. */
export function serialize(n: HNode, childrenOnly = false): string {
  const out: string[] = [];
  // An explicit stack instead of recursion, so deep documents cannot overflow.
  const work: (HNode | string)[] = childrenOnly ? [...n.children].reverse() : [n];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') { out.push(item); continue; }
    switch (item.type) {
      case 'document': for (let i = item.children.length - 1; i >= 0; i--) work.push(item.children[i]!); break;
      case 'doctype': out.push(`<!DOCTYPE ${item.name}>`); break;
      case 'comment': out.push(`<!--${item.text}-->`); break;
      case 'text': out.push(item.parent && RAW_SERIALIZED.has(item.parent.name) ? item.text : escapeHtmlText(item.text, false)); break;
      case 'element': {
        out.push('<' + item.name + item.attrs.map(([k, v]) => ` ${k}="${escapeHtmlText(v, true)}"`).join('') + '>');
        if (VOID.has(item.name)) break;
        work.push(`</${item.name}>`);
        for (let i = item.children.length - 1; i >= 0; i--) work.push(item.children[i]!);
        break;
      }
    }
  }
  return out.join('');
}

/** The text nodes under `n` in document order (what scraper's `text()` iterates). */
export function textNodes(n: HNode): string[] {
  const out: string[] = [];
  const work: HNode[] = [n];
  while (work.length > 0) {
    const item = work.pop()!;
    if (item.type === 'text') out.push(item.text);
    for (let i = item.children.length - 1; i >= 0; i--) work.push(item.children[i]!);
  }
  return out;
}
