// CommonMark inlines: code spans, emphasis (the delimiter-run algorithm), links and
// images (inline and reference), autolinks, raw HTML, escapes, entities and line breaks.
// Nodes form sibling lists so emphasis and links can wrap a run of them in place.

import { decodeEntityAt } from './entities';
import { normalizeLabel, scanDestination, scanTitle, unescapeMd, type LinkRefs } from './md-linkref';

export type InlineKind = 'text' | 'code' | 'html' | 'softbreak' | 'hardbreak' | 'em' | 'strong' | 'link' | 'image';

export class Inline {
  prev: Inline | null = null;
  next: Inline | null = null;
  parent: Inline | null = null;
  first: Inline | null = null;
  last: Inline | null = null;
  href = '';
  title = '';
  constructor(readonly kind: InlineKind, public text = '') {}

  append(child: Inline): void {
    child.parent = this;
    child.prev = this.last;
    child.next = null;
    if (this.last) this.last.next = child; else this.first = child;
    this.last = child;
  }

  insertAfter(sibling: Inline): void {
    sibling.parent = this.parent;
    sibling.prev = this;
    sibling.next = this.next;
    if (this.next) this.next.prev = sibling; else if (this.parent) this.parent.last = sibling;
    this.next = sibling;
  }

  unlink(): void {
    if (this.prev) this.prev.next = this.next; else if (this.parent) this.parent.first = this.next;
    if (this.next) this.next.prev = this.prev; else if (this.parent) this.parent.last = this.prev;
    this.prev = this.next = this.parent = null;
  }

  *children(): Generator<Inline> {
    for (let c = this.first; c; c = c.next) yield c;
  }
}

interface Delim { node: Inline; ch: string; count: number; orig: number; canOpen: boolean; canClose: boolean; prev: Delim | null; next: Delim | null }
interface Bracket { node: Inline; image: boolean; active: boolean; prevDelim: Delim | null; prev: Bracket | null; labelStart: number }

const PUNCT = /[\p{P}\p{S}]/u;
const WS = /\s/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*)>/;
const EMAIL = /^<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;
const ATTR = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const RAW_HTML = new RegExp(String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTR}*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)`);

class InlineParser {
  private pos = 0;
  private delimTop: Delim | null = null;
  private bracketTop: Bracket | null = null;
  constructor(private readonly src: string, private readonly refs: LinkRefs, private readonly root: Inline) {}

  private text(s: string): Inline {
    const n = new Inline('text', s);
    this.root.append(n);
    return n;
  }

  parse(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '\n') this.lineBreak();
      else if (c === '\\') this.backslash();
      else if (c === '`') this.codeSpan();
      else if (c === '*' || c === '_') this.delimRun(c);
      else if (c === '[') { this.pushBracket(this.text('['), false, this.pos + 1); this.pos++; }
      else if (c === '!' && s[this.pos + 1] === '[') { this.pushBracket(this.text('!['), true, this.pos + 2); this.pos += 2; }
      else if (c === ']') this.closeBracket();
      else if (c === '<') this.angle();
      else if (c === '&') this.entity();
      else {
        const m = /^[^\n\\`*_[\]!<&]+/.exec(s.slice(this.pos, this.pos + 4096));
        const chunk = m ? m[0] : c;
        this.text(chunk);
        this.pos += chunk.length;
      }
    }
    this.processEmphasis(null);
  }

  private lineBreak(): void {
    const last = this.root.last;
    let hard = false;
    if (last && last.kind === 'text') {
      const trimmed = last.text.replace(/ +$/, '');
      hard = last.text.length - trimmed.length >= 2;
      last.text = trimmed;
    }
    this.root.append(new Inline(hard ? 'hardbreak' : 'softbreak'));
    this.pos++;
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private backslash(): void {
    const next = this.src[this.pos + 1];
    if (next === '\n') { this.root.append(new Inline('hardbreak')); this.pos += 2; while (this.src[this.pos] === ' ') this.pos++; }
    else if (next !== undefined && ESCAPABLE.test(next)) { this.text(next); this.pos += 2; }
    else { this.text('\\'); this.pos++; }
  }

  private codeSpan(): void {
    const s = this.src;
    let n = 0;
    while (s[this.pos + n] === '`') n++;
    const ticks = '`'.repeat(n);
    let search = this.pos + n;
    for (;;) {
      const at = s.indexOf(ticks, search);
      if (at < 0) break;
      let run = 0;
      while (s[at + run] === '`') run++;
      if (run === n) {
        let body = s.slice(this.pos + n, at).replace(/\n/g, ' ');
        if (body.length >= 2 && body[0] === ' ' && body[body.length - 1] === ' ' && body.trim() !== '') body = body.slice(1, -1);
        this.root.append(new Inline('code', body));
        this.pos = at + n;
        return;
      }
      search = at + run;
    }
    this.text(ticks);
    this.pos += n;
  }

  private delimRun(c: string): void {
    const s = this.src;
    let n = 0;
    while (s[this.pos + n] === c) n++;
    const before = this.pos === 0 ? '\n' : String.fromCodePoint(s.codePointAt(this.pos - 1)!);
    const afterCp = s.codePointAt(this.pos + n);
    const after = afterCp === undefined ? '\n' : String.fromCodePoint(afterCp);
    const beforeWs = WS.test(before), afterWs = WS.test(after);
    const beforeP = PUNCT.test(before), afterP = PUNCT.test(after);
    const left = !afterWs && (!afterP || beforeWs || beforeP);
    const right = !beforeWs && (!beforeP || afterWs || afterP);
    const canOpen = c === '*' ? left : left && (!right || beforeP);
    const canClose = c === '*' ? right : right && (!left || afterP);
    const node = this.text(c.repeat(n));
    this.pos += n;
    if (canOpen || canClose) {
      const d: Delim = { node, ch: c, count: n, orig: n, canOpen, canClose, prev: this.delimTop, next: null };
      if (this.delimTop) this.delimTop.next = d;
      this.delimTop = d;
    }
  }

  private removeDelim(d: Delim): void {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev; else this.delimTop = d.prev;
  }

  private processEmphasis(bottom: Delim | null): void {
    const openersBottom = new Map<string, Delim | null>();
    let closer = this.delimTop;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.canClose) { closer = closer.next; continue; }
      const key = closer.ch + (closer.canOpen ? '1' : '0') + (closer.orig % 3);
      const limit = openersBottom.has(key) ? openersBottom.get(key)! : bottom;
      let opener = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== limit) {
        const odd = (opener.canClose || closer.canOpen) && (opener.orig + closer.orig) % 3 === 0 && !(opener.orig % 3 === 0 && closer.orig % 3 === 0);
        if (opener.ch === closer.ch && opener.canOpen && !odd) { found = true; break; }
        opener = opener.prev;
      }
      const oldCloser = closer;
      if (found && opener) {
        const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
        opener.count -= use;
        closer.count -= use;
        opener.node.text = opener.node.text.slice(use);
        closer.node.text = closer.node.text.slice(use);
        const wrap = new Inline(use === 2 ? 'strong' : 'em');
        let n = opener.node.next;
        while (n && n !== closer.node) { const next = n.next; n.unlink(); wrap.append(n); n = next; }
        opener.node.insertAfter(wrap);
        opener.next = closer;
        closer.prev = opener;
        if (opener.count === 0) { opener.node.unlink(); this.removeDelim(opener); }
        if (closer.count === 0) { const next = closer.next; closer.node.unlink(); this.removeDelim(closer); closer = next; }
      } else {
        closer = closer.next;
        openersBottom.set(key, oldCloser.prev);
        if (!oldCloser.canOpen) this.removeDelim(oldCloser);
      }
    }
    while (this.delimTop && this.delimTop !== bottom) this.removeDelim(this.delimTop);
  }

  private pushBracket(node: Inline, image: boolean, labelStart: number): void {
    this.bracketTop = { node, image, active: true, prevDelim: this.delimTop, prev: this.bracketTop, labelStart };
  }

  private closeBracket(): void {
    const opener = this.bracketTop;
    const labelEnd = this.pos;
    this.pos++;
    if (!opener) { this.text(']'); return; }
    if (!opener.active) { this.bracketTop = opener.prev; this.text(']'); return; }
    const target = this.inlineTarget() ?? this.refTarget(opener, labelEnd);
    if (!target) { this.bracketTop = opener.prev; this.text(']'); return; }
    const link = new Inline(opener.image ? 'image' : 'link');
    link.href = target.href;
    link.title = target.title;
    let n = opener.node.next;
    while (n) { const next = n.next; n.unlink(); link.append(n); n = next; }
    this.root.append(link);
    this.processEmphasis(opener.prevDelim);
    this.bracketTop = opener.prev;
    opener.node.unlink();
    // Links may not contain links: earlier `[` openers can no longer make one.
    if (!opener.image) for (let b = this.bracketTop; b; b = b.prev) if (!b.image) b.active = false;
  }

  /** `(dest "title")` right after `]`. */
  private inlineTarget(): { href: string; title: string } | null {
    const s = this.src;
    if (s[this.pos] !== '(') return null;
    let i = this.pos + 1;
    const skip = (): void => { while (i < s.length && /[ \t\n]/.test(s[i]!)) i++; };
    skip();
    let href = '';
    if (s[i] !== ')') {
      const dest = scanDestination(s, i);
      if (!dest) return null;
      href = dest[0];
      i = dest[1];
    }
    const beforeTitle = i;
    skip();
    let title = '';
    if (i > beforeTitle) {
      const t = scanTitle(s, i);
      if (t) { title = t[0]; i = t[1]; skip(); }
    }
    if (s[i] !== ')') return null;
    this.pos = i + 1;
    return { href: unescapeMd(href), title: unescapeMd(title) };
  }

  /** `[label]`, `[]` or nothing after `]`, looked up among the definitions. */
  private refTarget(opener: Bracket, labelEnd: number): { href: string; title: string } | null {
    const s = this.src;
    let label = s.slice(opener.labelStart, labelEnd);
    let end = this.pos;
    const m = /^\[((?:[^\\[\]]|\\.){0,999})\]/s.exec(s.slice(this.pos, this.pos + 1100));
    if (m) {
      if (m[1]!.trim() !== '') label = m[1]!;
      end = this.pos + m[0].length;
    }
    if (label.length > 999) return null;
    const hit = this.refs.get(normalizeLabel(label));
    if (!hit) return null;
    this.pos = end;
    return hit;
  }

  private angle(): void {
    const rest = this.src.slice(this.pos, this.pos + 4096);
    let m = AUTOLINK.exec(rest);
    if (m) return this.autolink(m[1]!, m[1]!, m[0].length);
    m = EMAIL.exec(rest);
    if (m) return this.autolink('mailto:' + m[1]!, m[1]!, m[0].length);
    m = RAW_HTML.exec(rest);
    if (m) { this.root.append(new Inline('html', m[0])); this.pos += m[0].length; return; }
    this.text('<');
    this.pos++;
  }

  private autolink(href: string, label: string, len: number): void {
    const link = new Inline('link');
    link.href = href;
    link.append(new Inline('text', label));
    this.root.append(link);
    this.pos += len;
  }

  private entity(): void {
    const hit = decodeEntityAt(this.src, this.pos, true);
    if (hit) { this.text(hit[0]); this.pos += hit[1]; } else { this.text('&'); this.pos++; }
  }
}

/** The inline content of a paragraph or heading as a node whose children are the inlines. */
export function parseInlines(src: string, refs: LinkRefs): Inline {
  const root = new Inline('text');
  new InlineParser(src, refs, root).parse();
  return root;
}
