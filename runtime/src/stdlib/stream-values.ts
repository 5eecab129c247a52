// The stream value (`(type s)` => :stream, printed `<stream:KIND>`) and the in-memory
// streams: byte buffers (read/write) and string streams (read-only). The closed state
// lives in the base class so that every kind refuses reads and writes once closed.

import { evalError } from '../eval/errors';
import { Opaque, type CallContext } from '../eval/values';

/** Joins byte chunks (`total` bytes in all) into one array. */
export function joinBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export abstract class SemaStream extends Opaque {
  readonly typeName = 'stream';
  /** What `stream/type` returns and the printed form shows. */
  abstract readonly streamType: string;
  private closed = false;

  print(): string {
    return `<stream:${this.streamType}>`;
  }

  /** Up to `max` bytes; empty at end of data. */
  protected abstract pull(max: number, ctx: CallContext): Uint8Array;
  /** Writes `data`, returning how many bytes were taken. */
  protected abstract push(data: Uint8Array, ctx: CallContext): number;
  protected get canRead(): boolean {
    return true;
  }
  protected get canWrite(): boolean {
    return true;
  }
  /** Whether bytes can be read without waiting. */
  protected ready(): boolean {
    return false;
  }
  protected drain(): void {}
  protected release(): void {}

  read(max: number, ctx: CallContext): Uint8Array {
    if (this.closed) throw evalError('stream/read: stream is closed');
    return this.pull(max, ctx);
  }

  write(data: Uint8Array, ctx: CallContext): number {
    if (this.closed) throw evalError('stream/write: stream is closed');
    return this.push(data, ctx);
  }

  flush(): void {
    if (this.closed) throw evalError('stream/flush: stream is closed');
    this.drain();
  }

  /** Closing twice is allowed and does nothing the second time. */
  close(): void {
    if (this.closed) return;
    this.release();
    this.closed = true;
  }

  readable(): boolean {
    return !this.closed && this.canRead;
  }

  writable(): boolean {
    return !this.closed && this.canWrite;
  }

  available(): boolean {
    return !this.closed && this.ready();
  }
}

/** Bytes held in memory with a read position; the buffer grows as it is written. */
abstract class MemoryStream extends SemaStream {
  protected data: Uint8Array;
  protected length: number;
  private pos = 0;

  constructor(initial: Uint8Array) {
    super();
    this.data = initial;
    this.length = initial.length;
  }

  protected pull(max: number): Uint8Array {
    const n = Math.min(max, this.length - this.pos);
    const out = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  protected override ready(): boolean {
    return this.pos < this.length;
  }
}

/** `stream/byte-buffer` and `stream/from-bytes`: writes append, reads consume from the position. */
export class ByteBufferStream extends MemoryStream {
  readonly streamType = 'byte-buffer';

  constructor(initial: Uint8Array = new Uint8Array(0)) {
    super(initial.slice());
  }

  protected push(bytes: Uint8Array): number {
    const needed = this.length + bytes.length;
    if (needed > this.data.length) {
      const grown = new Uint8Array(Math.max(needed, this.data.length * 2, 64));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(bytes, this.length);
    this.length = needed;
    return bytes.length;
  }

  /** Everything ever written (or given), read or not. */
  contents(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

/** `stream/from-string`: the string's UTF-8 bytes, read-only. */
export class StringStream extends MemoryStream {
  readonly streamType = 'string';

  constructor(text: string) {
    super(new TextEncoder().encode(text));
  }

  protected push(): number {
    throw evalError('stream/write: stream is read-only (string stream)');
  }

  protected override get canWrite(): boolean {
    return false;
  }
}
