import { test } from 'node:test';
import { checkAll, checkError } from './text-harness';


test('regex page examples', () => {
  checkAll([
    ['(regex/match? #"\\d+" "abc123")', '#t'],
    ['(regex/match? "\\\\d+" "abc123")', '#t'],
    ['(regex/match? #"\\d+" "no digits")', '#f'],
    ['(regex/match? #"^\\d+$" "abc123")', '#f'],
    ['(regex/match? #"^\\d+$" "123")', '#t'],
    ['(regex/match #"(\\d+)-(\\w+)" "item-42-foo")', '{:end 11 :groups ("42" "foo") :match "42-foo" :start 5}'],
    ['(regex/match #"xyz" "abc")', 'nil'],
    ['(regex/match #"(\\d+)(?:-(\\d+))?" "42")', '{:end 2 :groups ("42" nil) :match "42" :start 0}'],
    ['(regex/match #"l+" "héllo")', '{:end 5 :groups () :match "ll" :start 3}'],
    ['(regex/find-all #"\\d+" "a1b2c3")', '("1" "2" "3")'],
    ['(regex/find-all #"[A-Z]" "Hello World")', '("H" "W")'],
    ['(regex/replace #"\\d+" "X" "a1b2c3")', '"aXb2c3"'],
    ['(regex/replace #"(\\d+)-(\\w+)" "$2:$1" "item-42-foo")', '"item-foo:42"'],
    ['(regex/replace #"(?P<num>\\d+)-(?P<word>\\w+)" "$word:$num" "item-42-foo")', '"item-foo:42"'],
    ['(regex/replace #"(?P<n>\\d)" "${n}x$$" "a1")', '"a1x$"'],
    ['(regex/replace-all #"\\d" "X" "a1b2")', '"aXbX"'],
    ['(regex/replace-all #"\\s+" " " "a   b\\n\\nc\\t\\t d")', '"a b c d"'],
    ['(regex/split #"," "a,b,c")', '("a" "b" "c")'],
    ['(regex/split #"\\s+" "hello  world")', '("hello" "world")'],
    ['(regex/split #"[,;]" "a,b;c,d")', '("a" "b" "c" "d")'],
    ['(regex/split #"(,)" "a,b")', '("a" "b")'],
    ['(regex/match? #"\\"[^\\"]+\\"" "say \\"hello\\"")', '#t'],
    ['(regex/match? #"^[A-Za-z_][A-Za-z0-9_]*$" "1foo")', '#f'],
    ['(regex/find-all #"[\\w.+-]+@[\\w-]+\\.[\\w.]+" "Contact ada@example.com or bob@test.org")', '("ada@example.com" "bob@test.org")'],
    ['(regex/match #"^(\\w+)\\s*=\\s*(.+)$" "name = Alice")', '{:end 12 :groups ("name" "Alice") :match "name = Alice" :start 0}'],
  ]);
});

test('Rust syntax differences are translated', () => {
  checkAll([
    ['(regex/match? #"(?i)hello" "HeLLo")', '#t'],
    ['(regex/find-all #"(?m)^\\w" "ab\\ncd")', '("a" "c")'],
    ['(regex/match? #"\\w+" "日本")', '#t'],
    ['(regex/find-all #"\\d" "٣4")', '("٣" "4")'],
    ['(regex/find-all #"[[:upper:]]+" "abCDe")', '("CD")'],
    ['(regex/find-all #"\\p{Greek}+" "abc αβγ")', '("αβγ")'],
    ['(regex/find-all #"\\pL+" "ab1c")', '("ab" "c")'],
    ['(regex/match? #"a\\-b\\#" "a-b#")', '#t'],
    ['(regex/find-all #"a*" "baaac")', '("" "aaa" "")'],
    ['(regex/replace-all #"a*" "-" "baaac")', '"-b-c-"'],
    ['(regex/split #"" "abc")', '("" "a" "b" "c" "")'],
    ['(regex/find-all #"." "a\\nb")', '("a" "b")'],
    ['(regex/find-all #"(?x) a  b # comment" "ab ab")', '("ab" "ab")'],
  ]);
});

test('invalid patterns give clear errors', () => {
  checkError('(regex/match? #"(?=a)" "a")', 'eval', 'look-around');
  checkError('(regex/match? #"(a)\\1" "aa")', 'eval', 'backreferences are not supported');
  checkError('(regex/match? #"(" "a")', 'eval', 'invalid regex pattern');
  checkError('(regex/match? #"[a" "a")', 'eval', 'unclosed character class');
  checkError('(regex/match? 1 "a")', 'type-error', 'expected string, got int');
});
