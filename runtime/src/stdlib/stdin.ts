// Synchronous reads from the process's stdin for `io/read-line`, `io/read-stdin` and the
// `*stdin*` stream.
// Natives run synchronously, so bytes are pulled with readSync and buffered here; the
// EOF flag backs `io/eof?`. Hosts without a real stdin can install their own source.

import { readSync } from 'node:fs';

/** Fills `buf` with up to `buf.length` bytes; 0 means end of input. */
export type StdinSource = (buf: Uint8Array) => number;

const pause = new Int32Array(new SharedArrayBuffer(4));

function fdSource(buf: Uint8Array): number {
  for (;;) {
    try {
      return readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A non-blocking stdin (some terminals and pipes) reports EAGAIN: wait and retry.
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') return 0;
      throw e;
    }
  }
}

let source: StdinSource = fdSource;
let pending = Buffer.alloc(0);
let eof = false;

export function setStdinSource(s: StdinSource): void {
  source = s;
  pending = Buffer.alloc(0);
  eof = false;
}

export function stdinAtEof(): boolean {
  return eof;
}

function fill(): boolean {
  const chunk = new Uint8Array(65536);
  const n = source(chunk);
  if (n <= 0) {
    eof = true;
    return false;
  }
  pending = Buffer.concat([pending, chunk.subarray(0, n)]);
  return true;
}

/** One line without its `\n` / `\r\n`, or undefined at end of input. */
export function readLine(): string | undefined {
  for (;;) {
    const nl = pending.indexOf(10);
    if (nl >= 0) {
      let line = pending.subarray(0, nl).toString('utf8');
      pending = pending.subarray(nl + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      return line;
    }
    if (!fill()) {
      if (pending.length === 0) return undefined;
      // A last line without a newline is a line; EOF is reported by the next read.
      const rest = pending.toString('utf8');
      pending = Buffer.alloc(0);
      eof = false;
      return rest;
    }
  }
}

/** Everything left on stdin. */
export function readAll(): string {
  while (fill());
  const all = pending.toString('utf8');
  pending = Buffer.alloc(0);
  eof = true;
  return all;
}

/**
 * Up to `max` bytes: what is already buffered, else one read's worth (a stream read
 * returns what is there rather than waiting for `max`). Empty at end of input.
 */
export function readBytes(max: number): Uint8Array {
  if (max <= 0) return new Uint8Array(0);
  if (pending.length === 0 && !fill()) return new Uint8Array(0);
  const n = Math.min(max, pending.length);
  const out = Uint8Array.from(pending.subarray(0, n));
  pending = pending.subarray(n);
  return out;
}
