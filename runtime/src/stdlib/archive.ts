// `gzip/*`, `zip/*` and `tar/*` (archive.md). Archives are built in memory and written in
// one go, so a failure leaves no half-written file; extraction goes through
// extract-guard.ts, which keeps every entry inside the destination.

import * as fs from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { evalError } from '../eval/errors';
import { Bytevector, type Value } from '../eval/values';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str, typeErr } from './text-args';
import { io } from './file-io';
import { Extraction, MAX_ENTRY_BYTES, safeRelative } from './extract-guard';
import { readZipDirectory, readZipEntry, writeZip, ZipError } from './zip-format';
import { readTar, TarError, writeTar } from './tar-format';

/** A string's UTF-8 bytes or a bytevector's bytes. */
function bytesArg(name: string, v: Value): Uint8Array {
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (v instanceof Bytevector) return v.bytes;
  throw typeErr(name, 'bytevector or string', v);
}

function gunzip(name: string, data: Uint8Array): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw evalError(`${name}: decompressed data exceeds ${MAX_ENTRY_BYTES} bytes`);
    const reason = code === 'Z_DATA_ERROR' && /header/.test((e as Error).message) ? 'invalid gzip header' : (e as Error).message;
    throw evalError(`${name}: ${reason}`);
  }
}

/** The entry name of a source path: its last component, as Rust's `Path::file_name` gives it. */
function entryName(name: string, src: string): string {
  const parts = src.split('/').filter((p) => p !== '' && p !== '.');
  const last = parts[parts.length - 1];
  if (last === undefined || last === '..') throw evalError(`${name}: bad file path ${src}`);
  return last;
}

/** The source files of zip/create and tar/create with their entry names, duplicates refused. */
function sources(name: string, files: Value): { src: string; entry: string }[] {
  if (!Array.isArray(files)) throw typeErr(name, 'list', files);
  const seen = new Set<string>();
  return files.map((f) => {
    if (typeof f !== 'string') throw typeErr(name, 'string', f);
    const entry = entryName(name, f);
    if (seen.has(entry)) throw evalError(`${name}: duplicate entry name ${JSON.stringify(entry)} (from ${f})`);
    seen.add(entry);
    return { src: f, entry };
  });
}

const looksGzip = (path: string): boolean => /\.(tar\.gz|tgz)$/i.test(path);

/** Runs an archive reader, turning its format errors into Sema errors naming the archive. */
function reading<T>(name: string, archive: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ZipError || e instanceof TarError) throw evalError(`${name} ${archive}: ${e.message}`);
    throw e;
  }
}

/** A bytevector over a Buffer's bytes, as a plain Uint8Array (whose `slice` copies, unlike Buffer's). */
const bytevector = (b: Buffer): Bytevector => new Bytevector(new Uint8Array(b.buffer, b.byteOffset, b.length));

const builtins: BuiltinSpec[] = [
  fn('gzip/compress', 1, 1, (args) => bytevector(gzipSync(bytesArg('gzip/compress', args[0] ?? null)))),
  fn('gzip/decompress', 1, 1, (args) => bytevector(gunzip('gzip/decompress', bytesArg('gzip/decompress', args[0] ?? null)))),
  fn('zip/create', 2, 2, (args) => {
    const out = str('zip/create', args, 0);
    const inputs = sources('zip/create', args[1] ?? null).map(({ src, entry }) => {
      const stat = io(`zip/create ${src}`, () => fs.statSync(src));
      const data = io(`zip/create ${src}`, () => fs.readFileSync(src));
      return { name: entry, data, mtime: stat.mtime, mode: stat.mode };
    });
    const zip = reading('zip/create', out, () => writeZip(inputs));
    io(`zip/create ${out}`, () => fs.writeFileSync(out, zip));
    return inputs.length;
  }),
  fn('zip/list', 1, 1, (args) => {
    const path = str('zip/list', args, 0);
    const zip = io(`zip/list ${path}`, () => fs.readFileSync(path));
    return reading('zip/list', path, () => readZipDirectory(zip).map((e) => e.name));
  }),
  fn('zip/extract', 2, 2, (args) => {
    const path = str('zip/extract', args, 0);
    const dest = str('zip/extract', args, 1);
    const zip = io(`zip/extract ${path}`, () => fs.readFileSync(path));
    const entries = reading('zip/extract', path, () => readZipDirectory(zip));
    const out = new Extraction('zip/extract', dest);
    let count = 0;
    for (const entry of entries) {
      const rel = safeRelative(entry.name);
      if (rel === undefined) continue; // an entry that would escape is skipped, as in the reference
      if (entry.name.endsWith('/') || entry.name.endsWith('\\')) out.directory(rel, entry.name);
      else out.file(rel, entry.name, reading('zip/extract', path, () => readZipEntry(zip, entry, MAX_ENTRY_BYTES)));
      count++;
    }
    return count;
  }),
  fn('tar/create', 2, 2, (args) => {
    const out = str('tar/create', args, 0);
    const inputs = sources('tar/create', args[1] ?? null).map(({ src, entry }) => {
      const stat = io(`tar/create ${src}`, () => fs.statSync(src));
      const directory = stat.isDirectory();
      if (!directory && !stat.isFile()) throw evalError(`tar/create: ${src} is neither a file nor a directory`);
      const data = directory ? new Uint8Array(0) : io(`tar/create ${src}`, () => fs.readFileSync(src));
      return { name: entry, data, mode: stat.mode, mtime: stat.mtime, directory };
    });
    const tar = reading('tar/create', out, () => writeTar(inputs));
    io(`tar/create ${out}`, () => fs.writeFileSync(out, looksGzip(out) ? gzipSync(tar) : tar));
    return inputs.length;
  }),
  fn('tar/extract', 2, 2, (args) => {
    const path = str('tar/extract', args, 0);
    const dest = str('tar/extract', args, 1);
    const raw = io(`tar/extract ${path}`, () => fs.readFileSync(path));
    const gzipped = looksGzip(path) || (raw[0] === 0x1f && raw[1] === 0x8b);
    const tar = gzipped ? gunzip(`tar/extract ${path}`, raw) : raw;
    const entries = reading('tar/extract', path, () => readTar(tar, MAX_ENTRY_BYTES));
    const out = new Extraction('tar/extract', dest);
    let count = 0;
    for (const entry of entries) {
      // Links could point anywhere (or be written through later): skipped, as in the reference.
      if (entry.type === '1' || entry.type === '2') continue;
      const rel = safeRelative(entry.name);
      if (rel === undefined) continue;
      if (entry.type === '5') out.directory(rel, entry.name);
      else if (entry.type === '0' || entry.type === '7') out.file(rel, entry.name, entry.data, entry.mode, entry.mtime);
      else continue; // devices, FIFOs, sparse files: nothing safe to write
      count++;
    }
    return count;
  }),
];

export const archiveModule: StdlibModule = { name: 'archive', builtins };
