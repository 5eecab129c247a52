// Streams over the outside world: files (synchronous node:fs, since natives run
// synchronously) and the process's standard streams. `*stdout*` and `*stderr*` write
// through the running interpreter, so captured output (CLI, editor, tests) sees them.

import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { evalError } from '../eval/errors';
import type { CallContext } from '../eval/values';
import { osReason } from './file-io';
import { readBytes as readStdinBytes } from './stdin';
import { joinBytes, SemaStream } from './stream-values';

// A stream that is dropped without `stream/close` still gives its descriptor back.
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to release.
  }
});

/** A stream over an open file descriptor, closed with the stream (or when it is dropped). */
abstract class FileStream extends SemaStream {
  protected fd: number | undefined;

  constructor(opener: string, path: string, flags: string) {
    super();
    try {
      this.fd = openSync(path, flags);
    } catch (e) {
      throw evalError(`${opener}: ${path}: ${osReason(e)}`);
    }
    descriptors.register(this, this.fd, this);
  }

  protected override release(): void {
    if (this.fd === undefined) return;
    descriptors.unregister(this);
    closeSync(this.fd);
    this.fd = undefined;
  }
}

/**
 * A file opened for reading, through an 8 KiB buffer like the reference's BufReader:
 * `stream/available?` is true while that buffer holds unread bytes (so it is false
 * before the first read of a fresh stream, as in the reference).
 */
export class FileInputStream extends FileStream {
  readonly streamType = 'file-input';
  private readonly buf = new Uint8Array(8192);
  private start = 0;
  private end = 0;

  constructor(path: string) {
    super('stream/open-input', path, 'r');
  }

  /** Refills the buffer; false at end of file. */
  private fill(): boolean {
    let n: number;
    try {
      n = readSync(this.fd!, this.buf, 0, this.buf.length, null);
    } catch (e) {
      throw evalError(`stream/read: I/O error: ${osReason(e)}`);
    }
    this.start = 0;
    this.end = n;
    return n > 0;
  }

  // Unlike the reference (which may stop at its buffer's end), a read returns fewer
  // than `max` bytes only at end of file, as the docs describe.
  protected pull(max: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let got = 0;
    while (got < max && (this.start < this.end || this.fill())) {
      const n = Math.min(max - got, this.end - this.start);
      parts.push(this.buf.slice(this.start, this.start + n));
      this.start += n;
      got += n;
    }
    return joinBytes(parts, got);
  }

  protected push(): number {
    throw evalError('stream/write: stream is read-only (file-input stream)');
  }

  protected override get canWrite(): boolean {
    return false;
  }

  protected override ready(): boolean {
    return this.start < this.end;
  }
}

/**
 * A file opened (created or truncated) for writing. Writes go straight to the file, so
 * nothing is lost when a program never closes the stream; `stream/flush` has nothing to do.
 */
export class FileOutputStream extends FileStream {
  readonly streamType = 'file-output';

  constructor(path: string) {
    super('stream/open-output', path, 'w');
  }

  protected pull(): Uint8Array {
    throw evalError('stream/read: stream is write-only (file-output stream)');
  }

  protected push(data: Uint8Array): number {
    try {
      for (let at = 0; at < data.length; ) at += writeSync(this.fd!, data, at, data.length - at);
    } catch (e) {
      throw evalError(`stream/write: I/O error: ${osReason(e)}`);
    }
    return data.length;
  }

  protected override get canRead(): boolean {
    return false;
  }
}

/** `*stdin*`: shares its buffer with `io/read-line`, so the two can be mixed. */
export class StdinStream extends SemaStream {
  readonly streamType = 'stdin';

  protected pull(max: number): Uint8Array {
    try {
      return readStdinBytes(max);
    } catch (e) {
      throw evalError(`stream/read: stdin: ${osReason(e)}`);
    }
  }

  protected push(): number {
    throw evalError('stream/write: *stdin* is read-only');
  }

  protected override get canWrite(): boolean {
    return false;
  }
}

// Bytes that are not valid UTF-8 become U+FFFD, as the reference's lossy conversion does.
const lossy = new TextDecoder('utf-8');

/** `*stdout*` and `*stderr*`: write-only views of the interpreter's output channels. */
export class ConsoleStream extends SemaStream {
  constructor(readonly streamType: 'stdout' | 'stderr') {
    super();
  }

  protected pull(): Uint8Array {
    throw evalError(`stream/read: *${this.streamType}* is write-only`);
  }

  protected push(data: Uint8Array, ctx: CallContext): number {
    const text = lossy.decode(data);
    if (this.streamType === 'stdout') ctx.interp.writeOut(text);
    else ctx.interp.writeErr(text);
    return data.length;
  }

  protected override get canRead(): boolean {
    return false;
  }
}
