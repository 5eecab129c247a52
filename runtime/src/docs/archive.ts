// Catalogue entries for gzip, zip and tar (stdlib/archive.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const a = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('archive', sig, summary, examples);

export const archiveDocs: BuiltinDoc[] = [
  a('(gzip/compress data)', 'Gzip-compresses a bytevector (or a string\'s UTF-8 bytes) and returns the compressed bytevector.', [
    '(bytevector-length (gzip/compress (string->bytevector "hello")))  ; => 25',
  ]),
  a('(gzip/decompress data)', 'Decompresses gzip data (a bytevector or string) into a bytevector; corrupt data is an error.', [
    '(bytevector->string (gzip/decompress (gzip/compress "hello")))  ; => "hello"',
  ]),
  a('(zip/create path files)', 'Writes a zip archive at `path` holding each file of the list `files` (deflated, stored under its file name without directories) and returns the number of entries. Two files with the same name are an error. Needs the fs-write capability.', [
    '(zip/create "out.zip" \'("a.txt" "b.txt"))  ; => 2',
  ]),
  a('(zip/list path)', 'The entry names of the zip archive at `path`, in archive order.', ['(zip/list "out.zip")  ; => ("a.txt" "b.txt")']),
  a('(zip/extract path dest)', 'Extracts the zip archive at `path` into the directory `dest` (created if missing) and returns the number of entries written. Entries that would land outside `dest` (`..`, absolute names) are skipped; writing through a symlink out of `dest`, two entries with the same target, and sizes over 1 GiB per entry are errors.', [
    '(zip/extract "out.zip" "dest/")  ; => 2',
  ]),
  a('(tar/create path files)', 'Writes a tar archive of the list `files` (each under its file name; a directory adds just its own entry), gzip-compressed when `path` ends in `.tar.gz` or `.tgz`; returns the number of entries.', [
    '(tar/create "out.tar.gz" \'("a.txt"))  ; => 1',
  ]),
  a('(tar/extract path dest)', 'Extracts a tar or gzip-compressed tar archive into `dest` and returns the number of entries written. Symlinks, hard links and entries that would escape `dest` are skipped; duplicate targets are an error.', [
    '(tar/extract "out.tar.gz" "dest/")  ; => 1',
  ]),
];
