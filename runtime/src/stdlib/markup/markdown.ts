// Markdown to HTML in pulldown-cmark's output shape (`<hr />`, `<br />`, a newline after
// each block, `language-` classes on fenced code), and the heading list the reference
// extracts from the same parse.

import { escapeAttr, escapeText } from './entities';
import { parseBlocks, type Block } from './md-blocks';
import { parseInlines, type Inline } from './md-inline';
import { unescapeMd, type LinkRefs } from './md-linkref';

const HREF_SAFE = /[A-Za-z0-9!#$%()*+,\-./:;=?@_~[\]]/;

/** pulldown-cmark's href escaping: `&` and `'` as references, unsafe bytes percent-encoded. */
function escapeHref(href: string): string {
  let out = '';
  for (const ch of href) {
    if (HREF_SAFE.test(ch)) out += ch;
    else if (ch === '&') out += '&amp;';
    else if (ch === "'") out += '&#x27;';
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function plainText(n: Inline): string {
  let out = '';
  for (const c of n.children()) {
    if (c.kind === 'text' || c.kind === 'code') out += c.text;
    else if (c.kind === 'softbreak' || c.kind === 'hardbreak') out += ' ';
    else out += plainText(c);
  }
  return out;
}

function renderInlines(n: Inline, out: string[]): void {
  for (const c of n.children()) {
    switch (c.kind) {
      case 'text': out.push(escapeText(c.text)); break;
      case 'code': out.push('<code>', escapeText(c.text), '</code>'); break;
      case 'html': out.push(c.text); break;
      case 'softbreak': out.push('\n'); break;
      case 'hardbreak': out.push('<br />\n'); break;
      case 'em': case 'strong': out.push(`<${c.kind}>`); renderInlines(c, out); out.push(`</${c.kind}>`); break;
      case 'link':
        out.push(`<a href="${escapeHref(c.href)}"`, c.title ? ` title="${escapeAttr(c.title)}"` : '', '>');
        renderInlines(c, out);
        out.push('</a>');
        break;
      case 'image':
        out.push(`<img src="${escapeHref(c.href)}" alt="${escapeAttr(plainText(c))}"`, c.title ? ` title="${escapeAttr(c.title)}"` : '', ' />');
        break;
    }
  }
}

class HtmlWriter {
  private readonly out: string[] = [];
  private atLineStart = true;
  constructor(private readonly refs: LinkRefs) {}

  private write(s: string): void {
    if (s === '') return;
    this.out.push(s);
    this.atLineStart = s.endsWith('\n');
  }

  /** Block tags start on a fresh line, as pulldown-cmark writes them. */
  private open(tag: string): void {
    this.write(this.atLineStart ? tag : '\n' + tag);
  }

  private inlines(text: string): void {
    const parts: string[] = [];
    renderInlines(parseInlines(text, this.refs), parts);
    this.write(parts.join(''));
  }

  block(b: Block, tight: boolean): void {
    switch (b.type) {
      case 'document': for (const c of b.children) this.block(c, false); break;
      case 'paragraph':
        if (tight) { this.inlines(b.lines.join('\n').replace(/[ \t]+$/, '')); break; }
        this.open('<p>');
        this.inlines(b.lines.join('\n').replace(/[ \t]+$/, ''));
        this.write('</p>\n');
        break;
      case 'heading':
        this.open(`<h${b.level}>`);
        this.inlines(b.lines.join('\n'));
        this.write(`</h${b.level}>\n`);
        break;
      case 'hr': this.open('<hr />\n'); break;
      case 'blockquote':
        this.open('<blockquote>\n');
        for (const c of b.children) this.block(c, false);
        this.write('</blockquote>\n');
        break;
      case 'list': {
        const tag = b.ordered ? 'ol' : 'ul';
        this.open(b.ordered && b.start !== 1 ? `<ol start="${b.start}">\n` : `<${tag}>\n`);
        for (const item of b.children) {
          this.open('<li>');
          for (const c of item.children) this.block(c, b.tight);
          this.write('</li>\n');
        }
        this.write(`</${tag}>\n`);
        break;
      }
      case 'code': {
        const lang = b.info.split(/\s+/)[0] ?? '';
        this.open(lang ? `<pre><code class="language-${escapeAttr(unescapeMd(lang))}">` : '<pre><code>');
        this.write(escapeText(b.lines.map((l) => l + '\n').join('').slice(0, b.unterminated ? -1 : undefined)));
        this.write('</code></pre>\n');
        break;
      }
      case 'html': this.write(b.lines.map((l) => l + '\n').join('').slice(0, b.unterminated ? -1 : undefined)); break;
      case 'item': break;
    }
  }

  result(): string {
    return this.out.join('');
  }
}

export function markdownToHtml(md: string): string {
  const { doc, refs } = parseBlocks(md);
  const w = new HtmlWriter(refs);
  w.block(doc, false);
  return w.result();
}

export interface Heading { level: number; text: string }

export function markdownHeadings(md: string): Heading[] {
  const { doc, refs } = parseBlocks(md);
  const found: Heading[] = [];
  const walk = (b: Block): void => {
    if (b.type === 'heading') found.push({ level: b.level, text: plainText(parseInlines(b.lines.join('\n'), refs)).split(/\s+/).filter((w) => w !== '').join(' ') });
    for (const c of b.children) walk(c);
  };
  walk(doc);
  return found;
}
