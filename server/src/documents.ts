// Open documents and their analyses, cached per uri + version, plus summaries of files
// they import or load (read from the open copy if there is one, else from disk by mtime).

import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from '@sema/runtime/reader';
import type { Catalogue } from './catalogue';
import { PositionMap } from './convert';
import { analyze } from './analysis/analyze';
import { exportedDefinitions } from './analysis/definitions';
import type { Analysis, Binding } from './analysis/types';

/** One analysed version of a document: what every feature takes. */
export interface DocState {
  readonly uri: string;
  readonly version: number;
  readonly analysis: Analysis;
  readonly pos: PositionMap;
}

/** What features may ask of the other documents (open or imported). */
export interface Workspace {
  readonly catalogue: Catalogue;
  /** Positions of any document a binding came from. */
  positionsOf(uri: string): PositionMap | undefined;
  /** Every open document, analysed. */
  openDocuments(): DocState[];
  /** The file an `(import "...")` path of document `from` names, if it is a local file. */
  resolveImportPath(from: string, target: string): string | undefined;
  /** An open document, or a file on disk analysed as if it were (for cross-file edits). */
  documentAt(uri: string): DocState | undefined;
}

interface FileSummary {
  mtimeMs: number;
  pos: PositionMap;
  exports: Binding[];
}

export class DocumentStore implements Workspace {
  private readonly docs = new Map<string, { version: number; text: string; state?: DocState }>();
  private readonly files = new Map<string, FileSummary>();

  constructor(readonly catalogue: Catalogue) {}

  /**
   * Records the text of a document version (open or change). Analysis is lazy. Returns
   * the other open documents that import this one: their analyses are dropped too.
   */
  set(uri: string, version: number, text: string): string[] {
    this.docs.set(uri, { version, text });
    const dependents: string[] = [];
    for (const [other, d] of this.docs) {
      if (other === uri || !d.state) continue;
      const imports = d.state.analysis.imports.map((i) => this.resolveImportPath(other, i.path));
      if (imports.some((p) => p !== undefined && pathToFileURL(p).href === uri)) {
        delete d.state;
        dependents.push(other);
      }
    }
    return dependents;
  }

  delete(uri: string): void {
    this.docs.delete(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** The analysis of the current version, computed once per version. */
  get(uri: string): DocState | undefined {
    const d = this.docs.get(uri);
    if (!d) return undefined;
    if (!d.state) {
      const analysis = analyze(d.text, { catalogue: this.catalogue, resolveImport: (p) => this.importedFrom(uri, p) });
      d.state = { uri, version: d.version, analysis, pos: new PositionMap(d.text) };
    }
    return d.state;
  }

  private readonly closed = new Map<string, { mtimeMs: number; state: DocState }>();

  documentAt(uri: string): DocState | undefined {
    if (this.docs.has(uri)) return this.get(uri);
    const path = safePath(uri);
    if (!path) return undefined;
    try {
      const mtimeMs = statSync(path).mtimeMs;
      const cached = this.closed.get(uri);
      if (cached && cached.mtimeMs === mtimeMs) return cached.state;
      const text = readFileSync(path, 'utf8');
      const analysis = analyze(text, { catalogue: this.catalogue, resolveImport: (p) => this.importedFrom(uri, p) });
      const state = { uri, version: 0, analysis, pos: new PositionMap(text) };
      this.closed.set(uri, { mtimeMs, state });
      return state;
    } catch {
      return undefined;
    }
  }

  openDocuments(): DocState[] {
    return [...this.docs.keys()].map((u) => this.get(u)!).filter(Boolean);
  }

  positionsOf(uri: string): PositionMap | undefined {
    const open = this.docs.get(uri);
    if (open) return this.get(uri)?.pos;
    const path = safePath(uri);
    return path ? this.summary(path)?.pos : undefined;
  }

  /** Definitions exported by `target` as imported from the document `from`. */
  private importedFrom(from: string, target: string): Binding[] | undefined {
    const base = safePath(from);
    if (!base) return undefined;
    const path = isAbsolute(target) ? target : resolve(dirname(base), target);
    const uri = pathToFileURL(path).href;
    const open = this.docs.get(uri);
    if (open && uri !== from) {
      const tree = parse(open.text);
      return exportedDefinitions(tree.nodes).map((b) => ({ ...b, uri }));
    }
    return this.summary(path)?.exports;
  }

  private summary(path: string): FileSummary | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.files.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const uri = pathToFileURL(path).href;
    const exports = exportedDefinitions(parse(text).nodes).map((b) => ({ ...b, uri }));
    const s = { mtimeMs, pos: new PositionMap(text), exports };
    this.files.set(path, s);
    return s;
  }

  /** The file path an import string refers to from document `from`, if it is a file URI. */
  resolveImportPath(from: string, target: string): string | undefined {
    const base = safePath(from);
    if (!base) return undefined;
    return isAbsolute(target) ? target : resolve(dirname(base), target);
  }
}

function safePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
