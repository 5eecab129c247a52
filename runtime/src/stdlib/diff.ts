// `diff/*` and `patch/apply-file` (diff.md): make unified diffs, read them back as data,
// apply them to strings or to a file in place.

import * as fs from 'node:fs';
import { evalError } from '../eval/errors';
import { kw, type Value } from '../eval/values';
import { mapFromPairs } from '../eval/equality';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { int, str } from './text-args';
import { io, readText } from './file-io';
import { unifiedDiff } from './unified-diff';
import { applyHunks, diffStat, parseFiles, parseHunks, type Hunk } from './patch-text';

function hunkValue(h: Hunk): Value {
  return mapFromPairs([
    kw('header'), h.header,
    kw('old-start'), h.oldStart,
    kw('old-count'), h.oldCount,
    kw('new-start'), h.newStart,
    kw('new-count'), h.newCount,
    kw('lines'), [...h.lines],
  ]);
}

/**
 * The hunks to apply. Stricter than the reference, which applies a text without hunks as
 * a no-op: text that is not blank yet holds no hunk is not a patch, so it is an error.
 */
function hunksToApply(patch: string, name: string): Hunk[] {
  const hunks = parseHunks(patch, name);
  if (hunks.length === 0 && patch.trim() !== '') throw evalError(`${name}: no hunks found in patch (expected lines like "@@ -1,3 +1,3 @@")`);
  return hunks;
}

const builtins: BuiltinSpec[] = [
  fn('diff/unified', 2, 3, (args) => {
    const oldText = str('diff/unified', args, 0);
    const newText = str('diff/unified', args, 1);
    const context = args.length > 2 ? int('diff/unified', args, 2) : 3;
    if (context < 0) throw evalError('diff/unified: context must be >= 0');
    return unifiedDiff(oldText, newText, context);
  }),
  fn('diff/stat', 1, 1, (args) => {
    const { added, removed, hunks } = diffStat(str('diff/stat', args, 0));
    return mapFromPairs([kw('added'), added, kw('removed'), removed, kw('hunks'), hunks]);
  }),
  fn('diff/hunks', 1, 1, (args) => parseHunks(str('diff/hunks', args, 0)).map(hunkValue)),
  fn('diff/parse', 1, 1, (args) => {
    const files = parseFiles(str('diff/parse', args, 0)).map((f) =>
      mapFromPairs([kw('old-path'), f.oldPath, kw('new-path'), f.newPath, kw('hunks'), f.hunks.map(hunkValue)]),
    );
    return mapFromPairs([kw('files'), files]);
  }),
  fn('diff/apply', 2, 2, (args) => {
    const content = str('diff/apply', args, 0);
    const patch = str('diff/apply', args, 1);
    return applyHunks(content, hunksToApply(patch, 'diff/apply'), 'diff/apply');
  }),
  fn('patch/apply-file', 2, 2, (args) => {
    const path = str('patch/apply-file', args, 0);
    const patch = str('patch/apply-file', args, 1);
    const hunks = hunksToApply(patch, 'patch/apply-file');
    const patched = applyHunks(readText('patch/apply-file', path), hunks, 'patch/apply-file');
    io(`patch/apply-file ${path}`, () => fs.writeFileSync(path, patched));
    return hunks.length;
  }),
];

export const diffModule: StdlibModule = { name: 'diff', builtins };
