// Vector construction and list<->vector conversion. Everything else that works on
// vectors (nth, first, rest, length, map, ...) is shared with lists.

import { Vector } from '../eval/values';
import { fn, type StdlibModule } from './registry';
import { badType } from './support';

export const vectorsModule: StdlibModule = {
  name: 'vectors',
  builtins: [
    fn('vector', 0, -1, (args) => new Vector(args)),
    fn('list->vector', 1, 1, ([v]) => {
      if (Array.isArray(v)) return new Vector(v);
      throw badType('list->vector', 'list', v!, 'list->vector: argument 1 must be a list');
    }),
    fn('vector->list', 1, 1, ([v]) => {
      if (v instanceof Vector) return v.items;
      throw badType('vector->list', 'vector', v!, 'vector->list: argument 1 must be a vector');
    }),
  ],
};
