// An HTML5-style tokenizer: tags with attributes, text (entities decoded), comments,
// doctypes, and the raw-text elements whose content is not markup. Lenient like a
// browser: nothing is rejected, a stray `<` is text and an unclosed comment runs to the end.

import { decodeEntities } from './entities';

export type Token =
  | { type: 'start'; name: string; attrs: [string, string][]; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'text'; text: string }
  | { type: 'comment'; text: string }
  | { type: 'doctype'; name: string };

/** Elements whose content is raw text up to the matching end tag (RCDATA ones decode entities). */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes']);
const RCDATA = new Set(['textarea', 'title']);

const ATTR_RE = /([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;

export function tokenize(input: string): Token[] {
  const s = input.replace(/\r\n?/g, '\n');
  const tokens: Token[] = [];
  let i = 0;
  let text = '';
  const flush = (): void => {
    if (text !== '') tokens.push({ type: 'text', text: decodeEntities(text, false) });
    text = '';
  };
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) { text += s.slice(i); break; }
    text += s.slice(i, lt);
    i = lt;
    const next = s[i + 1] ?? '';
    if (s.startsWith('<!--', i)) {
      flush();
      const end = s.indexOf('-->', i + 4);
      tokens.push({ type: 'comment', text: s.slice(i + 4, end < 0 ? s.length : end) });
      i = end < 0 ? s.length : end + 3;
    } else if (next === '!' || next === '?') {
      flush();
      const end = s.indexOf('>', i);
      const body = s.slice(i + 2, end < 0 ? s.length : end);
      const doctype = /^doctype\s*([^\s>]*)/i.exec(body);
      if (next === '!' && doctype) tokens.push({ type: 'doctype', name: doctype[1]!.toLowerCase() });
      else tokens.push({ type: 'comment', text: next === '?' ? '?' + body : body });
      i = end < 0 ? s.length : end + 1;
    } else if (next === '/' && /[A-Za-z]/.test(s[i + 2] ?? '')) {
      flush();
      const end = s.indexOf('>', i);
      const m = /^[^\s/>]+/.exec(s.slice(i + 2, end < 0 ? s.length : end))!;
      tokens.push({ type: 'end', name: m[0].toLowerCase() });
      i = end < 0 ? s.length : end + 1;
    } else if (/[A-Za-z]/.test(next)) {
      flush();
      i = startTag(s, i, tokens);
      const last = tokens[tokens.length - 1];
      if (last && last.type === 'start' && (RAW_TEXT.has(last.name) || RCDATA.has(last.name))) i = rawText(s, i, last.name, tokens);
      if (last && last.type === 'start' && last.name === 'plaintext') { tokens.push({ type: 'text', text: s.slice(i) }); i = s.length; }
    } else {
      text += '<';
      i++;
    }
  }
  flush();
  return tokens;
}

function startTag(s: string, i: number, tokens: Token[]): number {
  const nameMatch = /^[^\s/>]+/.exec(s.slice(i + 1, i + 1 + 256))!;
  const name = nameMatch[0].toLowerCase();
  let p = i + 1 + nameMatch[0].length;
  const attrs: [string, string][] = [];
  const seen = new Set<string>();
  let selfClosing = false;
  while (p < s.length) {
    while (p < s.length && /[\s/]/.test(s[p]!)) { selfClosing = s[p] === '/'; p++; }
    if (p >= s.length) break;
    if (s[p] === '>') { p++; break; }
    selfClosing = false;
    ATTR_RE.lastIndex = p;
    const m = ATTR_RE.exec(s);
    if (!m || m[0] === '') { p++; continue; }
    const attrName = m[1]!.toLowerCase();
    // Duplicate attributes keep the first value, as HTML5 does.
    if (!seen.has(attrName)) {
      seen.add(attrName);
      attrs.push([attrName, decodeEntities(m[2] ?? m[3] ?? m[4] ?? '', false)]);
    }
    p = ATTR_RE.lastIndex;
  }
  tokens.push({ type: 'start', name, attrs, selfClosing });
  return p;
}

function rawText(s: string, i: number, name: string, tokens: Token[]): number {
  const close = new RegExp(`</${name}(?=[\\s/>])`, 'ig');
  close.lastIndex = i;
  const m = close.exec(s);
  const end = m ? m.index : s.length;
  const body = s.slice(i, end);
  if (body !== '') tokens.push({ type: 'text', text: RCDATA.has(name) ? decodeEntities(body, false) : body });
  if (!m) return s.length;
  const gt = s.indexOf('>', end);
  tokens.push({ type: 'end', name });
  return gt < 0 ? s.length : gt + 1;
}
