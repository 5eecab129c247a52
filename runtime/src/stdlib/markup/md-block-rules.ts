// The line-level rules of CommonMark blocks that need no parser state: tab stops, which
// HTML block kind a line opens (and what ends it), what may contain what, and list looseness.

import type { Block, BlockType } from './md-blocks';

/**
 * Tabs in a line's structure (its indentation and the space after `>` and list markers)
 * become spaces to the next multiple of 4, CommonMark's tab stops; tabs in the text stay.
 */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  const prefix = /^(?:[ \t]*(?:>|(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)))*[ \t]*/.exec(line)![0];
  let out = '';
  for (const ch of prefix) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out + line.slice(prefix.length);
}

/**
 * `raw` without its first `columns` columns of indentation; a tab straddling the cut
 * leaves its remaining columns as spaces. Tabs after the cut stay literal (code content).
 */
export function stripColumns(raw: string, columns: number): string {
  let col = 0;
  let i = 0;
  while (col < columns && i < raw.length) {
    const ch = raw[i]!;
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
    i++;
  }
  return ' '.repeat(Math.max(0, col - columns)) + raw.slice(i);
}

const HTML_BLOCK_6 = new Set(('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
  'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu ' +
  'menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul').split(' '));

/** The CommonMark HTML block kind (1-7) that `rest` starts, or 0. */
export function htmlBlockStart(rest: string, inParagraph: boolean): number {
  if (/^<(?:script|pre|style|textarea)(?:\s|>|$)/i.test(rest)) return 1;
  if (rest.startsWith('<!--')) return 2;
  if (rest.startsWith('<?')) return 3;
  if (/^<![A-Za-z]/.test(rest)) return 4;
  if (rest.startsWith('<![CDATA[')) return 5;
  const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s|\/?>|$)/.exec(rest);
  if (m && HTML_BLOCK_6.has(m[1]!.toLowerCase())) return 6;
  if (!inParagraph && /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/.test(rest)) return 7;
  return 0;
}

export const HTML_END: Record<number, RegExp> = { 1: /<\/(?:script|pre|style|textarea)>/i, 2: /-->/, 3: /\?>/, 4: />/, 5: /\]\]>/ };

export function canContain(parent: BlockType, child: BlockType): boolean {
  if (parent === 'list') return child === 'item';
  if (child === 'item') return false;
  return parent === 'document' || parent === 'blockquote' || parent === 'item';
}

/** Blank lines between items, or between the blocks of an item, make a list loose. */
export function isTight(list: Block): boolean {
  const gap = (a: Block, b: Block | undefined): boolean => b !== undefined && b.startLine > a.endLine + 1;
  const items = list.children;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (gap(item, items[i + 1])) return false;
    for (let j = 0; j < item.children.length; j++) if (gap(item.children[j]!, item.children[j + 1])) return false;
  }
  return true;
}
