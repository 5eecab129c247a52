// Catalogue entries for the read-only git helpers (stdlib/git.ts).

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const g = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('git', sig, summary, examples);
const NOTE = ' Runs `git` in the working directory (needs the process capability); outside a repository, or without git on PATH, it fails with git\'s message.';

export const gitDocs: BuiltinDoc[] = [
  g('(git/root)', 'The top-level directory of the repository.' + NOTE, ['(git/root)  ; => "/home/me/project"']),
  g('(git/current-branch)', 'The name of the checked-out branch (`"HEAD"` when detached).' + NOTE, ['(git/current-branch)  ; => "main"']),
  g('(git/status)', 'One map per changed or untracked path: `:path`, the two-letter porcelain `:status` code, `:staged` (something is in the index) and `:untracked`. Renamed entries give their new path.' + NOTE, [
    '(git/status)  ; => ({:path "src/main.rs" :staged #f :status " M" :untracked #f})',
  ]),
  g('(git/changed-files)', 'The paths `git/status` lists, as strings.' + NOTE, ['(git/changed-files)  ; => ("src/main.rs" "notes.txt")']),
  g('(git/diff-files)', 'Paths with unstaged changes (`git diff --name-only`).' + NOTE, ['(git/diff-files)  ; => ("src/main.rs")']),
  g(['(git/diff)', '(git/diff path)'], 'The unified diff of unstaged changes, of the whole tree or of one path.' + NOTE, ['(git/diff "src/main.rs")']),
  g(['(git/recent-files)', '(git/recent-files n)'], 'The distinct files touched by the last `n` commits (default 20), most recent first.' + NOTE, ['(git/recent-files 5)']),
  g('(git/ignore-matches? path)', '#t when `.gitignore` rules ignore `path`, #f otherwise.' + NOTE, ['(git/ignore-matches? "target/x")  ; => #t']),
];
