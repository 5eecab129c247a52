// Evaluates one conformance file case by case and compares with its annotations.
// Used by conformance.test.ts (and handy from a REPL script when triaging failures).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Interpreter } from '../../src/eval/interpreter';
import { SemaError } from '../../src/eval/errors';
import { printValue } from '../../src/reader';
import { parseConformanceFile, type ConformanceCase } from './conformance-cases';

export interface CaseResult {
  readonly case: ConformanceCase;
  /** What went wrong, or undefined when the case matched its annotations. */
  readonly problem: string | undefined;
}

export interface FileResult {
  readonly problems: string[];
  readonly results: CaseResult[];
}

/** Runs every form of `dir/file` in order in one fresh interpreter. */
export function runConformanceFile(dir: string, file: string): FileResult {
  const path = join(dir, file);
  const parsed = parseConformanceFile(readFileSync(path, 'utf8'), file);
  const out: string[] = [];
  const interp = new Interpreter({ stdout: (s) => out.push(s), stderr: () => {} });
  const results = parsed.cases.map((c) => ({ case: c, problem: runCase(interp, out, path, c) }));
  return { problems: parsed.problems, results };
}

/** What went wrong with one case, or undefined when it matched. */
function runCase(interp: Interpreter, out: string[], path: string, c: ConformanceCase): string | undefined {
  out.length = 0;
  let value: string | undefined;
  let error: unknown;
  try {
    value = printValue(interp.evalString(c.padded, path));
  } catch (e) {
    error = e;
  }
  const printed = out.join('').replace(/\n$/, '');
  const { expect } = c;
  if (error !== undefined) {
    if (!(error instanceof SemaError)) {
      const msg = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return `internal error (not a SemaError): ${msg}`;
    }
    if (expect.error === undefined) return `unexpected error: ${error.message}`;
    if (!error.message.includes(expect.error)) {
      return `error message ${JSON.stringify(error.message)} does not contain ${JSON.stringify(expect.error)}`;
    }
  } else if (expect.error !== undefined) {
    return `expected an error containing ${JSON.stringify(expect.error)}, got value ${value}`;
  }
  if (expect.value !== undefined && value !== undefined && value !== expect.value) {
    return `expected ${expect.value}\n     got ${value}`;
  }
  if (expect.out !== undefined && printed !== expect.out.join('\n')) {
    return `expected output ${JSON.stringify(expect.out.join('\n'))}\n     got output ${JSON.stringify(printed)}`;
  }
  return undefined;
}

