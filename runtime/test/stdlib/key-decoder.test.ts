import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKey, type ByteSource } from '../../src/stdlib/key-decoder';
import { printValue } from '../../src/reader';

/** Decodes `bytes` as typed; bytes after a `null` only "arrive" after any wait. */
function keys(...parts: (string | null)[]): string[] {
  const queue: (number | null)[] = [];
  for (const p of parts) queue.push(...(p === null ? [null] : [...Buffer.from(p, 'latin1')]));
  const src: ByteSource = {
    read: () => {
      while (queue[0] === null) queue.shift();
      return queue.shift() ?? undefined;
    },
    // A pause (null) means nothing more is waiting right now.
    ready: () => queue.length > 0 && queue[0] !== null,
  };
  const out: string[] = [];
  for (let k = decodeKey(src); k !== null; k = decodeKey(src)) out.push(printValue(k));
  return out;
}

test('plain, control and named keys', () => {
  assert.deepEqual(keys('a~ \x01\x03\x00\t\r\n\x7f\x08'), [
    '{:char "a" :kind :char}', '{:char "~" :kind :char}', '{:char " " :kind :char}',
    '{:char "a" :kind :ctrl}', '{:char "c" :kind :ctrl}', '{:char "`" :kind :ctrl}',
    '{:kind :key :name :tab}', '{:kind :key :name :enter}', '{:kind :key :name :enter}',
    '{:kind :key :name :backspace}', '{:kind :key :name :backspace}',
  ]);
});

test('escape sequences, a lone Escape and Alt', () => {
  assert.deepEqual(keys('\x1b[A\x1b[D\x1b[3~\x1b[6~\x1b[Z\x1b[15~\x1bOQ\x1bOx\x1bz'), [
    '{:kind :key :name :up}', '{:kind :key :name :left}', '{:kind :key :name :delete}', '{:kind :key :name :page-down}',
    '{:kind :key :name :shift-tab}', '{:kind :key :name :unknown}', '{:kind :key :name :f2}', '{:kind :key :name :unknown}',
    '{:char "z" :kind :alt}',
  ]);
  assert.deepEqual(keys('\x1b', null, '[A'), ['{:kind :key :name :esc}', '{:char "[" :kind :char}', '{:char "A" :kind :char}']);
  assert.deepEqual(keys('\x1b'), ['{:kind :key :name :esc}']);
});

test('UTF-8 characters, with continuations that never come', () => {
  assert.deepEqual(keys('\xc3\xa9\xf0\x9f\x98\x80'), ['{:char "é" :kind :char}', '{:char "😀" :kind :char}']);
  assert.deepEqual(keys('\xe2\x82', null, 'x'), ['{:char "?" :kind :char}', '{:char "x" :kind :char}']);
  assert.deepEqual(keys('\xff'), ['{:char "?" :kind :char}']);
});

test('SGR mouse reports', () => {
  assert.deepEqual(keys('\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<32;3;4M\x1b[<65;1;1M\x1b[<22;2;3M'), [
    '{:action :press :button 0 :kind :mouse :x 10 :y 5}',
    '{:action :release :button 0 :kind :mouse :x 10 :y 5}',
    '{:action :move :button 0 :kind :mouse :x 3 :y 4}',
    '{:action :wheel-down :button 1 :kind :mouse :x 1 :y 1}',
    '{:action :press :button 2 :kind :mouse :mods (:shift :ctrl) :x 2 :y 3}',
  ]);
});

test('kitty keyboard events keep the legacy shapes and add :mods', () => {
  assert.deepEqual(keys('\x1b[97u\x1b[97;2;65u\x1b[97;2u\x1b[99;5u\x1b[120;3u\x1b[27u\x1b[13;2u\x1b[97;9u'), [
    '{:char "a" :kind :char}',
    '{:char "A" :kind :char :mods (:shift)}',
    '{:char "A" :kind :char :mods (:shift)}',
    '{:char "c" :kind :ctrl :mods (:ctrl)}',
    '{:char "x" :kind :alt :mods (:alt)}',
    '{:kind :key :name :esc}',
    '{:kind :key :mods (:shift) :name :enter}',
    '{:char "a" :kind :char :mods (:super)}',
  ]);
});
