// One workflow run's live state: the journal, the event counter and clock, the open
// phase, step ids, the checkpoint bag, spend against the budget, and the resume memos.
// Settings come from the environment (the `sema workflow run` command sets them):
//   SEMA_WORKFLOW_RUN_DIR      base of run directories (default .sema/runs)
//   SEMA_WORKFLOW_RUN_ID       run id (default wf_<unix-seconds>_<pid>)
//   SEMA_WORKFLOW_RESUME=1     resume that run: reuse its directory and memos
//   SEMA_WORKFLOW_ARGS_JSON    the --args text (journaled; part of every content key)
//   SEMA_WORKFLOW_CODE_VERSION hash of the workflow source (part of every content key)
//   SEMA_WORKFLOW_FIXED_TS     fixed `ts` for every event and 0 for every `dur_ms` (tests)

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { valuesEqual } from '../eval/equality';
import type { Value } from '../eval/values';
import { parseJson, toJson, writeJson } from '../stdlib/json-text';
import { eventLine, type WorkflowEvent } from './events';
import { Journal } from './journal';

export const DEFAULT_RUNS_ROOT = '.sema/runs';

export interface Budget {
  readonly usd?: number;
  readonly tokens?: number;
}

/** Length-prefixed md5 of the fields, first 16 hex digits: ("a","bc") and ("ab","c") differ. */
function hashFields(fields: readonly string[]): string {
  const h = createHash('md5');
  for (const f of fields) {
    const bytes = Buffer.from(f, 'utf8');
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(bytes.length));
    h.update(len);
    h.update(bytes);
  }
  return h.digest('hex').slice(0, 16);
}

/** `--args` normalised (re-encoded when it is valid JSON), so spacing does not change keys. */
function argsFingerprint(argsJson: string): string {
  let normal = '';
  if (argsJson.trim() !== '') {
    try {
      normal = JSON.stringify(JSON.parse(argsJson));
    } catch {
      normal = argsJson;
    }
  }
  return hashFields(['args', normal]);
}

/** The value as JSON text, with anything JSON cannot hold written as its printed form. */
export function lossyJson(v: Value, indent?: string): string {
  return writeJson(toJson(v, true), indent);
}

/**
 * SEMA_WORKFLOW_RUN_ID, else `wf_<unix-seconds>_<pid>`; a generated id already taken
 * under `root` (two runs in one second of one process) gets a `_2`, `_3`... suffix so
 * each run keeps a journal of its own.
 */
export function resolveRunId(root: string): string {
  const id = process.env['SEMA_WORKFLOW_RUN_ID'];
  if (id) return id;
  const base = `wf_${Math.floor(Date.now() / 1000)}_${process.pid}`;
  let candidate = base;
  for (let n = 2; existsSync(join(root, candidate)); n++) candidate = `${base}_${n}`;
  return candidate;
}

export class WorkflowRun {
  readonly runId: string;
  readonly journal: Journal;
  readonly argsJson: string;
  readonly resuming: boolean;
  private readonly codeVersion: string;
  private readonly argsKey: string;
  private readonly fixedTs: string | undefined;
  private readonly started = Date.now();
  private seq = 0;
  private phase: { seq: number; label: string; started: number } | undefined;
  private readonly stepCounts = new Map<string, number>();
  private readonly occurrences = new Map<string, number>();
  private readonly memos = new Map<string, Value>();
  readonly state = new Map<string, Value>();
  /** The step whose tool calls are being journaled. */
  currentStep: string | undefined;
  private spentUsd = 0;
  private spentTokens = 0;
  /** Sticky: once a cap is passed, no further step launches. */
  overBudget = false;

  constructor(
    readonly workflow: string,
    readonly budget: Budget,
  ) {
    const root = process.env['SEMA_WORKFLOW_RUN_DIR'] || DEFAULT_RUNS_ROOT;
    this.runId = resolveRunId(root);
    this.resuming = process.env['SEMA_WORKFLOW_RESUME'] === '1';
    this.journal = new Journal(root, this.runId, this.resuming ? Journal.nextResumeSegment(root, this.runId) : 'events.jsonl');
    this.argsJson = process.env['SEMA_WORKFLOW_ARGS_JSON'] ?? '';
    this.argsKey = argsFingerprint(this.argsJson);
    this.codeVersion = process.env['SEMA_WORKFLOW_CODE_VERSION'] ?? '';
    this.fixedTs = process.env['SEMA_WORKFLOW_FIXED_TS'];
    if (this.resuming) {
      for (const [key, text] of Journal.loadMemos(root, this.runId)) {
        try {
          this.memos.set(key, parseJson(text));
        } catch {
          // A corrupt memo re-runs its leaf.
        }
      }
    }
  }

  get deterministic(): boolean {
    return this.fixedTs !== undefined;
  }

  /** Journals `ev` with the next sequence number; returns that number. */
  emit(ev: WorkflowEvent): number {
    const seq = this.seq++;
    this.journal.appendLine(eventLine(ev, seq, this.fixedTs ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')));
    return seq;
  }

  /** Milliseconds since `from` (since the run started by default); 0 under the fixed-ts seam. */
  elapsed(from = this.started): number {
    return this.fixedTs !== undefined ? 0 : Date.now() - from;
  }

  openPhase(label: string): void {
    const seq = this.emit({ event: 'phase.started', phase: label });
    this.phase = { seq, label, started: Date.now() };
  }

  /** Ends the open phase, if any, with `status`. */
  closePhase(status: string): void {
    const p = this.phase;
    if (p === undefined) return;
    this.phase = undefined;
    this.emit({ event: 'phase.ended', phase: p.label, status, dur_ms: this.elapsed(p.started) });
  }

  get phaseSeq(): number | undefined {
    return this.phase?.seq;
  }

  get phaseLabel(): string {
    return this.phase?.label ?? '';
  }

  /** `<name>_<n>`, n counting from 1 per role name. */
  nextStepId(name: string): string {
    const n = (this.stepCounts.get(name) ?? 0) + 1;
    this.stepCounts.set(name, n);
    return `${name}_${n}`;
  }

  private withOccurrence(base: string): string {
    const n = this.occurrences.get(base) ?? 0;
    this.occurrences.set(base, n + 1);
    return `${base}_${n}`;
  }

  stepKey(prompt: string, schema: string, name: string): string {
    return this.withOccurrence(hashFields(['agent', this.codeVersion, this.argsKey, this.phaseLabel, name, prompt, schema]));
  }

  checkpointKey(key: string): string {
    return this.withOccurrence(hashFields(['checkpoint', this.codeVersion, this.argsKey, this.phaseLabel, key]));
  }

  memo(key: string): Value | undefined {
    return this.resuming ? this.memos.get(key) : undefined;
  }

  /** Saves a leaf's value for resume, but only when JSON gives back an equal value. */
  remember(key: string, v: Value): void {
    const text = lossyJson(v);
    let back: Value;
    try {
      back = parseJson(text);
    } catch {
      return;
    }
    if (!valuesEqual(back, v)) return;
    this.journal.writeMemo(key, text);
    this.memos.set(key, v);
  }

  /** md5 of the value's JSON, for the checkpoint event. */
  digest(v: Value): string {
    return createHash('md5').update(lossyJson(v)).digest('hex');
  }

  /** Adds a step's spend; latches `overBudget` once either cap is passed. */
  charge(costUsd: number | undefined, tokens: number): void {
    this.spentUsd += costUsd ?? 0;
    this.spentTokens += tokens;
    const { usd, tokens: cap } = this.budget;
    if ((usd !== undefined && this.spentUsd > usd) || (cap !== undefined && this.spentTokens > cap)) this.overBudget = true;
  }
}
