// Entry point of the analysis: parse, collect definitions, walk scopes, check. Pure and
// total: any text gives an Analysis, never an exception.

import { parse } from '@sema/runtime/reader';
import type { Catalogue } from '../catalogue';
import type { Analysis, Binding } from './types';
import { topLevelDefinitions } from './definitions';
import { Walker } from './walk';

export interface AnalyzeOptions {
  readonly catalogue: Catalogue;
  /**
   * Definitions exported by the files this one imports or loads, by the path as written.
   * Called once per `(import ...)`/`(load ...)` path; undefined when the file cannot be read.
   */
  readonly resolveImport?: (path: string) => readonly Binding[] | undefined;
}

export function analyze(text: string, opts: AnalyzeOptions): Analysis {
  const tree = parse(text);
  const definitions = topLevelDefinitions(tree.nodes);
  const importPaths = scanImports(tree.nodes);
  const imported: Binding[] = [];
  let unresolved = false;
  for (const p of importPaths) {
    const defs = opts.resolveImport?.(p);
    if (defs) imported.push(...defs);
    else unresolved = true;
  }
  const globals = new Map<string, Binding>();
  for (const b of imported) globals.set(b.name, b);
  for (const b of definitions) if (!globals.has(b.name) || globals.get(b.name)?.uri !== undefined) globals.set(b.name, b);
  // Warnings are only trusted on text that parses: half-typed code would drown in noise.
  const parsesCleanly = tree.diagnostics.every((d) => d.severity !== 'error');
  // A file we cannot read may define anything: unbound-symbol warnings would be guesses.
  const walker = new Walker(opts.catalogue, globals, definitions, parsesCleanly && !unresolved);
  walker.top(tree.nodes);
  return {
    text,
    parse: tree,
    definitions,
    locals: walker.locals,
    occurrences: walker.occurrences,
    scopes: walker.scopes,
    warnings: parsesCleanly ? walker.warnings : [],
    imports: walker.imports,
    optionMaps: walker.optionMaps,
    imported,
  };
}

/** Paths of top-level `(import "...")` / `(load "...")` forms, found before the walk. */
function scanImports(nodes: ReturnType<typeof parse>['nodes']): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const h = n.kind === 'list' ? n.children[0] : undefined;
    if (h?.kind === 'symbol' && (h.text === 'import' || h.text === 'load')) {
      for (const p of n.children.slice(1)) if (p.kind === 'string') out.push(p.text);
    }
  }
  return out;
}
