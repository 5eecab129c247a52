// HTML5 tree building (the insertion modes folded into one builder): the implied
// html/head/body, head elements, void elements, implied end tags (p, li, dd/dt, option,
// headings), tables (implied tbody/tr, foster parenting, cells), selects, forms, the
// active formatting elements (reopened across blocks; adoption agency in html-adoption.ts)
// and quirks mode's p-around-table. Frames, templates, foreign content (svg/math) and
// the Noah's-ark details beyond a fixed bound are not modelled.

import { tokenize, type Token } from './html-tokens';
import { adoptionAgency, type AdoptionState } from './html-adoption';

import {
  node, CLOSES_P, FORMATTING, HEAD_ONLY, HEADINGS, IN_TABLE, LIST_ITEM_SCOPE, MARKERS, MAX_ACTIVE, MAX_DEPTH, NO_RECONSTRUCT,
  RAW_TEXT_PARENTS, SCOPE, SPECIAL, TABLE_CONTEXT, TABLE_PARTS, VOID, type HNode,
} from './html-elements';

export type { HNode } from './html-elements';

class TreeBuilder {
  readonly doc = node('document');
  private readonly html = node('element', 'html', this.doc);
  private readonly head = node('element', 'head', this.html);
  private readonly body = node('element', 'body', this.html);
  private readonly stack: HNode[] = [];
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
    this.stack.length = 0;
    this.stack.push(this.body);
  }

  private appendText(parent: HNode, text: string, before?: HNode): void {
    const at = before ? parent.children.indexOf(before) : parent.children.length;
    const last = parent.children[at - 1];
    if (last && last.type === 'text') { last.text += text; return; }
    const t = node('text', '', parent);
    t.text = text;
    parent.children.splice(at, 0, t);
  }

  private insert(name: string, attrs: [string, string][], parent: HNode, before?: HNode): HNode {
    const el = node('element', name, parent);
    el.attrs = attrs;
    parent.children.splice(before ? parent.children.indexOf(before) : parent.children.length, 0, el);
    return el;
  }

  /** Content that may not sit in a table's own structure goes just before the table ("foster parenting"). */
  private fosterTarget(target = this.current): { parent: HNode; before: HNode } | undefined {
    if (!TABLE_CONTEXT.has(target.name)) return undefined;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const t = this.stack[i]!;
      if (t.name === 'table') return t.parent ? { parent: t.parent, before: t } : undefined;
    }
    return undefined;
  }

  /** An empty element where the next node would go (fostered out of a table if need be). */
  private insertHere(name: string): void {
    const f = this.fosterTarget();
    if (f) this.insert(name, [], f.parent, f.before);
    else this.insert(name, [], this.current);
  }

  private text(text: string): void {
    const f = /[^ \t\n\f\r]/.test(text) ? this.fosterTarget() : undefined;
    if (f) this.appendText(f.parent, text, f.before);
    else this.appendText(this.current, text);
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
  private readonly active: (HNode | null)[] = [];

  // Shares the builder's arrays, which are only ever changed in place.
  private readonly adoption: AdoptionState = {
    stack: this.stack,
    active: this.active,
    special: SPECIAL,
    inScope: (el) => {
      for (let i = this.stack.length - 1; i >= 1; i--) {
        const n = this.stack[i]!;
        if (n === el) return true;
        if (SCOPE.has(n.name)) return false;
      }
      return false;
    },
    clone: (el) => {
      const c = node('element', el.name, null);
      c.attrs = el.attrs.map(([k, v]) => [k, v]);
      return c;
    },
    place: (parent, child) => {
      const f = TABLE_CONTEXT.has(parent.name) ? this.fosterTarget(parent) : undefined;
      const p = f ? f.parent : parent;
      child.parent = p;
      p.children.splice(f ? p.children.indexOf(f.before) : p.children.length, 0, child);
    },
    popTo: (i) => this.popTo(i),
  };

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
      const f = this.fosterTarget();
      const attrs = e.attrs.map(([k, v]): [string, string] => [k, v]);
      const clone = f ? this.insert(e.name, attrs, f.parent, f.before) : this.insert(e.name, attrs, this.current);
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

  /** An li (dd, dt) closes the open one, unless a "special" element other than address, div or p is in between. */
  private closeListItem(names: Set<string>): void {
    for (let i = this.stack.length - 1; i >= 1; i--) {
      const n = this.stack[i]!.name;
      if (names.has(n)) return this.popTo(i);
      if (SPECIAL.has(n) && n !== 'address' && n !== 'div' && n !== 'p') return;
    }
  }

  private closeIfOpen(names: Set<string> | string, boundaries = SCOPE): void {
    const i = this.inScope(names, boundaries);
    if (i >= 0) this.popTo(i);
  }

  token(t: Token): void {
    switch (t.type) {
      case 'doctype':
        if (!this.started) {
          this.doc.children.push(node('doctype', t.name, this.doc));
          this.quirks = t.name !== 'html';
        }
        this.started = true;
        return;
      case 'comment': {
        this.skipNewline = undefined;
        const c = node('comment', '', null);
        c.text = t.text;
        const parent = this.afterBody ? this.html : this.inBody ? this.current : !this.htmlInserted ? this.doc : this.headClosed ? this.html : this.head;
        c.parent = parent;
        // Before the head starts, a comment sits in html ahead of it.
        const beforeHead = parent === this.head && !this.headStarted;
        if (beforeHead) { c.parent = this.html; this.html.children.splice(this.html.children.indexOf(this.head), 0, c); } else parent.children.push(c);
        return;
      }
      case 'text': {
        if (!this.inBody) {
          const lead = /^[ \t\n\f]*/.exec(t.text)![0];
          if (this.htmlInserted && lead !== '' && (this.headStarted || this.headClosed)) this.appendText(this.headClosed ? this.html : this.head, lead);
          const rest = t.text.slice(lead.length);
          if (rest === '') return;
          this.started = true;
          this.enterBody();
          this.reconstruct();
          this.text(rest);
          return;
        }
        if (/[^ \t\n\f\r]/.test(t.text)) this.afterBody = false;
        let text = t.text;
        // A newline right after <pre>, <listing> or <textarea> is not content.
        if (this.skipNewline === this.current && text.startsWith('\n')) text = text.slice(1);
        this.skipNewline = undefined;
        if (text === '') return;
        // Whitespace right inside a table's structure stays there, and raw text is raw: nothing reopens for them.
        const tableSpace = TABLE_CONTEXT.has(this.current.name) && !/[^ \t\n\f\r]/.test(text);
        if (this.inSelect() === 0 && !tableSpace && !RAW_TEXT_PARENTS.has(this.current.name)) this.reconstruct();
        this.text(text);
        return;
      }
      case 'start':
        this.started = true;
        if (t.name !== 'html') this.afterBody = false;
        this.skipNewline = undefined;
        return this.startTag(t.name, t.attrs);
      case 'end': this.started = true; this.skipNewline = undefined; return this.endTag(t.name);
    }
  }

  private headClosed = false;
  private headStarted = false;
  /** A doctype counts only before any other content. */
  private started = false;
  private quirks = true;
  private formOpen = false;
  private skipNewline: HNode | undefined;
  /** After `</body>`: comments go to the html element. */
  private afterBody = false;

  private startTag(name: string, attrs: [string, string][]): void {
    if (name === 'html') { this.ensureHtml(); mergeAttrs(this.html, attrs); return; }
    if (!this.inBody) {
      if (name === 'head') { this.ensureHtml(); this.headStarted = true; mergeAttrs(this.head, attrs); return; }
      if (HEAD_ONLY.has(name)) {
        this.ensureHtml();
        this.headStarted = true;
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
    if (this.inSelect() > 0 && !this.selectStart(name, attrs)) return;
    // Table parts outside any table are dropped, as HTML5 does in body.
    if (TABLE_PARTS.has(name) && !this.stack.some((e) => e.name === 'table')) return;
    const inTable = this.tableMode();
    if (name === 'table' && inTable >= 0) this.closeIfOpen('table', new Set(['html']));
    else if (TABLE_PARTS.has(name) && inTable >= 0) this.popTo(inTable + 1);
    // Forms do not nest: while one is open (HTML5's form element pointer) another is dropped.
    if (name === 'form' && this.formOpen) return;
    // In a table a form is inserted empty: it cannot hold the table's parts.
    if (name === 'form' && inTable >= 0) {
      this.insert(name, attrs, this.current);
      this.formOpen = true;
      return;
    }
    if (name === 'form') this.formOpen = true;
    if (name === 'button') this.closeIfOpen('button');
    if (this.stack.length >= MAX_DEPTH) this.popTo(this.stack.length - 1);
    // Without `<!DOCTYPE html>` the document is in quirks mode, where a table may sit in a p.
    if (CLOSES_P.has(name) && !(name === 'table' && this.quirks)) this.closeIfOpen('p', new Set([...SCOPE, 'button']));
    if (HEADINGS.has(name) && HEADINGS.has(this.current.name)) this.popTo(this.stack.length - 1);
    if (name === 'li') this.closeListItem(new Set(['li']));
    if (name === 'dd' || name === 'dt') this.closeListItem(new Set(['dd', 'dt']));
    if (name === 'option' && this.current.name === 'option') this.popTo(this.stack.length - 1);
    if (name === 'a' && this.activeIndex('a') >= 0) {
      // A new link closes the open one, wherever it is.
      const old = this.active[this.activeIndex('a')]!;
      adoptionAgency(this.adoption, 'a');
      const a = this.active.indexOf(old);
      if (a >= 0) this.active.splice(a, 1);
      const at = this.stack.indexOf(old);
      if (at >= 0) this.stack.splice(at, 1);
    }
    if (name === 'tr') this.closeIfOpen('tr', new Set(['table', 'html']));
    if (name === 'tbody' || name === 'thead' || name === 'tfoot') this.closeIfOpen(new Set(['tbody', 'thead', 'tfoot']), new Set(['table', 'html']));
    if (name === 'td' || name === 'th') this.closeIfOpen(new Set(['td', 'th']), new Set(['table', 'tr', 'html']));
    if (name === 'tr' && this.current.name === 'table') this.stack.push(this.insert('tbody', [], this.current));
    if ((name === 'td' || name === 'th') && (this.current.name === 'table' || this.current.name === 'tbody' || this.current.name === 'thead' || this.current.name === 'tfoot')) {
      if (this.current.name === 'table') this.stack.push(this.insert('tbody', [], this.current));
      this.stack.push(this.insert('tr', [], this.current));
    }
    if (!NO_RECONSTRUCT.has(name)) this.reconstruct();
    const foster = IN_TABLE.has(name) ? undefined : this.fosterTarget();
    const el = foster ? this.insert(name, attrs, foster.parent, foster.before) : this.insert(name, attrs, this.current);
    if (!VOID.has(name)) this.stack.push(el);
    if (name === 'pre' || name === 'listing' || name === 'textarea') this.skipNewline = el;
    if (FORMATTING.has(name)) this.pushActive(el);
    if (MARKERS.has(name)) this.active.push(null);
  }

  private headOpen: HNode | null = null;

  private endTag(name: string): void {
    if (!this.inBody) {
      if (name === 'head') { this.ensureHtml(); this.headClosed = true; return; }
      if (this.headOpen && this.headOpen.name === name) { this.headOpen = null; return; }
      if (name !== 'br' && name !== 'body' && name !== 'html') return;
      this.enterBody();
    }
    if (name === 'body' || name === 'html') {
      this.afterBody = this.inSelect() === 0 && this.tableMode() < 0;
      return;
    }
    this.afterBody = false;
    const sel = this.inSelect();
    if (sel > 0) {
      // In a select inside a table, the table's end tags end the select first.
      if (!((TABLE_PARTS.has(name) || name === 'table') && this.stack.slice(0, sel).some((e) => e.name === 'table'))) return this.selectEnd(name);
      this.popTo(sel);
    }
    if (name === 'form') this.formOpen = false;
    if (HEADINGS.has(name)) {
      const h = this.inScope(HEADINGS);
      if (h >= 0) this.popTo(h);
      return;
    }
    if (name === 'br') { this.reconstruct(); this.insertHere('br'); return; }
    if (FORMATTING.has(name) && adoptionAgency(this.adoption, name)) return;
    if (name === 'p' && this.inScope('p', new Set([...SCOPE, 'button'])) < 0) { this.insertHere('p'); return; }
    const tablePart = ['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption'].includes(name);
    if (tablePart || SPECIAL.has(name)) {
      const i = this.inScope(name, tablePart ? new Set(name === 'table' ? ['html'] : ['html', 'table']) : name === 'li' ? LIST_ITEM_SCOPE : SCOPE);
      if (i >= 0) this.popTo(i);
      return;
    }
    // Any other end tag closes its element unless a "special" element is open inside it.
    for (let i = this.stack.length - 1; i >= 1; i--) {
      const n = this.stack[i]!.name;
      if (n === name) return this.popTo(i);
      if (SPECIAL.has(n)) return;
    }
  }

  /**
   * Index of the innermost open table structure when it is the table itself, a row group or
   * a row (HTML5's "in table" modes), or -1 (no table, or inside a cell or caption).
   */
  private tableMode(): number {
    for (let i = this.stack.length - 1; i >= 1; i--) {
      const n = this.stack[i]!.name;
      if (TABLE_CONTEXT.has(n)) return i;
      if (n === 'td' || n === 'th' || n === 'caption') return -1;
    }
    return -1;
  }

  /** Index of the open select (0 when none): inside one only options and a few others count. */
  private inSelect(): number {
    for (let i = this.stack.length - 1; i >= 1; i--) if (this.stack[i]!.name === 'select') return i;
    return 0;
  }

  /** A start tag inside a select: false when it is dropped (or fully handled). */
  private selectStart(name: string, attrs: [string, string][]): boolean {
    const popOption = (): void => { if (this.current.name === 'option') this.popTo(this.stack.length - 1); };
    if (name === 'option' || name === 'optgroup' || name === 'hr') {
      popOption();
      if (name !== 'option' && this.current.name === 'optgroup') this.popTo(this.stack.length - 1);
      const el = this.insert(name, attrs, this.current);
      if (name !== 'hr') this.stack.push(el);
      return false;
    }
    if (TABLE_PARTS.has(name) || name === 'table') {
      // A select inside a table ends where the table goes on; elsewhere table tags are dropped.
      const sel = this.inSelect();
      if (!this.stack.slice(0, sel).some((e) => e.name === 'table')) return false;
      this.popTo(sel);
      return true;
    }
    if (name === 'select' || name === 'input' || name === 'textarea' || name === 'keygen') {
      this.popTo(this.inSelect());
      return name !== 'select';
    }
    return name === 'script' || name === 'template';
  }

  private selectEnd(name: string): void {
    if (name === 'option' && this.current.name === 'option') this.popTo(this.stack.length - 1);
    else if (name === 'optgroup') {
      if (this.current.name === 'option' && this.stack[this.stack.length - 2]?.name === 'optgroup') this.popTo(this.stack.length - 1);
      if (this.current.name === 'optgroup') this.popTo(this.stack.length - 1);
    } else if (name === 'select') this.popTo(this.inSelect());
    else if ((name === 'script' || name === 'style' || name === 'template') && this.current.name === name) this.popTo(this.stack.length - 1);
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
