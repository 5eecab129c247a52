// Catalogue entries for text processing, prompt templates and documents (stdlib/text.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('text-processing', sig, summary, examples);

export const textDocs: BuiltinDoc[] = [
  d(['(text/chunk text)', '(text/chunk text options)'], 'Splits text into chunks of at most `:size` bytes (default 1000), preferring paragraph, line, sentence and word boundaries; each chunk repeats the last `:overlap` characters (default 200) of the one before.', ['(text/chunk "a b c d" {:size 3 :overlap 0})  ; => ("a b" "c d")']),
  d('(text/chunk-by-separator text separator)', 'Splits text at a separator, dropping empty pieces.', ['(text/chunk-by-separator "a\\nb\\n\\nc" "\\n")  ; => ("a" "b" "c")']),
  d('(text/split-sentences text)', 'Splits text into sentences ending in `.`, `!` or `?` followed by whitespace.', ['(text/split-sentences "Hello world. How are you? Fine.")  ; => ("Hello world." "How are you?" "Fine.")']),
  d('(text/clean-whitespace text)', 'Trims text and collapses every run of whitespace into one space.', ['(text/clean-whitespace "  hello   world  \\n\\n  foo  ")  ; => "hello world foo"']),
  d('(text/strip-html text)', 'Removes HTML tags and decodes the common entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&apos;`, `&nbsp;`).', ['(text/strip-html "<p>Hello <b>world</b></p>")  ; => "Hello world"']),
  d(['(text/truncate text max)', '(text/truncate text max suffix)'], 'Shortens text to at most `max` characters, ending with `suffix` (default `...`) when it was cut.', ['(text/truncate "hello world" 5)  ; => "he..."', '(text/truncate "hi" 10)  ; => "hi"']),
  d('(text/word-count text)', 'The number of whitespace-separated words.', ['(text/word-count "hello world foo bar")  ; => 4']),
  d('(text/trim-indent text)', 'Removes the indentation that all non-blank lines share.', ['(text/trim-indent "    hello\\n      world")  ; => "hello\\n  world"']),
  d(['(text/excerpt text query)', '(text/excerpt text query options)'], 'A snippet around the first case-insensitive match of `query`, `:radius` characters each side (default 100), with `:omission` (default `...`) where text was cut; nil when there is no match.', ['(text/excerpt "The quick brown fox jumps over the lazy dog" "fox" {:radius 10})  ; => "...ick brown fox jumps ove..."']),
  d('(text/normalize-newlines text)', 'Turns `\\r\\n` and `\\r` line endings into `\\n`.', ['(text/normalize-newlines "a\\r\\nb\\rc")  ; => "a\\nb\\nc"']),
  d('(prompt/template text)', 'A template string for `prompt/render` (returned as is).', ['(prompt/template "Hello {{name}}")  ; => "Hello {{name}}"']),
  d('(prompt/render template vars)', 'Replaces each `{{key}}` with the value of `:key` in `vars`; unknown keys are left in place.', ['(prompt/render "Hello {{name}}, {{missing}}." {:name "Bob"})  ; => "Hello Bob, {{missing}}."']),
  d('(document/create text metadata)', 'A document: a map of `:text` and `:metadata`.', ['(document/create "Hello world" {:page 1})  ; => {:metadata {:page 1} :text "Hello world"}']),
  d('(document/text doc)', 'The text of a document.', ['(document/text (document/create "Hi" {}))  ; => "Hi"']),
  d('(document/metadata doc)', 'The metadata map of a document.', ['(document/metadata (document/create "Hi" {:a 1}))  ; => {:a 1}']),
  d(['(document/chunk doc)', '(document/chunk doc options)'], 'Chunks a document\'s text like `text/chunk`; each chunk is a document whose metadata adds `:chunk-index` and `:total-chunks`.', ['(document/chunk (document/create "a b" {:src "x"}) {:size 1 :overlap 0})  ; => ({:metadata {:chunk-index 0 :src "x" :total-chunks 2} :text "a"} {:metadata {:chunk-index 1 :src "x" :total-chunks 2} :text "b"})']),
];
