// The Sema-specific part of the protocol between the language server and its clients:
// evaluation requests, streamed output, trust and the code-lens command. Clients import
// this file; it depends on nothing but vscode-languageserver-protocol.

import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/** `initializationOptions` the server understands. Every field is optional. */
export interface SemaInitializationOptions {
  /**
   * Whether the workspace is trusted. `false` disables evaluation; absent means trusted,
   * so editors that say nothing (Neovim, Helix, Emacs) can evaluate.
   */
  trusted?: boolean;
  /** Time limit for one evaluation in milliseconds (default 30 000). */
  evalTimeoutMs?: number;
  /** Most diagnostics published per document (default 1000). */
  maxProblems?: number;
}

export interface EvaluateParams {
  textDocument: TextDocumentIdentifier;
  /** Evaluate exactly the text in this range (all its forms; the last value is returned). */
  range?: Range;
  /** Otherwise evaluate the top-level form at (or just before) this position. */
  position?: Position;
  /**
   * With `position`: evaluate the innermost form there instead (the list, vector, map or
   * atom under the cursor, or the one the cursor is just after), like Calva's "current form".
   */
  innermost?: boolean;
  /**
   * Chosen by the client and echoed in every `sema/evalOutput` notification of this
   * evaluation, so output can be matched to its request.
   */
  evalId?: string;
}

export interface EvaluateError {
  /** The message without location, as the CLI would print it after `file:line:col: `. */
  message: string;
  /** Where the error happened, when known (in the evaluated document). */
  range?: Range;
}

export interface EvaluateResult {
  /** False on error, cancellation, time-out or when evaluation is refused. */
  ok: boolean;
  /** The last value in write form (`"hi"`, `3.0`, `#t`, `(1 2)`, `{:a 1}`), or null. */
  value: string | null;
  /** Everything the code printed (also streamed as `sema/evalOutput` while it ran). */
  stdout: string;
  stderr: string;
  error: EvaluateError | null;
  elapsedMs: number;
  /** The range that was evaluated, for showing the result inline after it. */
  range: Range;
  /** Why it did not run to completion, when it did not. */
  status: 'ok' | 'error' | 'cancelled' | 'timeout' | 'untrusted' | 'crashed';
  /** True when the session was restarted (after a kill), losing earlier definitions. */
  sessionReset?: boolean;
}

/** Evaluates a range or the top-level form at a position in the workspace session. */
export const EvaluateRequest = new RequestType<EvaluateParams, EvaluateResult, void>('sema/evaluate');

export interface EvalOutputParams {
  /** The `evalId` of the request, or '' when the client gave none. */
  evalId: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Output printed while an evaluation runs (including `llm/stream` chunks), as it arrives. */
export const EvalOutputNotification = new NotificationType<EvalOutputParams>('sema/evalOutput');

export interface ResetSessionParams {
  /** Any document of the workspace whose session should be reset; all sessions if absent. */
  textDocument?: TextDocumentIdentifier;
}

/** Discards a workspace's session (its definitions). */
export const ResetSessionRequest = new RequestType<ResetSessionParams, null, void>('sema/resetSession');

export interface SetTrustParams {
  trusted: boolean;
}

/** Sent by the client when workspace trust changes. */
export const SetTrustNotification = new NotificationType<SetTrustParams>('sema/setTrust');

/**
 * The command of the "▶ Run" code lens. Its single argument is an `EvaluateParams` with
 * `position` set; the client runs it by sending `sema/evaluate`.
 */
export const RUN_FORM_COMMAND = 'sema.runTopLevelForm';

/** What the server advertises under `capabilities.experimental.sema`. */
export interface SemaExperimentalCapabilities {
  evaluate: {
    request: typeof EvaluateRequest.method;
    output: typeof EvalOutputNotification.method;
    reset: typeof ResetSessionRequest.method;
    trust: typeof SetTrustNotification.method;
    runFormCommand: typeof RUN_FORM_COMMAND;
  };
}

export const semaExperimentalCapabilities: SemaExperimentalCapabilities = {
  evaluate: {
    request: 'sema/evaluate',
    output: 'sema/evalOutput',
    reset: 'sema/resetSession',
    trust: 'sema/setTrust',
    runFormCommand: RUN_FORM_COMMAND,
  },
};
