// Unicode-aware string builtins: byte length, codepoints, normalization, case folding,
// terminal display width and word wrapping by display columns.

import { evalError } from '../eval/errors';
import { fn, type BuiltinSpec } from './registry';
import { index, scalarFromCode, scalars, seq, str, strOrKeyword, typeErr, utf8Length } from './text-args';

/**
 * Full Unicode case folding, approximated as upper-casing then lower-casing each scalar:
 * `ß` -> `ss`, final `ς` -> `σ`, `ﬁ` -> `fi` (per scalar so no final-sigma rule applies).
 */
export function foldCase(s: string): string {
  let out = '';
  for (const c of s.toUpperCase()) out += c.toLowerCase();
  return out;
}

/** Removes ANSI escapes: CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ESC \`) and two-char escapes. */
export function stripAnsi(s: string): string {
  return s.replace(/\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[\s\S]?)/g, '');
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\u200b]$/u;
const EMOJI_CLUSTER = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f|\p{Regional_Indicator}/u;
const CONTROL = /^[\u0000-\u001f\u007f-\u009f]$/u;

/** East Asian Wide/Fullwidth ranges (the blocks that matter in practice). */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function scalarWidth(c: string): number {
  if (ZERO_WIDTH.test(c)) return 0;
  if (CONTROL.test(c)) return c === '\0' ? 0 : 1;
  const cp = c.codePointAt(0)!;
  for (const [lo, hi] of WIDE) {
    if (cp < lo) break;
    if (cp <= hi) return 2;
  }
  return 1;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  return Array.from(graphemeSegmenter.segment(s), (g) => g.segment);
}

function clusterWidth(g: string): number {
  if (EMOJI_CLUSTER.test(g)) return 2;
  let w = 0;
  for (const c of g) w += scalarWidth(c);
  return w;
}

/** Terminal columns `s` occupies: wide characters and emoji 2, combining marks and ANSI escapes 0. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const g of graphemes(stripAnsi(s))) w += clusterWidth(g);
  return w;
}

/** Breaks a word wider than `width` into chunks on grapheme boundaries. */
function graphemeChunks(word: string, width: number): string[] {
  const chunks: string[] = [];
  let cur = '';
  let curW = 0;
  for (const g of graphemes(word)) {
    const gw = clusterWidth(g);
    if (curW + gw > width && cur !== '') {
      chunks.push(cur);
      cur = '';
      curW = 0;
    }
    cur += g;
    curW += gw;
  }
  if (cur !== '' || chunks.length === 0) chunks.push(cur);
  return chunks;
}

function wrapParagraph(para: string, width: number): string[] {
  if (para.trim() === '') return [''];
  const lines: string[] = [];
  let cur = '';
  let curW = 0;
  const place = (word: string): void => {
    const ww = displayWidth(word);
    if (ww <= width) {
      cur = word;
      curW = ww;
      return;
    }
    const chunks = graphemeChunks(word, width);
    const last = chunks.pop() ?? '';
    lines.push(...chunks);
    cur = last;
    curW = displayWidth(last);
  };
  for (const word of para.split(' ')) {
    if (word === '') continue;
    const ww = displayWidth(word);
    if (cur === '') place(word);
    else if (curW + 1 + ww <= width) {
      cur += ' ' + word;
      curW += 1 + ww;
    } else {
      lines.push(cur);
      place(word);
    }
  }
  lines.push(cur);
  return lines;
}

const FORMS: Record<string, 'NFC' | 'NFD' | 'NFKC' | 'NFKD'> = { nfc: 'NFC', nfd: 'NFD', nfkc: 'NFKC', nfkd: 'NFKD' };

export const stringUnicode: BuiltinSpec[] = [
  fn('string/byte-length', 1, 1, (args) => utf8Length(str('string/byte-length', args, 0))),
  fn('string/codepoints', 1, 1, (args) => scalars(str('string/codepoints', args, 0)).map((c) => c.codePointAt(0)!)),
  fn('string/from-codepoints', 1, 1, (args) => {
    let out = '';
    for (const item of seq('string/from-codepoints', args, 0)) {
      if (typeof item !== 'number') throw typeErr('string/from-codepoints', 'integer', item);
      const c = scalarFromCode(item < 0 ? item + 2 ** 32 : item);
      if (c === undefined) throw evalError(`string/from-codepoints: invalid codepoint ${item}`);
      out += c;
    }
    return out;
  }),
  fn('string/normalize', 2, 2, (args) => {
    const s = str('string/normalize', args, 0);
    const form = strOrKeyword('string/normalize', args, 1);
    const f = FORMS[form.toLowerCase()];
    if (f === undefined) throw evalError(`string/normalize: unknown form ${JSON.stringify(form)}`);
    return s.normalize(f);
  }),
  fn('string/foldcase', 1, 1, (args) => foldCase(str('string/foldcase', args, 0))),
  fn('string-ci=?', 2, 2, (args) => foldCase(str('string-ci=?', args, 0)) === foldCase(str('string-ci=?', args, 1))),
  fn('string/width', 1, 1, (args) => displayWidth(str('string/width', args, 0))),
  fn('string/word-wrap', 2, 2, (args) => {
    const text = str('string/word-wrap', args, 0);
    const width = Math.max(1, index('string/word-wrap', args, 1));
    return text.split('\n').flatMap((p) => wrapParagraph(p, width));
  }),
];
