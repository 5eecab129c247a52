// The tar container: GNU-style headers written (a `././@LongLink` entry for names over
// 100 bytes, as tar-rs writes them), and ustar, GNU and PAX headers read. Reading checks
// every header's checksum and that each entry's data is really there.

export class TarError extends Error {}

export interface TarInput {
  readonly name: string;
  readonly data: Uint8Array;
  readonly mode: number;
  readonly mtime: Date;
  readonly directory: boolean;
}

export interface TarEntry {
  readonly name: string;
  /** The type flag: '0' file, '5' directory, '1' hard link, '2' symlink, ... */
  readonly type: string;
  readonly mode: number;
  readonly mtime: number;
  readonly data: Buffer;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: Buffer, type: string, size: number, mode: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  name.copy(h, 0, 0, Math.min(name.length, 100));
  h.write(octal(mode & 0o7777, 8), 100, 'latin1');
  h.write(octal(0, 8), 108, 'latin1');
  h.write(octal(0, 8), 116, 'latin1');
  h.write(octal(size, 12), 124, 'latin1');
  h.write(octal(Math.max(0, Math.floor(mtime)), 12), 136, 'latin1');
  h.write(type, 156, 'latin1');
  h.write('ustar  \0', 257, 'latin1'); // GNU magic and version
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(octal(sum, 7) + ' ', 148, 'latin1');
  return h;
}

const padding = (size: number): Buffer => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** A complete archive of `inputs`, ended by two zero blocks. */
export function writeTar(inputs: readonly TarInput[]): Buffer {
  const parts: Buffer[] = [];
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const mtime = input.mtime.getTime() / 1000;
    if (name.length > 100) {
      const long = Buffer.concat([name, Buffer.alloc(1)]);
      parts.push(header(Buffer.from('././@LongLink'), 'L', long.length, 0o644, 0), long, padding(long.length));
    }
    const size = input.directory ? 0 : input.data.length;
    if (size > 0o77777777777) throw new TarError(`${input.name} is too large for a tar header`);
    parts.push(header(name, input.directory ? '5' : '0', size, input.mode, mtime));
    if (!input.directory) parts.push(Buffer.from(input.data), padding(size));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** A NUL-terminated text field. */
function field(h: Buffer, start: number, length: number): Buffer {
  const raw = h.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return nul < 0 ? raw : raw.subarray(0, nul);
}

/** A numeric field: octal text, or GNU base-256 when the high bit of the first byte is set. */
function number(h: Buffer, start: number, length: number, what: string): number {
  const raw = h.subarray(start, start + length);
  if ((raw[0]! & 0x80) !== 0) {
    let n = raw[0]! & 0x7f;
    for (const b of raw.subarray(1)) n = n * 256 + b;
    if (!Number.isSafeInteger(n)) throw new TarError(`numeric field ${what} is out of range`);
    return n;
  }
  const text = raw.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError(`numeric field ${what} was not a valid number: ${JSON.stringify(text)}`);
  return parseInt(text, 8);
}

/** PAX extended header records (`len key=value\n`), as a map. */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let p = 0;
  while (p < data.length) {
    const space = data.indexOf(0x20, p);
    const len = space < 0 ? NaN : Number(data.subarray(p, space).toString('latin1'));
    if (!Number.isInteger(len) || len <= 0 || p + len > data.length) throw new TarError('malformed PAX extended header');
    const record = data.subarray(space + 1, p + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    p += len;
  }
  return records;
}

/**
 * The entries of an archive, metadata entries (long names, PAX headers) folded into the
 * entry they describe. Data larger than `maxSize` is refused.
 */
export function readTar(tar: Buffer, maxSize: number): TarEntry[] {
  const entries: TarEntry[] = [];
  let p = 0;
  let longName: string | undefined;
  let pax = new Map<string, string>();
  while (p + BLOCK <= tar.length) {
    const h = tar.subarray(p, p + BLOCK);
    if (h.every((b) => b === 0)) break;
    const stored = number(h, 148, 8, 'checksum');
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    if (sum !== stored) throw new TarError('archive header checksum mismatch');
    const size = number(h, 124, 12, 'size');
    const type = h[156] === 0 ? '0' : String.fromCharCode(h[156]!);
    if (size > maxSize) throw new TarError(`entry of ${size} bytes is more than the limit of ${maxSize}`);
    const start = p + BLOCK;
    if (start + size > tar.length) throw new TarError('unexpected EOF during fileread');
    const data = tar.subarray(start, start + size);
    p = start + size + ((BLOCK - (size % BLOCK)) % BLOCK);
    if (type === 'L') {
      longName = field(data, 0, data.length).toString('utf8');
      continue;
    }
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g' || type === 'K') continue;
    const magic = h.subarray(257, 263).toString('latin1');
    const prefix = magic === 'ustar\0' ? field(h, 345, 155).toString('utf8') : '';
    const base = field(h, 0, 100).toString('utf8');
    const name = pax.get('path') ?? longName ?? (prefix === '' ? base : `${prefix}/${base}`);
    entries.push({ name, type, mode: number(h, 100, 8, 'mode'), mtime: number(h, 136, 12, 'mtime'), data });
    longName = undefined;
    pax = new Map();
  }
  return entries;
}
