// `toml/decode` and `toml/encode`: TOML text <-> Sema maps (see toml-parse.ts and
// toml-encode.ts); this file only checks arguments and words the errors.

import { SemaError } from '../eval/errors';
import { fn, type BuiltinSpec, type StdlibModule } from './registry';
import { str } from './text-args';
import { describeTomlError, parseToml } from './toml-parse';
import { TomlSyntaxError } from './toml-scalars';
import { toToml, writeToml } from './toml-encode';

const builtins: BuiltinSpec[] = [
  fn('toml/decode', 1, 1, (args) => {
    const text = str('toml/decode', args, 0);
    try {
      return parseToml(text);
    } catch (e) {
      if (!(e instanceof TomlSyntaxError)) throw e;
      throw new SemaError(
        `toml/decode: parse error: ${describeTomlError(text, e)}`,
        'eval',
        {},
        'toml/decode expects a TOML document (keys use = not :, strings use double quotes)',
      );
    }
  }),
  fn('toml/encode', 1, 1, (args) => {
    const doc = toToml(args[0] ?? null);
    if (doc.t !== 'table') throw new SemaError('toml/encode: top-level value must be a map', 'eval');
    return writeToml(doc);
  }),
];

export const tomlModule: StdlibModule = { name: 'toml', builtins };
