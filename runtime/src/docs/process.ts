// Catalogue entries for streaming child processes (stdlib/proc.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const p = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('proc', sig, summary, examples);
const NOTE = ' Needs the process capability; an unknown or closed handle is an error.';

export const processDocs: BuiltinDoc[] = [
  p(['(proc/spawn argv)', '(proc/spawn argv opts)'],
    'Starts the program `argv` names (a list or vector of strings, no shell) with piped stdin, stdout and stderr, and returns its handle (an integer). Options: `:cwd` (working directory) and `:env` (a map of variables added to the inherited environment). A program that cannot start is an error. Needs the process capability.',
    ['(define p (proc/spawn ["sh" "-c" "echo hi"]))', '(proc/spawn ["make" "test"] {:cwd "." :env {"CI" "1"}})']),
  p('(proc/read-stdout handle)', 'The child\'s standard output that has arrived since the last read, or `""` if none; never waits.' + NOTE,
    ['(proc/read-stdout p)  ; => "hi\\n"']),
  p('(proc/read-stderr handle)', 'Like `proc/read-stdout`, for the child\'s standard error.' + NOTE, ['(proc/read-stderr p)  ; => ""']),
  p('(proc/write-stdin handle text)', 'Writes `text` to the child\'s standard input; nil. Fails once stdin is closed or the child has gone.' + NOTE,
    ['(proc/write-stdin p "ping\\n")']),
  p('(proc/close-stdin handle)', 'Closes the child\'s standard input, so it reads end-of-file; nil.' + NOTE, ['(proc/close-stdin p)']),
  p('(proc/wait handle)', 'Waits for the child to exit and returns its exit code (-1 if a signal ended it). All its output is buffered by then, for the reads that follow. Ctrl+C stops the wait.' + NOTE,
    ['(proc/wait p)  ; => 0']),
  p('(proc/exit-code handle)', 'The exit code once the child has exited, nil while it runs.' + NOTE, ['(proc/exit-code p)  ; => nil']),
  p('(proc/running? handle)', '#t while the child runs.' + NOTE, ['(proc/running? p)  ; => #t']),
  p('(proc/kill handle)', 'Kills the child (SIGKILL); nil. Killing a child that has exited does nothing.' + NOTE, ['(proc/kill p)']),
  p('(proc/close handle)', 'Kills the child if it still runs and frees the handle; nil. Closing an unknown handle does nothing. Children still running when the evaluation ends are killed.',
    ['(proc/close p)']),
];

const t = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('pty', sig, summary, examples);
const PTY = ' Needs the process capability; an unknown or closed handle is an error.';

export const ptyDocs: BuiltinDoc[] = [
  t(['(pty/spawn argv)', '(pty/spawn argv opts)'],
    'Starts `argv` (a list or vector of strings) on a pseudo-terminal, so programs that check `isatty` behave as in a terminal, and returns its handle. Options: `:rows` and `:cols` (window size, default 24×80), `:cwd`, `:env`. Here the pty comes from util-linux `script` (Linux); elsewhere it is an error saying pty/spawn is not supported.' + PTY,
    ['(define t (pty/spawn ["bash"] {:rows 40 :cols 120}))']),
  t('(pty/read handle)', 'The terminal output that has arrived since the last read (stdout and stderr together, control sequences included), or `""`; never waits.' + PTY, ['(pty/read t)']),
  t('(pty/write handle text)', 'Types `text` into the terminal; nil.' + PTY, ['(pty/write t "ls -la\\n")']),
  t('(pty/resize handle rows cols)', 'Changes the window size in the reference; here it is an error saying it is not supported (the size is fixed by `:rows` and `:cols` at pty/spawn).' + PTY, ['(pty/resize t 50 200)']),
  t('(pty/wait handle)', 'Waits for the child to exit and returns its exit code (-1 if a signal ended it), with all its output buffered. Ctrl+C stops the wait.' + PTY, ['(pty/wait t)  ; => 0']),
  t('(pty/exit-code handle)', 'The exit code once the child has exited, nil while it runs.' + PTY, ['(pty/exit-code t)  ; => nil']),
  t('(pty/running? handle)', '#t while the child runs.' + PTY, ['(pty/running? t)  ; => #t']),
  t('(pty/kill handle)', 'Kills the child; nil.' + PTY, ['(pty/kill t)']),
  t('(pty/close handle)', 'Kills the child if it still runs and frees the handle; nil. Closing an unknown handle does nothing.', ['(pty/close t)']),
];
