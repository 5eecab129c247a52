// Catalogue entries for terminal styling, spinners, screen control, raw-mode keys and
// the terminal guard macros (stdlib/terminal.ts, spinners.ts, tty.ts, guard-macros.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const t = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('terminal', sig, summary, examples);

const style = (name: string, code: string, what: string, example: string): BuiltinDoc =>
  t(`(term/${name} text)`, `\`text\` ${what} (SGR ${code}), reset afterwards.`, [`(term/${name} "${example}")  ; => "\\x1b;[${code}m${example}\\x1b;[0m"`]);

const control = (name: string, summary: string): BuiltinDoc => t(`(${name})`, `${summary} Writes to stdout; returns nil.`, [`(${name})`]);

const macro = (name: string, summary: string, example: string): BuiltinDoc => ({
  name,
  kind: 'macro',
  module: 'terminal',
  signatures: [`(${name} body ...)`],
  params: ['body'],
  summary,
  examples: [example],
});

export const terminalDocs: BuiltinDoc[] = [
  style('bold', '1', 'in bold', 'important'),
  style('dim', '2', 'dimmed', 'less important'),
  style('italic', '3', 'in italics', 'emphasis'),
  style('underline', '4', 'underlined', 'click here'),
  style('inverse', '7', 'with foreground and background swapped', 'highlighted'),
  style('strikethrough', '9', 'struck through', 'deprecated'),
  style('black', '30', 'in black', 'dark text'),
  style('red', '31', 'in red', 'error message'),
  style('green', '32', 'in green', 'success'),
  style('yellow', '33', 'in yellow', 'warning'),
  style('blue', '34', 'in blue', 'info'),
  style('magenta', '35', 'in magenta', 'special'),
  style('cyan', '36', 'in cyan', 'highlight'),
  style('white', '37', 'in white', 'bright text'),
  style('gray', '90', 'in gray', 'muted text'),
  t('(term/style text keyword ...)', 'Applies several styles in one escape sequence (`ESC[1;31m` for `:bold :red`). Keywords: `:bold :dim :italic :underline :inverse :strikethrough :black :red :green :yellow :blue :magenta :cyan :white :gray`; no keywords returns the text unchanged.', ['(term/style "danger" :bold :red)  ; => "\\x1b;[1;31mdanger\\x1b;[0m"', '(term/style "plain text")  ; => "plain text"']),
  t('(term/rgb text r g b)', 'Colours `text` with a 24-bit colour (`ESC[38;2;r;g;bm`).', ['(term/rgb "orange" 255 165 0)  ; => "\\x1b;[38;2;255;165;0morange\\x1b;[0m"']),
  t('(term/strip text)', 'Removes every ANSI escape sequence (CSI, OSC and two-character escapes).', ['(term/strip (term/bold "hello"))  ; => "hello"']),
  t('(term/spinner-start message)', 'Starts a braille spinner with a message on stderr and returns its id.', ['(define id (term/spinner-start "Loading data..."))']),
  t('(term/spinner-update id message)', 'Changes the message shown next to a running spinner.', ['(term/spinner-update id "Processing records...")']),
  t(['(term/spinner-stop id)', '(term/spinner-stop id options)'], 'Stops a spinner and clears its line; with `{:symbol "✔" :text "Done"}` prints that final line on stderr.', ['(term/spinner-stop id {:symbol "✔" :text "Done"})']),
  control('term/enter-alt-screen', 'Switches to the alternate screen.'),
  control('term/leave-alt-screen', 'Returns from the alternate screen to the normal one.'),
  control('term/clear', 'Clears the screen and moves the cursor home.'),
  control('term/clear-line', 'Clears the current line.'),
  control('term/clear-below', 'Clears from the cursor to the end of the screen.'),
  control('term/cursor-home', 'Moves the cursor to the top-left corner.'),
  control('term/hide-cursor', 'Hides the cursor.'),
  control('term/show-cursor', 'Shows the cursor.'),
  control('term/save-cursor', 'Saves the cursor position.'),
  control('term/restore-cursor', 'Moves the cursor back to the saved position.'),
  control('term/enable-mouse', 'Turns on mouse reporting (buttons, drags, SGR coordinates) for `io/read-key`.'),
  control('term/disable-mouse', 'Turns mouse reporting off.'),
  control('term/enable-kitty-keys!', 'Asks the terminal for kitty keyboard events (decoded by `io/read-key`).'),
  control('term/disable-kitty-keys!', 'Restores the keyboard mode that `term/enable-kitty-keys!` changed.'),
  control('term/bell', 'Rings the terminal bell.'),
  t('(term/move-to row col)', 'Moves the cursor to a 1-based row and column. Writes to stdout.', ['(term/move-to 1 1)']),
  t('(term/write-at row col text)', 'Writes `text` at a 1-based row and column.', ['(term/write-at 3 5 (term/rgb "status: ok" 200 168 85))']),
  t('(term/set-title title)', 'Sets the terminal window title.', ['(term/set-title "my app")']),
  t('(term/flush)', 'Flushes stdout (output is already passed on as it is written). Returns nil.', ['(term/flush)']),
  t('(io/tty-raw!)', 'Puts the terminal on stdin into raw mode (every keypress delivered at once, no echo) and returns a token for `io/tty-restore!`; nil when stdin is not a terminal.', ['(define tok (io/tty-raw!))']),
  t('(io/tty-restore! token)', 'Puts the terminal back into the mode it had before the `io/tty-raw!` that returned `token`. Returns nil.', ['(io/tty-restore! tok)']),
  t('(io/read-key)', 'Waits for one keypress and returns it as a map: `{:kind :char :char "a"}`, `{:kind :ctrl :char "c"}`, `{:kind :alt :char "x"}`, `{:kind :key :name :up}` (also `:mouse` events after `term/enable-mouse`, and kitty key events with `:mods`). Nil at the end of input.', ['(io/read-key)  ; => {:char "a" :kind :char}']),
  t('(io/read-key-timeout ms)', 'Like `io/read-key`, but nil when no key arrives within `ms` milliseconds.', ['(io/read-key-timeout 100)']),
  macro('term/with-alt-screen', 'Runs the body on the alternate screen with the cursor hidden, and restores both afterwards even if the body throws. Returns the body\'s value.', '(term/with-alt-screen (run-tui))'),
  macro('term/with-mouse', 'Runs the body with mouse reporting on and turns it off afterwards even if the body throws. Returns the body\'s value.', '(term/with-mouse (run-tui))'),
  macro('io/with-raw-mode', 'Runs the body with stdin in raw mode (when it is a terminal) and restores cooked mode afterwards even if the body throws. Returns the body\'s value.', '(io/with-raw-mode (io/read-key))'),
];
