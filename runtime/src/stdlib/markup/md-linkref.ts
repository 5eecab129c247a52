// Link destinations, titles and reference definitions (`[label]: /url "title"`), shared
// by the block parser (which strips definitions from paragraphs) and the inline parser.

import { decodeEntities } from './entities';

export interface LinkTarget { href: string; title: string }
export type LinkRefs = Map<string, LinkTarget>;

/** Backslash escapes and entities resolved, as in a destination or title. */
export function unescapeMd(s: string): string {
  return decodeEntities(s.replace(/\\([!-/:-@[-`{-~])/g, '$1'), true);
}

/** CommonMark's label matching: case-folded, inner whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}

/** A link destination at `s[i]`: [raw destination, end index] or null. */
export function scanDestination(s: string, i: number): [string, number] | null {
  if (s[i] === '<') {
    let j = i + 1;
    while (j < s.length && s[j] !== '>' && s[j] !== '\n' && s[j] !== '<') j += s[j] === '\\' ? 2 : 1;
    return s[j] === '>' ? [s.slice(i + 1, j), j + 1] : null;
  }
  let j = i;
  let depth = 0;
  while (j < s.length) {
    const c = s[j]!;
    if (c === '\\' && j + 1 < s.length && /[!-/:-@[-`{-~]/.test(s[j + 1]!)) { j += 2; continue; }
    if (c === '(') { depth++; if (depth > 32) return null; } else if (c === ')') { if (depth === 0) break; depth--; } else if (c <= ' ') break;
    j++;
  }
  if (j === i || depth !== 0) return null;
  return [s.slice(i, j), j];
}

/** A link title at `s[i]` in `"..."`, `'...'` or `(...)`: [raw title, end index] or null. */
export function scanTitle(s: string, i: number): [string, number] | null {
  const open = s[i];
  const close = open === '"' ? '"' : open === "'" ? "'" : open === '(' ? ')' : null;
  if (!close) return null;
  let j = i + 1;
  while (j < s.length && s[j] !== close) {
    if (s[j] === '\\') j++;
    else if (open === '(' && s[j] === '(') return null;
    j++;
  }
  return j < s.length ? [s.slice(i + 1, j), j + 1] : null;
}

function skipSpaces(s: string, i: number, allowNewline: boolean): number {
  let seenNewline = false;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || (s[i] === '\n' && allowNewline && !seenNewline))) {
    if (s[i] === '\n') seenNewline = true;
    i++;
  }
  return i;
}

/** A reference definition at the start of a paragraph's text, or null. */
export function parseLinkRefDef(text: string): { label: string; href: string; title: string; consumed: number } | null {
  const m = /^[ ]{0,3}\[((?:[^\\[\]]|\\.){1,999})\]:/s.exec(text);
  if (!m || m[1]!.trim() === '') return null;
  let i = skipSpaces(text, m[0].length, true);
  const dest = scanDestination(text, i);
  if (!dest) return null;
  i = dest[1];
  const afterDest = i;
  let title = '';
  let j = skipSpaces(text, i, true);
  const t = j > afterDest ? scanTitle(text, j) : null;
  if (t) {
    const end = skipSpaces(text, t[1], false);
    if (end >= text.length || text[end] === '\n') { title = t[0]; j = end; } else { j = afterDest; }
  } else {
    j = afterDest;
  }
  if (title === '') j = skipSpaces(text, afterDest, false);
  if (j < text.length && text[j] !== '\n') return null;
  return { label: normalizeLabel(m[1]!), href: unescapeMd(dest[0]), title: unescapeMd(title), consumed: Math.min(j + 1, text.length) };
}
