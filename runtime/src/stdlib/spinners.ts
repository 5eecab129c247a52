// Terminal spinners (`term/spinner-start` / `-update` / `-stop`), drawn on the program's
// stderr through the interpreter like the reference's, so they work on a pipe or in the
// editor's output panel as well as on a terminal.
//
// The reference animates each spinner from its own thread. Natives here run on the one
// JS thread, so a frame is drawn when a spinner starts or changes, every 80 ms while
// `sleep` waits (it calls `animateSpinners`), and from a timer whenever the event loop
// is idle. A busy computation between calls shows a still frame rather than a spinning one.

import { Keyword, SemaMap, type InterpreterLike, type Value } from '../eval/values';
import { mapGet } from '../eval/equality';
import { fn, type BuiltinSpec } from './registry';
import { integer, str } from './text-args';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const INTERVAL_MS = 80;

interface Spinner {
  message: string;
  frame: number;
  drawnAt: number;
  /** Where the spinner draws: the interpreter that started it. */
  readonly host: InterpreterLike;
}

const running = new Map<number, Spinner>();
let nextId = 0;
let timer: NodeJS.Timeout | undefined;

/** Overwrites the current line with the spinner's next frame and message. */
function draw(s: Spinner): void {
  s.host.writeErr(`\r\x1b[K${FRAMES[s.frame % FRAMES.length]!} ${s.message}`);
  s.frame++;
  s.drawnAt = Date.now();
}

/** Draws the next frame of every spinner whose current one has been shown for 80 ms. */
export function animateSpinners(): void {
  const now = Date.now();
  for (const s of running.values()) if (now - s.drawnAt >= INTERVAL_MS) draw(s);
}

/** A string option of the stop map, or "" when absent or not a string. */
function option(opts: Value | undefined, key: string): string {
  if (!(opts instanceof SemaMap)) return '';
  const v = mapGet(opts, Keyword.of(key));
  return typeof v === 'string' ? v : '';
}

export const spinnerBuiltins: BuiltinSpec[] = [
  fn('term/spinner-start', 1, 1, (args, ctx) => {
    const s: Spinner = { message: str('term/spinner-start', args, 0), frame: 0, drawnAt: 0, host: ctx.interp };
    const id = nextId++;
    running.set(id, s);
    draw(s);
    if (timer === undefined) {
      timer = setInterval(animateSpinners, INTERVAL_MS);
      // A spinner left running must not keep the process alive.
      timer.unref();
    }
    return id;
  }),
  fn('term/spinner-update', 2, 2, (args) => {
    const id = integer('term/spinner-update', args, 0);
    const message = str('term/spinner-update', args, 1);
    const s = running.get(id);
    if (s !== undefined) {
      s.message = message;
      draw(s);
    }
    return null;
  }),
  fn('term/spinner-stop', 1, 2, (args) => {
    const id = integer('term/spinner-stop', args, 0);
    const s = running.get(id);
    if (s === undefined) return null;
    running.delete(id);
    if (running.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
    const symbol = option(args[1], 'symbol');
    const text = option(args[1], 'text');
    s.host.writeErr('\r\x1b[K' + (symbol !== '' || text !== '' ? `${symbol} ${text}\n` : ''));
    return null;
  }),
];
