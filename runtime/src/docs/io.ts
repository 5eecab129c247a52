// Catalogue entries for console I/O, `read`/`read-many` (stdlib/io.ts) and the file and
// path builtins (stdlib/file-io.ts), all on the file-io page.

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[], aliases?: string[]): BuiltinDoc =>
  fnDoc('file-io', sig, summary, examples, aliases);

export const ioDocs: BuiltinDoc[] = [
  d('(display value ...)', 'Prints values to stdout separated by spaces, strings without quotes, with no newline.', ['(display "no newline")']),
  d('(print value ...)', 'Prints values in read syntax (strings quoted), separated by spaces, with no newline.', ['(print "hello")  ; prints "hello"']),
  d('(println value ...)', 'Like `display`, then a newline.', ['(println "total:" 42)  ; prints total: 42']),
  d('(pprint value)', 'Prints a value in read syntax, broken over lines and indented when it does not fit in 80 columns.', ["(pprint '(1 2 3))"]),
  d('(newline)', 'Prints a newline.', ['(newline)']),
  d('(io/print-error value ...)', 'Like `display`, but to stderr.', ['(io/print-error "warning: ")'], ['print-error']),
  d('(io/println-error value ...)', 'Like `println`, but to stderr.', ['(io/println-error "error: file not found")'], ['println-error']),
  d('(io/read-line)', 'Reads one line from stdin without its line ending; nil once stdin is exhausted.', ['(define name (io/read-line))'], ['read-line']),
  d('(io/read-stdin)', 'Reads the rest of stdin as one string.', ['(define input (io/read-stdin))'], ['read-stdin']),
  d('(io/eof?)', 'True once a stdin read has reached the end of input.', ['(io/eof?)  ; => #f']),
  d('(io/flush)', 'Flushes stdout (output is already passed on as it is written).', ['(io/flush)']),
  d('(read text)', 'Parses the first form of `text` into a value without evaluating it; nil for empty text.', ['(read "(+ 1 2)")  ; => (+ 1 2)']),
  d('(io/read-many text)', 'Parses every form of `text` into a list of values.', ['(io/read-many "1 :k (a b)")  ; => (1 :k (a b))'], ['read-many']),
  d('(file/read path)', 'The contents of a file as a string.', ['(file/read "data.txt")']),
  d('(file/write path content)', 'Writes a string to a file, replacing its contents.', ['(file/write "out.txt" "content")']),
  d('(file/append path content)', 'Appends a string to a file, creating it if needed.', ['(file/append "log.txt" "new line\\n")']),
  d('(file/read-bytes path)', 'The contents of a file as a bytevector.', ['(file/read-bytes "image.png")  ; => #u8(137 80 78 71 ...)']),
  d('(file/write-bytes path bytes)', 'Writes a bytevector to a file.', ['(file/write-bytes "out.bin" #u8(1 2 3))']),
  d('(file/read-lines path)', 'The lines of a file (`\\n` or `\\r\\n` endings); an empty file gives `()`.', ['(file/read-lines "data.txt")  ; => ("line 1" "line 2")']),
  d('(file/write-lines path lines)', 'Writes a list of strings to a file, joined by newlines.', ['(file/write-lines "out.txt" \'("a" "b" "c"))']),
  d('(file/for-each-line path f)', 'Calls `f` with each line of a file.', ['(file/for-each-line "data.txt" println)']),
  d('(file/fold-lines path f init)', 'Folds over the lines of a file: `(f acc line)` for each line, starting from `init`.', ['(file/fold-lines "data.csv" (fn (acc line) (+ acc 1)) 0)']),
  d('(file/delete path)', 'Deletes a file.', ['(file/delete "tmp.txt")']),
  d('(file/rename from to)', 'Renames or moves a file.', ['(file/rename "old.txt" "new.txt")']),
  d('(file/copy from to)', 'Copies a file.', ['(file/copy "src.txt" "dst.txt")']),
  d('(file/exists? path)', 'True when a file or directory exists at `path`.', ['(file/exists? "data.txt")']),
  d('(file/is-file? path)', 'True when `path` is a regular file.', ['(file/is-file? "data.txt")']),
  d('(file/is-directory? path)', 'True when `path` is a directory.', ['(file/is-directory? "src/")']),
  d('(file/is-symlink? path)', 'True when `path` is a symbolic link.', ['(file/is-symlink? "link")']),
  d('(file/list dir)', 'The names of the entries in a directory.', ['(file/list "src/")']),
  d('(file/mkdir path)', 'Creates a directory and any missing parents.', ['(file/mkdir "out/reports")']),
  d('(file/glob pattern)', 'Paths matching a glob pattern (`*`, `?`, `[...]`, and `**` for any depth), sorted.', ['(file/glob "src/**/*.rs")']),
  d('(file/info path)', 'A map of `:size` (bytes), `:modified` (epoch milliseconds), `:is-file` and `:is-dir`.', ['(file/info "data.txt")  ; => {:is-dir #f :is-file #t :modified 1782248141021 :size 1234}']),
  d(['(fs/watch path)', '(fs/watch path options)'], 'Starts watching a file or directory (`{:recursive false}` to watch one level) and returns a watcher handle.', ['(define w (fs/watch "src"))']),
  d('(fs/watch-events watcher)', 'The changes seen since the last call, without waiting: a list of `{:kind :paths}` with `:kind` one of `:create`, `:modify`, `:remove`.', ['(fs/watch-events w)']),
  d('(fs/unwatch watcher)', 'Stops a watcher.', ['(fs/unwatch w)']),
  d('(path/join part ...)', 'Joins path components with `/`; an absolute component starts over.', ['(path/join "src" "main.rs")  ; => "src/main.rs"']),
  d('(path/dir path)', 'The directory part of a path; "" when there is none.', ['(path/dir "/a/b/c.txt")  ; => "/a/b"'], ['path/dirname']),
  d('(path/filename path)', 'The last component of a path; "" when there is none.', ['(path/filename "/a/b/c.txt")  ; => "c.txt"'], ['path/basename']),
  d('(path/extension path)', 'The file extension without the dot; "" when there is none.', ['(path/extension "file.tar.gz")  ; => "gz"'], ['path/ext']),
  d('(path/stem path)', 'The file name without its extension.', ['(path/stem "archive.tar.gz")  ; => "archive.tar"']),
  d('(path/absolute path)', 'The absolute, symlink-resolved form of an existing path.', ['(path/absolute ".")']),
  d('(path/absolute? path)', 'True for an absolute path.', ['(path/absolute? "/usr/bin")  ; => #t']),
  d('(path/canonicalize path)', 'The real absolute path (symlinks, `.` and `..` resolved); an error when it does not exist.', ['(path/canonicalize "./src/../x")']),
  d('(path/relative-to base path)', '`path` expressed relative to `base`, by path arithmetic alone.', ['(path/relative-to "/a/b" "/a/b/c/d")  ; => "c/d"']),
  d('(path/within? base path)', 'True when `path` is inside (or equal to) `base` after resolving symlinks and `..`.', ['(path/within? "/repo" "/repo/src/x")  ; => #t']),
];
