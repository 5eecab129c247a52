import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printValue } from '../../src/reader';
import { stripAnsi } from '../../src/stdlib/terminal';
import { checkAll, checkError, Session, stdinFrom } from './text-harness';

const ESC = '\x1b';

test('each style function wraps its text in its SGR code and a reset', () => {
  const s = new Session();
  const codes: [string, number][] = [['bold', 1], ['dim', 2], ['italic', 3], ['underline', 4], ['inverse', 7], ['strikethrough', 9],
    ['black', 30], ['red', 31], ['green', 32], ['yellow', 33], ['blue', 34], ['magenta', 35], ['cyan', 36], ['white', 37], ['gray', 90]];
  for (const [name, code] of codes) assert.equal(s.run(`(term/${name} "x")`), `${ESC}[${code}mx${ESC}[0m`, name);
  assert.equal(s.run('(term/style "alert" :bold :red :underline)'), `${ESC}[1;31;4malert${ESC}[0m`);
  assert.equal(s.run('(term/bold (term/red "a"))'), `${ESC}[1m${ESC}[31ma${ESC}[0m${ESC}[0m`);
  assert.equal(s.run('(term/rgb "teal" 0 128 128)'), `${ESC}[38;2;0;128;128mteal${ESC}[0m`);
});

test('term/style and term/rgb reject what the reference rejects', () => {
  checkAll([['(term/style "plain text")', '"plain text"']]);
  checkError('(term/style "text" :blink)', 'eval', 'term/style: unknown style keyword :blink');
  checkError('(term/style "text" "red")', 'type-error', 'term/style: expected keyword, got string');
  checkError('(term/bold 1)', 'type-error', 'term/bold: expected string, got int');
  checkError('(term/rgb "x" 1 2 3.0)', 'type-error', 'term/rgb: expected integer, got float');
  checkError('(term/bold)', 'arity', 'term/bold expects 1');
});

test('term/strip removes CSI, OSC and two-character escapes', () => {
  assert.equal(stripAnsi(`a${ESC}[38;2;1;2;3mb${ESC}[0m`), 'ab');
  assert.equal(stripAnsi(`${ESC}]0;title\x07x${ESC}]8;;url${ESC}\\y`), 'xy');
  assert.equal(stripAnsi(`${ESC}7é${ESC}8ü`), 'éü');
  assert.equal(stripAnsi(`cut${ESC}[`), 'cut');
  checkAll([['(term/strip (term/style "hi" :red :bold))', '"hi"'], ['(term/strip "no codes here")', '"no codes here"']]);
});

test('screen control writes its sequence to stdout and returns nil', () => {
  const s = new Session();
  const out = (src: string): string => {
    s.out = '';
    assert.equal(s.run(src), null, src);
    return s.out;
  };
  assert.equal(out('(term/clear)'), `${ESC}[2J${ESC}[H`);
  assert.equal(out('(term/enter-alt-screen)'), `${ESC}[?1049h`);
  assert.equal(out('(term/enable-mouse)'), `${ESC}[?1000h${ESC}[?1002h${ESC}[?1006h`);
  assert.equal(out('(term/enable-kitty-keys!)'), `${ESC}[>17u`);
  assert.equal(out('(term/move-to 0 -4)'), `${ESC}[1;1H`);
  assert.equal(out('(term/write-at 3 5 "hi")'), `${ESC}[3;5Hhi`);
  assert.equal(out('(term/set-title "my app")'), `${ESC}]0;my app\x07`);
  assert.equal(out('(term/bell)'), '\x07');
  assert.equal(out('(term/flush)'), '');
  assert.equal(s.err, '');
});

test('spinners draw on stderr, advance while sleep waits, and end with the final line', () => {
  const s = new Session();
  s.run('(define id (term/spinner-start "Loading"))');
  assert.equal(s.err, `\r${ESC}[K⠋ Loading`);
  s.run('(term/spinner-update id "Working")');
  assert.ok(s.err.endsWith(`\r${ESC}[K⠙ Working`), JSON.stringify(s.err));
  const before = s.err.length;
  s.run('(sleep 250)');
  assert.ok(s.err.slice(before).includes(`${ESC}[K⠹ Working`), 'a new frame while sleeping');
  s.err = '';
  assert.equal(s.run('(term/spinner-stop id {:symbol "✔" :text "Done"})'), null);
  assert.equal(s.err, `\r${ESC}[K✔ Done\n`);
  s.err = '';
  s.run('(term/spinner-stop id) (term/spinner-update id "gone")');
  assert.equal(s.err, '', 'a stopped spinner is forgotten');
  s.run('(term/spinner-stop (term/spinner-start "x"))');
  assert.ok(s.err.endsWith(`\r${ESC}[K`), 'stopping without options only clears the line');
  assert.equal(s.out, '');
  checkError('(term/spinner-update "a" "b")', 'type-error', 'term/spinner-update: expected integer, got string');
});

test('guard macros undo their set-up, also when the body throws', () => {
  const s = new Session();
  assert.equal(s.run('(term/with-alt-screen (term/with-mouse 42))'), 42);
  assert.equal(s.out, `${ESC}[?1049h${ESC}[?25l${ESC}[?1000h${ESC}[?1002h${ESC}[?1006h${ESC}[?1000l${ESC}[?1002l${ESC}[?1006l${ESC}[?25h${ESC}[?1049l`);
  s.out = '';
  assert.equal(s.run('(try (term/with-alt-screen (error "boom")) (catch e (:message e)))'), 'boom');
  assert.ok(s.out.endsWith(`${ESC}[?25h${ESC}[?1049l`));
  assert.equal(s.run('(io/with-raw-mode 5)'), 5);
  assert.match(printValue(s.run("(macroexpand '(io/with-raw-mode (f)))")), /^\(let \(\((\S+) \(io\/tty-raw!\)\)\) .*\(when \1 \(io\/tty-restore! \1\)\)/);
});

test('io/read-key reads keypresses from stdin', () => {
  stdinFrom(Buffer.from('a\x1b[B\x1b\x7f'));
  checkAll([
    ['(io/read-key)', '{:char "a" :kind :char}'],
    ['(io/read-key-timeout 10)', '{:kind :key :name :down}'],
    ['(io/read-key)', '{:char "\x7f" :kind :alt}'],
    ['(io/read-key)', 'nil'],
    ['(io/eof?)', '#t'],
    ['(io/read-key-timeout -1)', 'nil'],
  ]);
  checkError('(io/read-key-timeout "x")', 'type-error', 'io/read-key-timeout: expected integer, got string');
});
