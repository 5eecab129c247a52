// Messages between the eval host (in the server), its child process and the evaluation
// thread inside that process.

export interface EvalMessage {
  readonly type: 'eval';
  readonly id: number;
  readonly code: string;
  /** Path of the file the code comes from (relative imports resolve against it). */
  readonly file?: string;
}

/** Asks the running evaluation to stop; the session (its definitions) survives. */
export interface InterruptMessage {
  readonly type: 'interrupt';
}

export interface OutputMessage {
  readonly type: 'output';
  readonly id: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface WorkerError {
  readonly message: string;
  /** Offsets into the evaluated code, when the error happened in it. */
  readonly start?: number;
  readonly end?: number;
}

export interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly ok: boolean;
  readonly value: string | null;
  readonly error: WorkerError | null;
  readonly elapsedMs: number;
  /** The evaluation stopped because it was interrupted. */
  readonly interrupted?: boolean;
}

export type ToWorker = EvalMessage | InterruptMessage;
export type FromWorker = OutputMessage | ResultMessage | { readonly type: 'ready' };
