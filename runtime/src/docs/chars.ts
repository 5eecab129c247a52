// Catalogue entries for characters and string conversions (stdlib/chars.ts,
// stdlib/string-conversions.ts). They appear on the strings page.

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[], aliases?: string[]): BuiltinDoc =>
  fnDoc('strings', sig, summary, examples, aliases);

const compare = (name: string, what: string, example: string): BuiltinDoc =>
  d(`(${name} a b)`, `True when character \`a\` is ${what} \`b\`.`, [example]);

export const charDocs: BuiltinDoc[] = [
  d('(char/to-integer c)', 'The Unicode code point of a character.', ['(char/to-integer #\\A)  ; => 65'], ['char->integer']),
  d('(integer/to-char n)', 'The character with code point `n`.', ['(integer/to-char 955)  ; => #\\λ'], ['integer->char']),
  d('(char/alphabetic? c)', 'True for alphabetic characters.', ['(char/alphabetic? #\\a)  ; => #t'], ['char-alphabetic?']),
  d('(char/numeric? c)', 'True for numeric characters.', ['(char/numeric? #\\5)  ; => #t'], ['char-numeric?']),
  d('(char/whitespace? c)', 'True for whitespace characters.', ['(char/whitespace? #\\space)  ; => #t'], ['char-whitespace?']),
  d('(char/upper-case? c)', 'True for upper-case characters.', ['(char/upper-case? #\\A)  ; => #t'], ['char-upper-case?']),
  d('(char/lower-case? c)', 'True for lower-case characters.', ['(char/lower-case? #\\a)  ; => #t'], ['char-lower-case?']),
  d('(char/upcase c)', 'The upper-case form of a character.', ['(char/upcase #\\a)  ; => #\\A'], ['char-upcase']),
  d('(char/downcase c)', 'The lower-case form of a character.', ['(char/downcase #\\Z)  ; => #\\z'], ['char-downcase']),
  d('(char/to-string c)', 'A one-character string.', ['(char/to-string #\\a)  ; => "a"'], ['char->string']),
  d('(string/to-char s)', 'The only character of a one-character string.', ['(string/to-char "a")  ; => #\\a'], ['string->char']),
  d('(string/to-list s)', 'The characters of `s` as a list.', ['(string/to-list "abc")  ; => (#\\a #\\b #\\c)'], ['string->list']),
  d('(list->string chars)', 'A string made of a list of characters.', ["(list->string '(#\\h #\\i))  ; => \"hi\""]),
  compare('char=?', 'the same character as', '(char=? #\\a #\\a)  ; => #t'),
  compare('char<?', 'before (by code point)', '(char<? #\\a #\\b)  ; => #t'),
  compare('char>?', 'after (by code point)', '(char>? #\\b #\\a)  ; => #t'),
  compare('char<=?', 'before or equal to', '(char<=? #\\a #\\a)  ; => #t'),
  compare('char>=?', 'after or equal to', '(char>=? #\\b #\\a)  ; => #t'),
  compare('char-ci=?', 'the same letter, ignoring case, as', '(char-ci=? #\\A #\\a)  ; => #t'),
  compare('char-ci<?', 'before, ignoring case,', '(char-ci<? #\\a #\\B)  ; => #t'),
  compare('char-ci>?', 'after, ignoring case,', '(char-ci>? #\\b #\\A)  ; => #t'),
  compare('char-ci<=?', 'before or equal to, ignoring case,', '(char-ci<=? #\\a #\\A)  ; => #t'),
  compare('char-ci>=?', 'after or equal to, ignoring case,', '(char-ci>=? #\\B #\\a)  ; => #t'),
  d('(string/to-number s)', 'Parses an integer or a float; an error when `s` is not a number.', ['(string/to-number "42")  ; => 42', '(string/to-number "3.14")  ; => 3.14'], ['string->number']),
  d('(string/to-float x)', 'Parses a string as a float (numbers are converted).', ['(string/to-float "2")  ; => 2.0'], ['string->float']),
  d('(number/to-string n)', 'The decimal text of a number (integral floats print without `.0`).', ['(number/to-string 3.14)  ; => "3.14"'], ['number->string']),
  d('(string/to-symbol s)', 'The symbol named `s`.', ["(string/to-symbol \"foo\")  ; => foo"], ['string->symbol']),
  d('(symbol/to-string sym)', 'The name of a symbol.', ["(symbol/to-string 'foo)  ; => \"foo\""], ['symbol->string']),
  d('(string/to-keyword s)', 'The keyword named `s`.', ['(string/to-keyword "name")  ; => :name'], ['string->keyword']),
  d('(keyword/to-string k)', 'The name of a keyword, without the colon.', ['(keyword/to-string :name)  ; => "name"'], ['keyword->string']),
];
