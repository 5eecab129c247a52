import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkError, show } from './harness';
import { markdownHeadings, markdownToHtml } from '../../src/stdlib/markup/markdown';
import { parseHtml } from '../../src/stdlib/markup/html-tree';
import { serialize, textNodes } from '../../src/stdlib/markup/html-serialize';
import { parseSelector, selectAll } from '../../src/stdlib/markup/css-select';

const parse = (html: string): string => serialize(parseHtml(html), true);
const select = (html: string, sel: string): string[] => selectAll(parseHtml(html), parseSelector(sel)).map((n) => serialize(n));

test('CommonMark blocks render as pulldown-cmark writes them', () => {
  assert.equal(markdownToHtml('Setext\n---\n\n* a\n* b\n\n  c\n'), '<h2>Setext</h2>\n<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n<p>c</p>\n</li>\n</ul>\n');
  assert.equal(markdownToHtml('3. x\n4. y'), '<ol start="3">\n<li>x</li>\n<li>y</li>\n</ol>\n');
  assert.equal(markdownToHtml('- a\n  - b\n'), '<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>\n');
  assert.equal(markdownToHtml('> a\nlazy'), '<blockquote>\n<p>a\nlazy</p>\n</blockquote>\n');
  assert.equal(markdownToHtml('    code\n\n    more'), '<pre><code>code\n\nmore\n</code></pre>\n');
  assert.equal(markdownToHtml('~~~\n<x>\n~~~'), '<pre><code>&lt;x&gt;\n</code></pre>\n');
  assert.equal(markdownToHtml('<div>\n*raw*\n</div>\n'), '<div>\n*raw*\n</div>\n');
  assert.equal(markdownToHtml('<div>\n*raw*\n</div>'), '<div>\n*raw*\n</div>');
  assert.equal(markdownToHtml(''), '');
});

test('CommonMark inlines: emphasis rules, links, escapes, breaks', () => {
  assert.equal(markdownToHtml('*a **b** c*'), '<p><em>a <strong>b</strong> c</em></p>\n');
  assert.equal(markdownToHtml('snake_case_name and *a*b'), '<p>snake_case_name and <em>a</em>b</p>\n');
  assert.equal(markdownToHtml('***x***'), '<p><em><strong>x</strong></em></p>\n');
  assert.equal(markdownToHtml('\\*no\\* `a  b` ``a`b``'), '<p>*no* <code>a  b</code> <code>a`b</code></p>\n');
  assert.equal(markdownToHtml('[a *b*](</my url> \'t\')'), '<p><a href="/my%20url" title="t">a <em>b</em></a></p>\n');
  assert.equal(markdownToHtml('[x]\n\n[x]: https://e.com/?a=1&b=2'), '<p><a href="https://e.com/?a=1&amp;b=2">x</a></p>\n');
  assert.equal(markdownToHtml('a  \nb\\\nc\nd'), '<p>a<br />\nb<br />\nc\nd</p>\n');
  assert.equal(markdownToHtml('<me@x.org> &#65; &nope;'), '<p><a href="mailto:me@x.org">me@x.org</a> A &amp;nope;</p>\n');
  assert.equal(markdownToHtml('~~not strike~~'), '<p>~~not strike~~</p>\n');
});

test('headings keep text and code, drop markup, collapse whitespace', () => {
  assert.deepEqual(markdownHeadings('# a *b* `c` ![img](x.png)\n\n####### not\n\n  ## closed ##'), [
    { level: 1, text: 'a b c img' }, { level: 2, text: 'closed' },
  ]);
});

test('HTML5 tree building: implied elements, auto-closing, head content, serialization', () => {
  assert.equal(parse(''), '<html><head></head><body></body></html>');
  assert.equal(parse('<title>a<b</title><p>x'), '<html><head><title>a&lt;b</title></head><body><p>x</p></body></html>');
  assert.equal(parse('<ul><li>a<li>b</ul><div>c</div></p>'), '<html><head></head><body><ul><li>a</li><li>b</li></ul><div>c</div><p></p></body></html>');
  assert.equal(parse('<p>a<div>b</div>'), '<html><head></head><body><p>a</p><div>b</div></body></html>');
  assert.equal(parse('<script>if (a<b) x="&amp;"</script>'), '<html><head><script>if (a<b) x="&amp;"</script></head><body></body></html>');
  assert.equal(parse('<p title="a&quot;b" x=1 x=2>&nbsp;&lt;<!-- c --><br/>'), '<html><head></head><body><p title="a&quot;b" x="1">&nbsp;&lt;<!-- c --><br></p></body></html>');
  // Formatting elements reopen across block boundaries and misnesting (HTML5 "reconstruct").
  assert.equal(parse('<p><b>bold<p>next'), '<html><head></head><body><p><b>bold</b></p><p><b>next</b></p></body></html>');
  assert.equal(parse('<b><i>x</b>y</i>'), '<html><head></head><body><b><i>x</i></b><i>y</i></body></html>');
  assert.equal(parse('<a href=1>a<a href=2>b'), '<html><head></head><body><a href="1">a</a><a href="2">b</a></body></html>');
  assert.equal(parse('<table><tr><td><b>x</td><td>y</table>z'), '<html><head></head><body><table><tbody><tr><td><b>x</b></td><td>y</td></tr></tbody></table>z</body></html>');
  assert.equal(parse('a < b <3'), '<html><head></head><body>a &lt; b &lt;3</body></html>');
});

test('CSS selectors', () => {
  const html = '<div class="a b" id=top><p>1</p><p class=b>2</p><span>3</span><p>4</p></div><p>5</p>';
  assert.deepEqual(select(html, 'div.b > p:nth-of-type(2)'), ['<p class="b">2</p>']);
  assert.deepEqual(select(html, '#top p:not(.b)'), ['<p>1</p>', '<p>4</p>']);
  assert.deepEqual(select(html, 'span ~ p, p + span'), ['<span>3</span>', '<p>4</p>']);
  assert.deepEqual(select(html, 'div:has(span) > p:last-child'), ['<p>4</p>']);
  assert.deepEqual(select(html, 'P:NTH-CHILD(-n+2)').length, 3);
  assert.deepEqual(select(html, '[class~=b][id^=to]').length, 1);
  assert.deepEqual(select(html, 'body > p:only-of-type'), ['<p>5</p>']);
  // :has takes relative selectors.
  assert.deepEqual(select(html, 'div:has(> span)').length, 1);
  assert.deepEqual(select(html, 'p:has(+ span)'), ['<p class="b">2</p>']);
  assert.deepEqual(select(html, 'body:has(> p ~ p)').length, 0);
  for (const bad of ['', 'p >', 'p,,', '[x', ':nth-child(x)', 'p::before', ':bogus']) assert.throws(() => parseSelector(bad), bad);
});

test('hostile input: deep nesting and huge documents finish quickly', () => {
  const started = Date.now();
  const deep = '<div>'.repeat(100000) + 'x';
  assert.equal(textNodes(parseHtml(deep)).join(''), 'x');
  assert.ok(select(deep, 'div div div div div div div div div div div div span').length === 0);
  assert.ok(markdownToHtml('>'.repeat(50000) + ' a').includes('a'));
  // Nesting past the host stack is a clear error, never a crash or a hang.
  const nested = show(`(try (markdown/to-html ${JSON.stringify('*'.repeat(40000) + 'a' + '*'.repeat(40000))}) (catch e "too deep"))`);
  assert.ok(nested.startsWith('"<p>') || nested === '"too deep"', nested);
  assert.ok(markdownToHtml('['.repeat(20000) + 'a' + ']'.repeat(20000) + '(u)').length > 0);
  assert.ok(markdownToHtml('- '.repeat(5000) + 'x').length > 0);
  assert.ok(markdownToHtml('a *b _c '.repeat(20000)).length > 0);
  assert.equal(parse('<a><a><a><b><i>'.repeat(2000)).length > 0, true);
  assert.ok(parse(Array.from({ length: 3000 }, (_, i) => `<b id=${i}>`).join('') + '<p>x'.repeat(3000)).length < 5_000_000);
  const wide = '<div>' + '<p><b>x</b></p>'.repeat(3000) + '</div>';
  // Nested :has is bounded: memoized per anchor, and refused past a fixed work budget.
  assert.deepEqual(select(wide, ':has(:has(:has(b)))').map((h) => h.slice(0, 6)), ['<html>', '<body>']);
  assert.ok(Date.now() - started < 20000, `took ${Date.now() - started}ms`);
});

test('markup builtins check their arguments', () => {
  checkError('(markdown/to-html 1)', 'expected string, got int');
  checkError('(html/select "<p>" 1)', 'expected string, got int');
  checkError('(html/select "<p>" "p[")', 'invalid selector');
  checkError('(markdown/headings)', 'markdown/headings');
});
