// Running `sema workflow run` and `sema workflow check`. A run evaluates the file (whose
// `defworkflow` form is the run) with the workflow settings in the environment the
// evaluation thread inherits; the exit status is 1 when the envelope says `:failed`.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Keyword, SemaMap } from '../eval/values';
import { mapGet } from '../eval/equality';
import { parseSandboxMode, type Capability } from '../eval/sandbox';
import { read } from '../reader';
import { printValue } from '../reader/printer';
import { prettyPrint } from '../stdlib/pretty';
import { checkSource, declaredPermissions } from '../workflow/check';
import { renderReport, reportStatus } from '../workflow/check-report';
import type { EvalSession } from './session';
import type { RunOptions } from './args';
import type { WorkflowCommand } from './workflow-args';

type Out = (s: string) => void;

function readSource(file: string): string | { error: string } {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (e) {
    return { error: `cannot read file ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
}

export function workflowCheck(cmd: Extract<WorkflowCommand, { kind: 'workflow-check' }>, out: Out, err: Out): number {
  const src = readSource(cmd.file);
  if (typeof src !== 'string') {
    err(`error: ${src.error}\n`);
    return 2;
  }
  const diags = checkSource(src);
  out(renderReport(cmd.file, diags, cmd.json) + '\n');
  return reportStatus(diags, cmd.strict);
}

/** The workflow's `:permissions` added to the command's own sandbox (they can only tighten it). */
function tightened(opts: RunOptions, src: string): RunOptions | string {
  const specs = declaredPermissions(src);
  if (!Array.isArray(specs)) return `invalid workflow permissions: ${specs.error}`;
  const denied = new Set<Capability>(opts.sandbox?.denied ?? []);
  for (const spec of specs) {
    const caps = parseSandboxMode(spec);
    if (!Array.isArray(caps)) return `invalid defworkflow :permissions ${JSON.stringify(spec)}: ${caps.error}`;
    caps.forEach((c) => denied.add(c));
  }
  if (specs.length === 0) return opts;
  return { ...opts, sandbox: { ...opts.sandbox, denied: [...denied] } };
}

export async function workflowRun(
  cmd: Extract<WorkflowCommand, { kind: 'workflow-run' }>,
  newSession: (opts: RunOptions) => EvalSession,
  err: Out,
): Promise<number> {
  const env: Record<string, string> = { SEMA_WORKFLOW_RUN_DIR: cmd.runDir, SEMA_WORKFLOW_ARGS_JSON: cmd.argsJson };
  if (cmd.resume !== undefined) {
    // The id becomes a path: a bare directory name only.
    if (/[/\\]/.test(cmd.resume) || cmd.resume.includes('..')) {
      err('error: --resume run-id must be a bare directory name (no path separators)\n');
      return 1;
    }
    const prior = join(cmd.runDir, cmd.resume, 'events.jsonl');
    if (!existsSync(prior)) {
      err(`error: no prior run to resume at ${prior}\n`);
      return 1;
    }
    Object.assign(env, { SEMA_WORKFLOW_RUN_ID: cmd.resume, SEMA_WORKFLOW_RESUME: '1' });
  }
  const src = readSource(cmd.file);
  if (typeof src !== 'string') {
    err(`error: ${src.error}\n`);
    return 1;
  }
  const opts = tightened(cmd.opts, src);
  if (typeof opts === 'string') {
    err(`error: ${opts}\n`);
    return 1;
  }
  try {
    JSON.parse(cmd.argsJson);
  } catch (e) {
    err(`error: --args is not valid JSON: ${(e as Error).message}\n`);
    return 1;
  }
  // Editing the workflow changes every resume key, so an edited file re-runs its steps.
  env['SEMA_WORKFLOW_CODE_VERSION'] = createHash('sha256').update(src).digest('hex').slice(0, 16);
  const session = newSession({ ...opts, env: { ...opts.env, ...env } });
  const path = resolve(cmd.file);
  const setup = await session.eval(`(define *workflow-args* (json/decode ${printValue(cmd.argsJson)}))`, undefined, 'never');
  const r = setup.ok ? await session.eval(src, path, 'never') : setup;
  await session.close();
  if (!r.ok) {
    if (r.error) err(`Error running workflow ${cmd.file}: ${r.error.report}\n`);
    return r.exitCode ?? 1;
  }
  const envelope = r.value === null ? null : read(r.value).forms[0];
  if (envelope instanceof SemaMap) {
    const status = mapGet(envelope, Keyword.of('status'));
    if (status instanceof Keyword && status.name === 'failed') {
      err(`workflow failed: ${prettyPrint(envelope, 80)}\n`);
      return 1;
    }
  }
  return 0;
}
