// html5ever's serialization (what scraper's `html()` returns) and text extraction,
// both with explicit stacks so deeply nested documents cannot overflow.

import { VOID, type HNode } from './html-elements';

const RAW_SERIALIZED = new Set(['style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

function escapeHtmlText(s: string, attr: boolean): string {
  return s.replace(attr ? /[&\u00a0"]/g : /[&\u00a0<>]/g, (c) => (c === '&' ? '&amp;' : c === '\u00a0' ? '&nbsp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));
}

/** html5ever's serialization of a node (outer HTML), or of its children only. */
export function serialize(n: HNode, childrenOnly = false): string {
  const out: string[] = [];
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
