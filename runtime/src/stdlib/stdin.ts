// Synchronous reads from the process's stdin for `io/read-line`, `io/read-stdin`,
// `io/read-key` and the `*stdin*` stream. Natives run synchronously, so bytes are pulled
// with readSync (or, once a read needs a time limit, from stdin-pump.ts) and buffered
// here; the EOF flag backs `io/eof?`. Hosts without a real stdin can install their own source.

import { readSync } from 'node:fs';
import { pumpRead, pumpRunning } from './stdin-pump';

/**
 * Fills `buf` with up to `buf.length` bytes; 0 means end of input. Given `timeoutMs`, a
 * source may return -1 when nothing arrived in that time (one that cannot wait simply
 * ignores it and blocks).
 */
export type StdinSource = (buf: Uint8Array, timeoutMs?: number) => number;

const pause = new Int32Array(new SharedArrayBuffer(4));

function fdSource(buf: Uint8Array, timeoutMs?: number): number {
  // Reads with a time limit need the reader thread; once it runs, it does all reads.
  if (timeoutMs !== undefined || pumpRunning()) return pumpRead(buf, timeoutMs);
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

/** Appends the next chunk of input to `pending`; false at the end of input or on timeout. */
function fill(timeoutMs?: number): boolean {
  const chunk = new Uint8Array(65536);
  const n = source(chunk, timeoutMs);
  if (n < 0) return false;
  if (n === 0) {
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

/** True when a byte of input (or the end of input) arrives within `ms` milliseconds. */
export function stdinReady(ms: number): boolean {
  if (pending.length === 0 && !eof) fill(ms);
  return pending.length > 0 || eof;
}

/** The next byte of stdin, or undefined at the end of input (which `io/eof?` then reports). */
export function readByte(): number | undefined {
  if (pending.length === 0 && !fill()) return undefined;
  const b = pending[0]!;
  pending = pending.subarray(1);
  return b;
}
