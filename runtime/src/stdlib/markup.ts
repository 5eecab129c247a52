// `markdown/*` and `html/*` (stdlib/markup.md): CommonMark to HTML, headings and
// frontmatter; HTML parsing, CSS selection and text extraction. All pure string work.
// The reference hands documents around as HTML strings, not as parsed handles, and so do we.

import { evalError } from '../eval/errors';
import { kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str } from './text-args';
import { markdownHeadings, markdownToHtml } from './markup/markdown';
import { parseHtml, type HNode } from './markup/html-tree';
import { serialize, textNodes } from './markup/html-serialize';
import { parseSelector, selectAll, SelectorError } from './markup/css-select';

const collapse = (s: string): string => s.split(/[\s]+/u).filter((w) => w !== '').join(' ');

/** Deeply nested input can exhaust the host stack; that becomes a clear Sema error. */
function guarded<T>(name: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof RangeError) throw evalError(`${name}: input nested too deeply or too large (${e.message})`);
    throw e;
  }
}

function select(name: string, args: readonly Value[]): HNode[] {
  const html = str(name, args, 0);
  const sel = str(name, args, 1);
  let list;
  try {
    list = parseSelector(sel);
  } catch (e) {
    if (e instanceof SelectorError) throw evalError(`invalid selector: ${JSON.stringify(sel)}: ${e.message}`);
    throw e;
  }
  return guarded(name, () => selectAll(parseHtml(html), list));
}

/** The text after an opening `---` line up to a closing `---` line, and what follows it. */
function splitFrontmatter(md: string): [string, string] | null {
  const open = md.startsWith('---\n') ? 4 : md.startsWith('---\r\n') ? 5 : -1;
  if (open < 0) return null;
  let lineStart = open;
  while (lineStart <= md.length) {
    const nl = md.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? md.length : nl;
    const line = md.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line === '---') return [md.slice(open, lineStart), md.slice(nl < 0 ? md.length : nl + 1)];
    if (nl < 0) return null;
    lineStart = nl + 1;
  }
  return null;
}

const builtins: BuiltinSpec[] = [
  fn('markdown/to-html', 1, 1, (args) => guarded('markdown/to-html', () => markdownToHtml(str('markdown/to-html', args, 0)))),
  fn('markdown/headings', 1, 1, (args) =>
    guarded('markdown/headings', () => markdownHeadings(str('markdown/headings', args, 0)))
      .map((h) => mapFromPairs([kw('level'), h.level, kw('text'), h.text]))),
  fn('markdown/frontmatter', 1, 1, (args) => {
    const md = str('markdown/frontmatter', args, 0);
    const split = splitFrontmatter(md);
    return mapFromPairs([kw('frontmatter'), split ? split[0] : null, kw('body'), split ? split[1] : md]);
  }),
  fn('html/parse', 1, 1, (args) => guarded('html/parse', () => serialize(parseHtml(str('html/parse', args, 0)), true))),
  fn('html/select', 2, 2, (args) => select('html/select', args).map((el) => serialize(el))),
  fn('html/select-text', 2, 2, (args) => select('html/select-text', args).map((el) => collapse(textNodes(el).join(' ')))),
  fn('html/text', 1, 1, (args) => guarded('html/text', () => {
    const doc = parseHtml(str('html/text', args, 0));
    const root = doc.children.find((c) => c.type === 'element') ?? doc;
    return collapse(textNodes(root).join(' '));
  })),
];

export const markupModule: StdlibModule = { name: 'markup', builtins };
