// Catalogue entries for the `stream/*` builtins (stdlib/streams.ts; stdlib/streams.md).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string, summary: string, examples: string[]): BuiltinDoc => fnDoc('streams', sig, summary, examples);

export const streamDocs: BuiltinDoc[] = [
  d('(stream/from-string text)', 'A read-only stream over the UTF-8 bytes of `text`.', ['(stream/read-byte (stream/from-string "hi"))  ; => 104']),
  d('(stream/from-bytes bytes)', 'A byte-buffer stream that starts with the bytes of a bytevector (readable and writable).', ['(stream/read-byte (stream/from-bytes (bytevector 1 2 3)))  ; => 1']),
  d('(stream/byte-buffer)', 'An empty in-memory stream: writes append, reads consume from the current position.', ['(define buf (stream/byte-buffer))\n(stream/write-string buf "hello")\n(stream/to-string buf)  ; => "hello"']),
  d('(stream/open-input path)', 'Opens a file for reading as a buffered input stream.', ['(define s (stream/open-input "data.csv"))']),
  d('(stream/open-output path)', 'Creates (or truncates) a file and opens it as an output stream.', ['(define s (stream/open-output "out.txt"))']),
  d('(stream/read stream n)', 'Reads up to `n` bytes as a bytevector; fewer at the end of the data.', ['(stream/read (stream/from-string "hello") 3)  ; => #u8(104 101 108)']),
  d('(stream/read-byte stream)', 'Reads one byte as an integer 0–255, or nil at the end of the data.', ['(stream/read-byte (stream/from-string "A"))  ; => 65']),
  d('(stream/read-line stream)', 'Reads up to the next `\\n` and returns the line without it (and without a `\\r` before it); nil at the end of the data.', ['(stream/read-line (stream/from-string "one\\ntwo"))  ; => "one"']),
  d('(stream/read-all stream)', 'Reads everything left in the stream as a bytevector.', ['(utf8->string (stream/read-all (stream/from-string "abc")))  ; => "abc"']),
  d('(stream/write stream bytes)', 'Writes a bytevector and returns the number of bytes written.', ['(stream/write (stream/byte-buffer) (bytevector 72 105))  ; => 2']),
  d('(stream/write-byte stream byte)', 'Writes one byte (an integer 0–255). Returns nil.', ['(stream/write-byte (stream/byte-buffer) 10)']),
  d('(stream/write-string stream text)', 'Writes a string as UTF-8 and returns the number of bytes written.', ['(stream/write-string (stream/byte-buffer) "hello")  ; => 5']),
  d('(stream/copy from to)', 'Copies every byte left in `from` to `to` and returns how many were copied.', ['(stream/copy (stream/from-string "abc") (stream/byte-buffer))  ; => 3']),
  d('(stream/close stream)', 'Closes a stream, releasing its file if it has one; reads and writes then fail. Closing again does nothing.', ['(stream/close s)']),
  d('(stream/flush stream)', 'Flushes buffered output to where the stream writes.', ['(stream/flush *stdout*)']),
  d('(stream? value)', 'True for a stream.', ['(stream? (stream/byte-buffer))  ; => #t', '(stream? 42)  ; => #f']),
  d('(stream/readable? stream)', 'True when the stream can be read (and is not closed).', ['(stream/readable? (stream/from-string "x"))  ; => #t']),
  d('(stream/writable? stream)', 'True when the stream can be written (and is not closed).', ['(stream/writable? (stream/from-string "x"))  ; => #f']),
  d('(stream/available? stream)', 'True when bytes can be read without waiting.', ['(stream/available? (stream/from-string ""))  ; => #f']),
  d('(stream/type stream)', 'The kind of stream: "byte-buffer", "string", "file-input", "file-output", "stdin", "stdout" or "stderr".', ['(stream/type (stream/byte-buffer))  ; => "byte-buffer"']),
  d('(stream/to-bytes stream)', 'Everything written to (or given to) a byte-buffer stream, as a bytevector.', ['(let ((s (stream/byte-buffer)))\n  (stream/write s (bytevector 1 2 3))\n  (stream/to-bytes s))  ; => #u8(1 2 3)']),
  d('(stream/to-string stream)', 'The contents of a byte-buffer stream as a UTF-8 string.', ['(let ((s (stream/byte-buffer)))\n  (stream/write-string s "hello")\n  (stream/to-string s))  ; => "hello"']),
];
