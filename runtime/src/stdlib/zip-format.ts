// The ZIP container, written and read here on top of node:zlib's raw deflate: local file
// headers, the central directory and its end record (APPNOTE 6.3). Reading trusts
// nothing: every offset and size is checked against the file, entry sizes are capped,
// and inflated data must have the size and CRC-32 the directory promises.

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export class ZipError extends Error {}

export interface ZipInput {
  readonly name: string;
  readonly data: Uint8Array;
  readonly mtime: Date;
  /** Unix permission bits. */
  readonly mode: number;
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const UTF8_FLAG = 0x0800;
const STORED = 0;
const DEFLATED = 8;
/** Sizes and counts that mean "see the ZIP64 record", which this reader does not follow. */
const ZIP64_MARK = 0xffffffff;

/** MS-DOS date and time words (two-second resolution, years 1980-2107). */
function dosDateTime(d: Date): [number, number] {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  const date = ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  return [time, date];
}

/** A complete archive holding `inputs`, each deflated. */
export function writeZip(inputs: readonly ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const data = deflateRawSync(input.data);
    if (input.data.length >= ZIP64_MARK || data.length >= ZIP64_MARK || offset >= ZIP64_MARK) {
      throw new ZipError(`${input.name} is too large for a ZIP archive without ZIP64`);
    }
    const flags = /^[\x00-\x7f]*$/.test(input.name) ? 0 : UTF8_FLAG;
    const [time, date] = dosDateTime(input.mtime);
    const crc = crc32(input.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(DEFLATED, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(input.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL_SIG, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, spec 2.0
    local.copy(entry, 6, 4, 28); // version needed .. name length, as in the local header
    entry.writeUInt32LE((((input.mode & 0o777) | 0o100000) << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** CP437, the encoding of names without the UTF-8 flag (upper half; the lower is ASCII). */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(raw: Buffer, flags: number): string {
  if ((flags & UTF8_FLAG) !== 0) return raw.toString('utf8');
  let s = '';
  for (const b of raw) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]!;
  return s;
}

/** The entries of the central directory, in order. */
export function readZipDirectory(zip: Buffer): ZipEntry[] {
  // The end record is the last 22 bytes unless a comment (at most 65535 bytes) follows it.
  let endAt = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_SIG && i + 22 + zip.readUInt16LE(i + 20) === zip.length) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw new ZipError('invalid Zip archive: Could not find central directory end');
  const count = zip.readUInt16LE(endAt + 10);
  const dirSize = zip.readUInt32LE(endAt + 12);
  const dirOffset = zip.readUInt32LE(endAt + 16);
  if (dirOffset === ZIP64_MARK || count === 0xffff) throw new ZipError('ZIP64 archives are not supported');
  if (dirOffset + dirSize > endAt) throw new ZipError('invalid Zip archive: central directory lies outside the file');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > endAt || zip.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipError('invalid Zip archive: Invalid Central Directory header');
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    if (p + 46 + nameLen > endAt) throw new ZipError('invalid Zip archive: entry name runs past the central directory');
    const flags = zip.readUInt16LE(p + 8);
    const entry: ZipEntry = {
      name: decodeName(zip.subarray(p + 46, p + 46 + nameLen), flags),
      flags,
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.localOffset === ZIP64_MARK) {
      throw new ZipError('ZIP64 archives are not supported');
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of `entry`; sizes above `maxSize` are refused before inflating. */
export function readZipEntry(zip: Buffer, entry: ZipEntry, maxSize: number): Buffer {
  if ((entry.flags & 1) !== 0) throw new ZipError(`${entry.name}: encrypted entries are not supported`);
  if (entry.size > maxSize) throw new ZipError(`${entry.name}: ${entry.size} bytes uncompressed is more than the limit of ${maxSize}`);
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIG) throw new ZipError(`invalid Zip archive: Invalid local file header for ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipError(`invalid Zip archive: data of ${entry.name} runs past the end of the file`);
  const raw = zip.subarray(start, end);
  let data: Buffer;
  if (entry.method === STORED) data = Buffer.from(raw);
  else if (entry.method === DEFLATED) {
    try {
      // One byte over the promised size is enough to tell a lying header from a true one.
      data = inflateRawSync(raw, { maxOutputLength: Math.max(entry.size + 1, 1) });
    } catch (e) {
      const reason = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'inflates to more than its declared size' : 'corrupt deflate stream';
      throw new ZipError(`${entry.name}: ${reason}`);
    }
  } else throw new ZipError(`${entry.name}: unsupported compression method ${entry.method}`);
  if (data.length !== entry.size) throw new ZipError(`${entry.name}: size ${data.length} does not match the declared ${entry.size}`);
  if (crc32(data) !== entry.crc) throw new ZipError(`${entry.name}: invalid checksum`);
  return data;
}
