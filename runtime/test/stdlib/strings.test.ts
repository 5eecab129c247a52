import { test } from 'node:test';
import { checkAll, checkError } from './text-harness';


test('core operations from the strings page', () => {
  checkAll([
    ['(string/split "a,b,c" ",")', '("a" "b" "c")'],
    ['(string/split "hello world" " ")', '("hello" "world")'],
    ['(string/split "ab" "")', '("" "a" "b" "")'],
    ['(string/lines "a\\nb\\r\\nc\\n")', '("a" "b" "c")'],
    ['(string/lines "single")', '("single")'],
    ['(string/lines "")', '()'],
    ['(string/join \'("a" "b" "c") ", ")', '"a, b, c"'],
    ['(string/join [1 :k "x"] "-")', '"1-:k-x"'],
    ['(string/trim "  hello  ")', '"hello"'],
    ['(string/trim "\\thello\\n")', '"hello"'],
    ['(string/trim-left "  hi")', '"hi"'],
    ['(string/trim-right "hi  ")', '"hi"'],
    ['(string/upper "hello")', '"HELLO"'],
    ['(string/lower "HELLO")', '"hello"'],
    ['(string/capitalize "hELLO")', '"Hello"'],
    ['(string/title-case "hello   world")', '"Hello World"'],
    ['(string/contains? "hello" "ell")', '#t'],
    ['(string/contains? "hello" "xyz")', '#f'],
    ['(string/starts-with? "hello" "he")', '#t'],
    ['(string/ends-with? "hello" "he")', '#f'],
    ['(string/replace "hello" "l" "r")', '"herro"'],
    ['(string/replace "aaa" "a" "b")', '"bbb"'],
    ['(string/index-of "hello" "ll")', '2'],
    ['(string/index-of "héllo" "l")', '2'],
    ['(string/index-of "hello" "xyz")', 'nil'],
    ['(string/last-index-of "abcabc" "abc")', '3'],
    ['(string/chars "abc")', '(#\\a #\\b #\\c)'],
    ['(string/repeat "ab" 3)', '"ababab"'],
    ['(string/pad-left "42" 5 "0")', '"00042"'],
    ['(string/pad-left "hi" 5)', '"   hi"'],
    ['(string/pad-right "hi" 5)', '"hi   "'],
    ['(string/pad-right "42" 5 "0")', '"42000"'],
    ['(string/number? "42")', '#t'],
    ['(string/number? "3.14")', '#t'],
    ['(string/number? "hello")', '#f'],
    ['(string/empty? "")', '#t'],
    ['(string/map char/upcase "hello")', '"HELLO"'],
    ['(string/reverse "hello")', '"olleh"'],
    ['(string/append "hello" " " "world")', '"hello world"'],
    ['(string/length "日本語")', '3'],
    ['(string/length "😀")', '1'],
    ['(string/ref "hello" 4)', '#\\o'],
    ['(string/slice "hello" 1 3)', '"el"'],
    ['(string/slice "héllo" 1 2)', '"é"'],
    ['(substring "hello" 2)', '"llo"'],
    ['(str 42)', '"42"'],
    ['(str #t)', '"#t"'],
    ["(str '(1 2 3))", '"(1 2 3)"'],
    ['(str "a" 1.0 nil #\\x \'("q"))', '"a1.0nil#\\\\x(\\"q\\")"'],
    ['(str)', '""'],
    ['(format "~a is ~a" "Sema" "great")', '"Sema is great"'],
    ['(format "~a + ~a = ~a" 1 2 3)', '"1 + 2 = 3"'],
    ['(format "~s ~a~%~~ ~d" "q" "r")', '"\\"q\\" r\\n~ ~d"'],
  ]);
});

test('unicode functions', () => {
  checkAll([
    ['(string/byte-length "héllo")', '6'],
    ['(string/byte-length "日本語")', '9'],
    ['(string/byte-length "😀")', '4'],
    ['(string/codepoints "ABC")', '(65 66 67)'],
    ['(string/codepoints "😀")', '(128512)'],
    ['(string/codepoints "👋🏽")', '(128075 127997)'],
    ["(string/from-codepoints '(65 66 67))", '"ABC"'],
    ['(string/from-codepoints [233])', '"é"'],
    ['(string/normalize "e\\u0301" :nfc)', '"é"'],
    ['(string/length (string/normalize "é" :nfd))', '2'],
    ['(string/normalize "\\uFB01" :nfkc)', '"fi"'],
    ['(string/normalize "e\\u0301" "NFC")', '"é"'],
    ['(string/foldcase "Straße")', '"strasse"'],
    ['(string/foldcase "ΩΜΕΓΑ")', '"ωμεγα"'],
    ['(string-ci=? "CAFÉ" "café")', '#t'],
    ['(string-ci=? "hello" "world")', '#f'],
    ['(string/width "hello")', '5'],
    ['(string/width "日本語")', '6'],
    ['(string/width "👋")', '2'],
    ['(string/width "\\x1b;[31mred\\x1b;[0m")', '3'],
    ['(string/word-wrap "the quick brown fox" 10)', '("the quick" "brown fox")'],
    ['(string/word-wrap "日本語 の テスト" 8)', '("日本語" "の" "テスト")'],
    ['(string/word-wrap "abcdefgh" 3)', '("abc" "def" "gh")'],
  ]);
});

test('slicing, prefixes, replacement and case conversion', () => {
  checkAll([
    ['(string/after "hello@world.com" "@")', '"world.com"'],
    ['(string/after "no-match" "@")', '"no-match"'],
    ['(string/after-last "a.b.c" ".")', '"c"'],
    ['(string/before "hello@world.com" "@")', '"hello"'],
    ['(string/before-last "a.b.c" ".")', '"a.b"'],
    ['(string/between "[hello]" "[" "]")', '"hello"'],
    ['(string/between "start:middle:end" "start:" ":end")', '"middle"'],
    ['(string/between "abc" "x" "y")', '""'],
    ['(string/take "hello" 3)', '"hel"'],
    ['(string/take "hello" -2)', '"lo"'],
    ['(string/chop-start "Hello World" "Hello ")', '"World"'],
    ['(string/chop-end "file.txt" ".md")', '"file.txt"'],
    ['(string/ensure-start "path" "/")', '"/path"'],
    ['(string/ensure-end "path/" "/")', '"path/"'],
    ['(string/wrap "hello" "(" ")")', '"(hello)"'],
    ['(string/wrap "hello" "**")', '"**hello**"'],
    ['(string/unwrap "(hello)" "(" ")")', '"hello"'],
    ['(string/unwrap "hello" "(" ")")', '"hello"'],
    ['(string/replace-first "aaa" "a" "b")', '"baa"'],
    ['(string/replace-last "aaa" "a" "b")', '"aab"'],
    ['(string/remove "hello world" "o")', '"hell wrld"'],
    ['(string/snake-case "helloWorld")', '"hello_world"'],
    ['(string/snake-case "Hello World")', '"hello_world"'],
    ['(string/kebab-case "helloWorld")', '"hello-world"'],
    ['(string/camel-case "hello_world")', '"helloWorld"'],
    ['(string/camel-case "Hello World")', '"helloWorld"'],
    ['(string/pascal-case "hello world")', '"HelloWorld"'],
    ['(string/headline "helloWorld")', '"Hello World"'],
    ['(string/words "hello_world")', '("hello" "world")'],
    ['(string/words "Hello World!")', '("Hello" "World!")'],
    ['(string/words "HTMLParser")', '("HTML" "Parser")'],
  ]);
});

test('characters and conversions', () => {
  checkAll([
    ['(char/to-integer #\\A)', '65'],
    ['(integer/to-char 955)', '#\\λ'],
    ['(char/alphabetic? #\\a)', '#t'],
    ['(char/alphabetic? #\\5)', '#f'],
    ['(char/numeric? #\\5)', '#t'],
    ['(char/whitespace? #\\space)', '#t'],
    ['(char/upper-case? #\\A)', '#t'],
    ['(char/upper-case? #\\a)', '#f'],
    ['(char/upcase #\\a)', '#\\A'],
    ['(char/downcase #\\Z)', '#\\z'],
    ['(char/to-string #\\a)', '"a"'],
    ['(string/to-char "a")', '#\\a'],
    ['(char=? #\\a #\\a)', '#t'],
    ['(char<? #\\a #\\b)', '#t'],
    ['(char>? #\\b #\\a)', '#t'],
    ['(char<=? #\\a #\\a)', '#t'],
    ['(char>=? #\\b #\\a)', '#t'],
    ['(char-ci=? #\\A #\\a)', '#t'],
    ['(string/to-number "42")', '42'],
    ['(string/to-number "3.14")', '3.14'],
    ['(number/to-string 42)', '"42"'],
    ['(number/to-string 3.14)', '"3.14"'],
    ['(number/to-string 3.0)', '"3"'],
    ['(string/to-symbol "foo")', 'foo'],
    ["(symbol/to-string 'foo)", '"foo"'],
    ['(string/to-keyword "name")', ':name'],
    ['(keyword/to-string :name)', '"name"'],
    ['(string/to-list "abc")', '(#\\a #\\b #\\c)'],
    ["(list->string '(#\\h #\\i))", '"hi"'],
    ['(string/to-float "2")', '2.0'],
  ]);
});

test('errors name the function and the problem', () => {
  checkError('(string/upper 1)', 'type-error', 'expected string, got int');
  checkError('(string-ref "abc" 5)', 'eval', 'string-ref: index 5 out of bounds (string length 3)');
  checkError('(substring "abc" 2 1)', 'eval', 'substring: index out of bounds');
  checkError('(string/to-number "x1")', 'eval', "cannot parse 'x1' as number");
  checkError('(string/to-char "ab")', 'eval', 'exactly one character');
  checkError('(integer->char 55296)', 'eval', 'invalid codepoint 55296');
  checkError('(string/normalize "a" :xyz)', 'eval', 'unknown form "xyz"');
  checkError('(string/repeat "a" -1)', 'eval', 'expected a non-negative integer, got -1');
  checkError('(string/trim)', 'arity', 'string/trim expects 1 args, got 0');
});
