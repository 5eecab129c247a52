// eval, load, import, module/export: evaluating code and files at run time.

import { defineSpecialForm, type Compiler } from '../compiler';
import { arityError, ioError, SemaError } from '../errors';
import { Scope, Frame } from '../scope';
import { Sym, typeName, type Value } from '../values';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

const EXPORT = Sym.of('export');

/** Resolves a path relative to the file being evaluated (or the working directory). */
export function resolvePath(c: Compiler, path: string): string {
  const base = c.interp.currentFile ? dirname(c.interp.currentFile) : process.cwd();
  return resolve(base, path);
}

function readSource(path: string, who: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw ioError(`${who}: cannot read ${path}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}`);
  }
}

function pathArg(v: Value, who: string): string {
  if (typeof v !== 'string') throw new SemaError(`${who}: expected a file path string, got ${typeName(v)}`, 'type-error', { expected: 'string', got: typeName(v) });
  return v;
}

export function installModuleForms(): void {
  defineSpecialForm('eval', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('eval', '1', form.length - 1);
    const arg = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const interp = c.interp;
    return (f) => {
      const data = arg(f);
      const saved = c.spans;
      c.spans = undefined;
      try {
        return interp.evalForm(data);
      } finally {
        c.spans = saved;
      }
    };
  });

  defineSpecialForm('load', (c, form, scope, _tail, span) => {
    if (form.length !== 2) throw arityError('load', '1', form.length - 1);
    const arg = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const interp = c.interp;
    return (f) => {
      const path = resolvePath(c, pathArg(arg(f), 'load'));
      interp.sandbox?.checkFileRead('load', path);
      if (interp.loading.has(path)) throw new SemaError(`load: circular load of ${path}`, 'eval');
      interp.loading.add(path);
      try {
        return interp.evalString(readSource(path, 'load'), path);
      } finally {
        interp.loading.delete(path);
      }
    };
  });

  defineSpecialForm('import', (c, form, scope, _tail, span) => {
    // (import "file.sema") binds every export; (import "file.sema" a b ...) only those named.
    if (form.length < 2) throw arityError('import', '1+', form.length - 1);
    const arg = c.compile(form[1]!, scope, false, c.childSpan(form, 1, span));
    const only = form.slice(2).map((x) => {
      if (!(x instanceof Sym)) throw c.error('import: names to import must be symbols', span);
      return x.name;
    });
    const interp = c.interp;
    return (f) => {
      const path = resolvePath(c, pathArg(arg(f), 'import'));
      interp.sandbox?.checkFileRead('import', path);
      let exports = interp.moduleCache.get(path);
      if (exports === undefined) {
        if (interp.loading.has(path)) {
          const chain = [...interp.loading, path].map((p) => basename(p));
          throw new SemaError(`cyclic import detected: ${chain.join(' -> ')}`, 'eval');
        }
        interp.loading.add(path);
        const before = new Map(interp.globals);
        const savedExports = interp.moduleExports;
        const moduleExports = new Map<string, Value>();
        interp.moduleExports = moduleExports;
        try {
          exports = new Map();
          interp.evalString(readSource(path, 'import'), path);
          if (moduleExports.size > 0) {
            exports = moduleExports;
          } else {
            // A file without `module`: every global it defined is exported.
            for (const [name, cell] of interp.globals) {
              if (cell.value !== undefined && before.get(name)?.value !== cell.value) exports.set(name, cell.value);
            }
          }
        } finally {
          interp.moduleExports = savedExports;
          interp.loading.delete(path);
        }
        interp.moduleCache.set(path, exports);
      }
      for (const name of only) {
        if (!exports.has(name)) throw new SemaError(`import: ${basename(path)} does not export '${name}'`, 'eval');
      }
      for (const [name, v] of exports) if (only.length === 0 || only.includes(name)) interp.define(name, v);
      return null;
    };
  });

  defineSpecialForm('module', (c, form, scope, _tail, span) => {
    // (module name (export a b ...) body...): body definitions are private to the module
    // except the exported ones, which are copied to the global environment.
    if (form.length < 3 || !(form[1] instanceof Sym)) throw c.error('module: expected (module name (export names...) body...)', span);
    const exportForm = form[2];
    if (!Array.isArray(exportForm) || exportForm[0] !== EXPORT) throw c.error('module: second element must be (export names...)', span);
    const names = exportForm.slice(1).map((x) => {
      if (!(x instanceof Sym)) throw c.error('export: names must be symbols', span);
      return x.name;
    });
    const s = new Scope(scope);
    const body = form.slice(3);
    c.prescanDefines(body, s);
    const code = c.compileBody(body, s, false, form, 3, span);
    const interp = c.interp;
    return (f) => {
      const frame = new Frame(new Array<Value>(s.names.length), f);
      code(frame);
      const target = interp.moduleExports;
      for (const n of names) {
        const i = s.names.lastIndexOf(n);
        const v = i >= 0 ? frame.v[i] : interp.lookup(n);
        if (v === undefined) throw new SemaError(`module ${(form[1] as Sym).name}: exported name ${n} is not defined`, 'eval');
        if (target) target.set(n, v);
        else interp.define(n, v);
      }
      return null;
    };
  });

  defineSpecialForm('export', (c, _form, _scope, _tail, span) => {
    throw c.error('export is only valid as the second element of a module form', span);
  });
}
