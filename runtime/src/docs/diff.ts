// Catalogue entries for unified diffs and patches (stdlib/diff.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const d = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('diff', sig, summary, examples);
const PATCH = '"--- old\\n+++ new\\n@@ -1,3 +1,3 @@\\n a\\n-b\\n+B\\n c\\n"';

export const diffDocs: BuiltinDoc[] = [
  d(['(diff/unified old new)', '(diff/unified old new context)'], 'The unified diff (headers `--- old` and `+++ new`) that turns the text `old` into `new`, with `context` unchanged lines (default 3) around each change; `""` when the texts are equal.', [
    '(diff/unified "a\\nb\\nc\\n" "a\\nB\\nc\\n")  ; => ' + PATCH,
  ]),
  d('(diff/apply text patch)', 'Applies the hunks of a unified diff to `text`. A hunk may have drifted up to 3 lines from where its header puts it; when its context cannot be found the call fails rather than guess.', [
    `(diff/apply "a\\nb\\nc\\n" ${PATCH})  ; => "a\\nB\\nc\\n"`,
  ]),
  d('(diff/stat patch)', 'Counts of added and removed lines and of hunks in a unified diff.', [
    `(diff/stat ${PATCH})  ; => {:added 1 :hunks 1 :removed 1}`,
  ]),
  d('(diff/hunks patch)', 'The hunks of a unified diff as maps: `:header`, `:old-start`, `:old-count`, `:new-start`, `:new-count` and the body `:lines` with their markers.', [
    `(map :lines (diff/hunks ${PATCH}))  ; => ((" a" "-b" "+B" " c"))`,
  ]),
  d('(diff/parse patch)', 'A unified diff as `{:files [...]}`, one map per file section with `:old-path`, `:new-path` (as the `---`/`+++` lines give them) and its `:hunks`.', [
    '(map :new-path (:files (diff/parse "--- a/f.txt\\n+++ b/f.txt\\n@@ -1 +1 @@\\n-x\\n+y\\n")))  ; => ("b/f.txt")',
  ]),
  d('(patch/apply-file path patch)', 'Applies a unified diff to the file at `path` in place and returns the number of hunks applied; the file is left alone when a hunk does not apply. Needs the fs-write capability.', [
    '(patch/apply-file "src/main.rs" patch)',
  ]),
];
