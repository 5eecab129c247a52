// CSS selectors over the parsed HTML tree: type/universal, .class, #id, attribute
// operators (= ~= |= ^= $= *=, with the `i` flag), combinators (descendant, >, +, ~),
// selector lists, and the structural pseudo-classes (:nth-child and kin, :first/last/only,
// :not/:is/:where/:has, :empty, :root, :link, :checked, :disabled, :enabled).

import type { HNode } from './html-elements';

type Simple =
  | { k: 'type'; name: string }
  | { k: 'attr'; name: string; op: string; value: string; ci: boolean }
  | { k: 'nth'; a: number; b: number; last: boolean; ofType: boolean }
  | { k: 'not' | 'is' | 'has'; list: Complex[] }
  | { k: 'flag'; name: string }
  /** The element a relative selector in :has() is anchored at. */
  | { k: 'anchor' };
interface Compound { parts: Simple[] }
/** A complex selector, stored right to left: compounds[0] is the subject. */
interface Complex { compounds: Compound[]; combinators: string[] }

export class SelectorError extends Error {}

const IDENT = /^-?(?:[A-Za-z_\u00a0-\uffff]|\\.)(?:[\w\u00a0-\uffff-]|\\.)*/;
const MAX_NESTING = 32;

class SelectorParser {
  private i = 0;
  constructor(private readonly s: string, private readonly depth = 0) {
    if (depth > MAX_NESTING) throw new SelectorError('selector nested too deeply');
  }

  private ws(): boolean {
    const start = this.i;
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
    return this.i > start;
  }

  private ident(what: string): string {
    const m = IDENT.exec(this.s.slice(this.i));
    if (!m) throw new SelectorError(`expected ${what} at position ${this.i}`);
    this.i += m[0].length;
    return m[0].replace(/\\(.)/g, '$1');
  }

  /** A selector list; `relative` (inside :has) lets each selector start with a combinator. */
  list(stopAt: string | null, relative = false): Complex[] {
    const out: Complex[] = [];
    for (;;) {
      this.ws();
      let lead = ' ';
      const c0 = this.s[this.i];
      if (relative && (c0 === '>' || c0 === '+' || c0 === '~')) { lead = c0; this.i++; this.ws(); }
      const sel = this.complex();
      if (relative) {
        sel.compounds.push({ parts: [{ k: 'anchor' }] });
        sel.combinators.push(lead);
      }
      out.push(sel);
      this.ws();
      const c = this.s[this.i];
      if (c === ',') { this.i++; continue; }
      if (stopAt !== null && c === stopAt) return out;
      if (c === undefined && stopAt === null) return out;
      throw new SelectorError(c === undefined ? 'unexpected end of selector' : `unexpected \`${c}\` at position ${this.i}`);
    }
  }

  private complex(): Complex {
    const compounds: Compound[] = [this.compound()];
    const combinators: string[] = [];
    for (;;) {
      const hadSpace = this.ws();
      const c = this.s[this.i];
      if (c === '>' || c === '+' || c === '~') { this.i++; this.ws(); combinators.push(c); compounds.push(this.compound()); continue; }
      if (hadSpace && c !== undefined && c !== ',' && c !== ')') { combinators.push(' '); compounds.push(this.compound()); continue; }
      break;
    }
    return { compounds: compounds.reverse(), combinators: combinators.reverse() };
  }

  private compound(): Compound {
    const parts: Simple[] = [];
    const c0 = this.s[this.i];
    if (c0 === '*') this.i++;
    else if (c0 !== undefined && IDENT.test(this.s.slice(this.i))) parts.push({ k: 'type', name: this.ident('a tag name').toLowerCase() });
    const start = this.i;
    for (;;) {
      const c = this.s[this.i];
      if (c === '.') { this.i++; parts.push({ k: 'attr', name: 'class', op: '~=', value: this.ident('a class name'), ci: false }); }
      else if (c === '#') { this.i++; parts.push({ k: 'attr', name: 'id', op: '=', value: this.ident('an id'), ci: false }); }
      else if (c === '[') parts.push(this.attribute());
      else if (c === ':') parts.push(this.pseudo());
      else break;
    }
    if (parts.length === 0 && c0 !== '*' && this.i === start) {
      throw new SelectorError(c0 === undefined ? 'expected a selector, found the end' : `expected a selector at position ${this.i}, found \`${c0}\``);
    }
    return { parts };
  }

  private attribute(): Simple {
    this.i++;
    this.ws();
    const name = this.ident('an attribute name').toLowerCase();
    this.ws();
    const m = /^([~|^$*]?=)/.exec(this.s.slice(this.i));
    if (!m) {
      if (this.s[this.i] !== ']') throw new SelectorError(`expected \`]\` at position ${this.i}`);
      this.i++;
      return { k: 'attr', name, op: '', value: '', ci: false };
    }
    this.i += m[0].length;
    this.ws();
    let value: string;
    const q = this.s[this.i];
    if (q === '"' || q === "'") {
      const end = this.s.indexOf(q, this.i + 1);
      if (end < 0) throw new SelectorError('unterminated string in attribute selector');
      value = this.s.slice(this.i + 1, end);
      this.i = end + 1;
    } else {
      value = this.ident('an attribute value');
    }
    this.ws();
    let ci = false;
    if (/^[iIsS]\b/.test(this.s.slice(this.i))) { ci = /[iI]/.test(this.s[this.i]!); this.i++; this.ws(); }
    if (this.s[this.i] !== ']') throw new SelectorError(`expected \`]\` at position ${this.i}`);
    this.i++;
    return { k: 'attr', name, op: m[1]!, value, ci };
  }

  private pseudo(): Simple {
    this.i++;
    if (this.s[this.i] === ':') throw new SelectorError('pseudo-elements are not supported');
    const name = this.ident('a pseudo-class').toLowerCase();
    const simple: Record<string, Simple> = {
      'first-child': { k: 'nth', a: 0, b: 1, last: false, ofType: false },
      'last-child': { k: 'nth', a: 0, b: 1, last: true, ofType: false },
      'first-of-type': { k: 'nth', a: 0, b: 1, last: false, ofType: true },
      'last-of-type': { k: 'nth', a: 0, b: 1, last: true, ofType: true },
    };
    if (simple[name]) return simple[name]!;
    if (['only-child', 'only-of-type', 'empty', 'root', 'link', 'any-link', 'checked', 'disabled', 'enabled'].includes(name)) return { k: 'flag', name };
    if (this.s[this.i] !== '(') throw new SelectorError(`unsupported pseudo-class \`:${name}\``);
    this.i++;
    const close = (): void => {
      this.ws();
      if (this.s[this.i] !== ')') throw new SelectorError(`expected \`)\` at position ${this.i}`);
      this.i++;
    };
    const nth = /^nth-(last-)?(child|of-type)$/.exec(name);
    if (nth) {
      this.ws();
      const m = /^(?:([+-]?\d*)n\s*(?:([+-])\s*(\d+))?|([+-]?\d+)|(odd)|(even))/i.exec(this.s.slice(this.i));
      if (!m) throw new SelectorError(`invalid argument to :${name} at position ${this.i}`);
      this.i += m[0].length;
      close();
      let a = 0, b = 0;
      if (m[5]) { a = 2; b = 1; } else if (m[6]) { a = 2; b = 0; } else if (m[4] !== undefined) { b = parseInt(m[4], 10); } else {
        a = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : parseInt(m[1]!, 10);
        b = m[3] ? parseInt(m[3], 10) * (m[2] === '-' ? -1 : 1) : 0;
      }
      return { k: 'nth', a, b, last: nth[1] !== undefined, ofType: nth[2] === 'of-type' };
    }
    if (name === 'not' || name === 'is' || name === 'where' || name === 'matches' || name === 'has') {
      const sub = new SelectorParser(this.s, this.depth + 1);
      sub.i = this.i;
      const list = sub.list(')', name === 'has');
      this.i = sub.i + 1;
      return { k: name === 'not' ? 'not' : name === 'has' ? 'has' : 'is', list };
    }
    throw new SelectorError(`unsupported pseudo-class \`:${name}()\``);
  }
}

export function parseSelector(s: string): Complex[] {
  if (s.trim() === '') throw new SelectorError('empty selector');
  return new SelectorParser(s).list(null);
}

const elementChildren = (n: HNode | null): HNode[] => (n ? n.children.filter((c) => c.type === 'element') : []);
const attr = (el: HNode, name: string): string | undefined => el.attrs.find(([k]) => k === name)?.[1];

function attrMatches(el: HNode, s: Extract<Simple, { k: 'attr' }>): boolean {
  let v = attr(el, s.name);
  if (v === undefined) return false;
  if (s.op === '') return true;
  let want = s.value;
  if (s.ci) { v = v.toLowerCase(); want = want.toLowerCase(); }
  switch (s.op) {
    case '=': return v === want;
    case '~=': return want !== '' && !/\s/.test(want) && v.split(/[ \t\n\f\r]+/).includes(want);
    case '|=': return v === want || v.startsWith(want + '-');
    case '^=': return want !== '' && v.startsWith(want);
    case '$=': return want !== '' && v.endsWith(want);
    default: return want !== '' && v.includes(want);
  }
}

function nthMatches(el: HNode, s: Extract<Simple, { k: 'nth' }>): boolean {
  let siblings = elementChildren(el.parent);
  if (s.ofType) siblings = siblings.filter((c) => c.name === el.name);
  const idx = siblings.indexOf(el);
  const pos = s.last ? siblings.length - idx : idx + 1;
  if (s.a === 0) return pos === s.b;
  const n = (pos - s.b) / s.a;
  return Number.isInteger(n) && n >= 0;
}

function flagMatches(el: HNode, name: string): boolean {
  switch (name) {
    case 'only-child': return elementChildren(el.parent).length === 1;
    case 'only-of-type': return elementChildren(el.parent).filter((c) => c.name === el.name).length === 1;
    case 'empty': return el.children.every((c) => c.type === 'comment' || (c.type === 'text' && c.text === ''));
    case 'root': return el.parent?.type === 'document';
    case 'link': case 'any-link': return (el.name === 'a' || el.name === 'area' || el.name === 'link') && attr(el, 'href') !== undefined;
    case 'checked': return ((el.name === 'input') && attr(el, 'checked') !== undefined) || (el.name === 'option' && attr(el, 'selected') !== undefined);
    case 'disabled': return attr(el, 'disabled') !== undefined && ['button', 'input', 'select', 'textarea', 'option', 'optgroup', 'fieldset'].includes(el.name);
    default: return ['button', 'input', 'select', 'textarea', 'option', 'optgroup', 'fieldset'].includes(el.name) && attr(el, 'disabled') === undefined;
  }
}

function compoundMatches(el: HNode, c: Compound): boolean {
  for (const s of c.parts) {
    switch (s.k) {
      case 'type': if (el.name !== s.name) return false; break;
      case 'attr': if (!attrMatches(el, s)) return false; break;
      case 'nth': if (!nthMatches(el, s)) return false; break;
      case 'flag': if (!flagMatches(el, s.name)) return false; break;
      case 'not': if (s.list.some((x) => matches(el, x))) return false; break;
      case 'is': if (!s.list.some((x) => matches(el, x))) return false; break;
      case 'has': if (!hasMatch(el, s.list)) return false; break;
      case 'anchor': if (el !== anchors[anchors.length - 1]) return false; break;
    }
  }
  return true;
}

/** The elements :has() is being tested for, innermost last. */
const anchors: HNode[] = [];

/** :has(): some element related to `el` as a relative selector says (children, descendants, later siblings). */
function hasMatch(el: HNode, list: Complex[]): boolean {
  anchors.push(el);
  // Remembered failures depend on the anchor: each anchor gets its own memo.
  const outer = failed;
  failed = new Map();
  try {
    return list.some((sel) => {
      const lead = sel.combinators[sel.combinators.length - 1];
      const scope = lead === '+' || lead === '~' ? elementChildren(el.parent).filter((c) => c !== el) : [el];
      return scope.some((root) => (root === el ? descendants(el) : [root, ...descendants(root)]).some((d) => matches(d, sel)));
    });
  } finally {
    anchors.pop();
    failed = outer;
  }
}

const isElement = (n: HNode | null | undefined): n is HNode => !!n && n.type === 'element';

/** Matches right to left; descendant/sibling combinators backtrack over candidates. */
let failed = new Map<Complex, Map<HNode, Set<number>>>();

function matchFrom(el: HNode, sel: Complex, i: number): boolean {
  let bySel = failed.get(sel);
  if (!bySel) failed.set(sel, (bySel = new Map()));
  const seen = bySel.get(el);
  if (seen?.has(i)) return false;
  const ok = matchStep(el, sel, i);
  if (!ok) {
    if (seen) seen.add(i); else bySel.set(el, new Set([i]));
  }
  return ok;
}

/** Failed (element, position) pairs are remembered, so backtracking stays polynomial. */
/** Work budget of one selection: nested :has() over a huge document is refused, not run for hours. */
const MAX_STEPS = 20_000_000;
let steps = 0;

function matchStep(el: HNode, sel: Complex, i: number): boolean {
  if (++steps > MAX_STEPS) throw new SelectorError('selector too costly for this document (nested :has over too many elements)');
  if (!compoundMatches(el, sel.compounds[i]!)) return false;
  if (i === sel.compounds.length - 1) return true;
  const comb = sel.combinators[i]!;
  if (comb === '>' || comb === ' ') {
    for (let p = el.parent; isElement(p); p = p.parent) {
      if (matchFrom(p, sel, i + 1)) return true;
      if (comb === '>') return false;
    }
    return false;
  }
  const sibs = elementChildren(el.parent);
  for (let j = sibs.indexOf(el) - 1; j >= 0; j--) {
    if (matchFrom(sibs[j]!, sel, i + 1)) return true;
    if (comb === '+') return false;
  }
  return false;
}

function matches(el: HNode, sel: Complex): boolean {
  return matchFrom(el, sel, 0);
}

function descendants(root: HNode): HNode[] {
  const out: HNode[] = [];
  const work = [...root.children].reverse();
  while (work.length > 0) {
    const n = work.pop()!;
    if (n.type !== 'element') continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) work.push(n.children[i]!);
  }
  return out;
}

/** The elements of the document that match any selector of the list, in document order. */
export function selectAll(doc: HNode, list: Complex[]): HNode[] {
  failed = new Map();
  steps = 0;
  try {
    return descendants(doc).filter((el) => list.some((sel) => matches(el, sel)));
  } finally {
    failed = new Map();
  }
}
