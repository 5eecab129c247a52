import { test } from 'node:test';
import { checkAll, checkError } from './text-harness';

test('text-processing page examples', () => {
  checkAll([
    ['(text/chunk-by-separator "a\\nb\\nc" "\\n")', '("a" "b" "c")'],
    ['(text/split-sentences "Hello world. How are you? Fine.")', '("Hello world." "How are you?" "Fine.")'],
    ['(text/clean-whitespace "  hello   world  \\n\\n  foo  ")', '"hello world foo"'],
    ['(text/strip-html "<p>Hello <b>world</b></p>")', '"Hello world"'],
    ['(text/strip-html "a &amp; b &lt; c")', '"a & b < c"'],
    ['(text/truncate "hello world" 5)', '"he..."'],
    ['(text/truncate "hello world" 8 "…")', '"hello w…"'],
    ['(text/truncate "hi" 10)', '"hi"'],
    ['(text/word-count "hello world foo bar")', '4'],
    ['(text/trim-indent "    hello\\n    world")', '"hello\\nworld"'],
    ['(text/trim-indent "    hello\\n      world")', '"hello\\n  world"'],
    ['(text/excerpt "The quick brown fox jumps over the lazy dog" "fox" {:radius 10})', '"...ick brown fox jumps ove..."'],
    ['(text/excerpt "Hello world" "Hello")', '"Hello world"'],
    ['(text/excerpt "Long text here..." "text" {:radius 5 :omission "[…]"})', '"Long text here[…]"'],
    ['(text/excerpt "abc" "z")', 'nil'],
    ['(text/normalize-newlines "line1\\r\\nline2\\rline3")', '"line1\\nline2\\nline3"'],
    ['(prompt/render "Hello {{name}}, welcome to {{place}}." {:name "Alice" :place "Wonderland"})', '"Hello Alice, welcome to Wonderland."'],
    ['(prompt/render "Count: {{n}}" {:n 42})', '"Count: 42"'],
    ['(document/create "Hello world" {:source "test.txt" :page 1})', '{:metadata {:page 1 :source "test.txt"} :text "Hello world"}'],
  ]);
});

test('chunking prefers natural boundaries and applies overlap', () => {
  checkAll([
    ['(text/chunk "")', '()'],
    ['(text/chunk "short")', '("short")'],
    ['(text/chunk "para one.\\n\\npara two is longer." {:size 20 :overlap 0})', '("para one." "para two is longer.")'],
    ['(text/chunk "aaaa bbbb cccc" {:size 9 :overlap 2})', '("aaaa bbbb" "bbcccc")'],
    ['(text/chunk "abcdefghij" {:size 4 :overlap 1})', '("abcd" "defg" "ghij" "j")'],
    ['(document/chunk (document/create "x y" {}) {:size 1 :overlap 0})', '({:metadata {:chunk-index 0 :total-chunks 2} :text "x"} {:metadata {:chunk-index 1 :total-chunks 2} :text "y"})'],
  ]);
  checkError('(document/text {:a 1})', 'eval', 'not a document: missing :text');
  checkError('(prompt/render "x" 1)', 'type-error', 'expected map, got int');
});
