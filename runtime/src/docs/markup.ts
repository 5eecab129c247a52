// Catalogue entries for Markdown rendering and HTML querying (stdlib/markup.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('markup', sig, summary, examples);

export const markupDocs: BuiltinDoc[] = [
  d('(markdown/to-html md)', 'Renders CommonMark (no extensions: no tables or strikethrough, as the reference) to an HTML string, one block per line.', [
    '(markdown/to-html "# Title\\n\\nHello **world**.")  ; => "<h1>Title</h1>\\n<p>Hello <strong>world</strong>.</p>\\n"',
    '(markdown/to-html "- one\\n- two")  ; => "<ul>\\n<li>one</li>\\n<li>two</li>\\n</ul>\\n"',
  ]),
  d('(markdown/headings md)', 'The headings of a Markdown document in order, as maps with `:level` (1-6) and `:text` (the plain text, whitespace collapsed).', [
    '(markdown/headings "# Intro\\n\\n## Setup")  ; => ({:level 1 :text "Intro"} {:level 2 :text "Setup"})',
  ]),
  d('(markdown/frontmatter md)', 'Splits a leading `---` fenced block from a document: `{:frontmatter raw-text :body rest}`, or `:frontmatter nil` and the whole text as `:body` when there is none. The block is not parsed.', [
    '(markdown/frontmatter "---\\ntitle: Hello\\n---\\nBody text")  ; => {:body "Body text" :frontmatter "title: Hello\\n"}',
    '(markdown/frontmatter "Just a plain document")  ; => {:body "Just a plain document" :frontmatter nil}',
  ]),
  d('(html/parse html)', 'Parses HTML leniently (implied html/head/body, unclosed tags closed) and returns the normalized document as a string, which the other `html/` functions accept.', [
    '(html/parse "<p>hello<p>world")  ; => "<html><head></head><body><p>hello</p><p>world</p></body></html>"',
  ]),
  d('(html/select html selector)', 'The outer HTML of every element matching a CSS selector (type, `.class`, `#id`, attributes, combinators, `:nth-child` and the other structural pseudo-classes, `:not`/`:is`/`:has`), in document order. An invalid selector is an error.', [
    '(html/select "<p class=x>a</p><p>b</p>" "p.x")  ; => ("<p class=\\"x\\">a</p>")',
  ]),
  d('(html/select-text html selector)', 'Like `html/select`, but each match\'s text content, whitespace-collapsed.', [
    '(html/select-text "<ul><li>one</li><li>two</li></ul>" "li")  ; => ("one" "two")',
  ]),
  d('(html/text html)', 'All text of the document (text nodes joined by spaces), whitespace-collapsed and trimmed.', [
    '(html/text "<h1>Title</h1><p>Some <b>bold</b> body.</p>")  ; => "Title Some bold body."',
  ]),
];
