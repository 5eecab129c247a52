// The builtin catalogue as the server sees it: the runtime's docs behind a small interface,
// so feature tests can inject a handful of entries instead of the whole standard library.

import { catalogue as runtimeCatalogue, type BuiltinDoc } from '@sema/runtime/docs';

export interface Catalogue {
  lookup(name: string): BuiltinDoc | undefined;
  all(): readonly BuiltinDoc[];
}

/** A catalogue over a fixed list of entries (aliases resolve to their main entry). */
export function catalogueFrom(entries: readonly BuiltinDoc[]): Catalogue {
  const byName = new Map<string, BuiltinDoc>();
  for (const doc of entries) byName.set(doc.name, doc);
  for (const doc of entries) for (const alias of doc.aliases ?? []) if (!byName.has(alias)) byName.set(alias, doc);
  return { lookup: (name) => byName.get(name), all: () => entries };
}

let shared: Catalogue | undefined;

/** The runtime's full catalogue, built once. */
export function runtimeCatalogueView(): Catalogue {
  shared ??= catalogueFrom(runtimeCatalogue());
  return shared;
}

/** Names a catalogue entry answers to: its own and its aliases. */
export function namesOf(doc: BuiltinDoc): string[] {
  return [doc.name, ...(doc.aliases ?? [])];
}
