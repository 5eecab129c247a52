// Turns HTTP statuses and transport failures into one short, human sentence with a
// category. Users never see a raw JSON body or a JS stack: only the API's own
// `error.message` text (when it has one) is quoted.

import { ProviderError, type LlmErrorCategory, type LlmFailure } from './provider';

/** Pulls the human message out of an error body such as `{"error":{"message":...}}`. */
export function apiMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) {
      try {
        return apiMessage(JSON.parse(trimmed));
      } catch {
        return undefined;
      }
    }
    return trimmed.length > 0 && trimmed.length <= 200 && !trimmed.startsWith('<') ? trimmed : undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const rec = body as Record<string, unknown>;
  if (typeof rec['message'] === 'string') return rec['message'];
  if (rec['error'] !== undefined) return apiMessage(rec['error']);
  return undefined;
}

/** Failure for an HTTP error status; `detail` is the API's own message if any. */
export function httpFailure(provider: string, status: number, detail: string | undefined): LlmFailure {
  const said = detail ? `: ${detail}` : '';
  let category: LlmErrorCategory;
  let text: string;
  if (status === 401) {
    category = 'auth';
    text = `${provider} rejected the API key (HTTP 401)${said}`;
  } else if (status === 403) {
    category = 'auth';
    text = `${provider} denied access with this API key (HTTP 403)${said}`;
  } else if (status === 429) {
    category = 'rate-limit';
    text = `${provider} rate limit reached (HTTP 429), still failing after retries${said}`;
  } else if (status === 529) {
    category = 'overloaded';
    text = `${provider} is overloaded (HTTP 529), still failing after retries${said}`;
  } else if (status >= 500) {
    category = 'server';
    text = `${provider} server error (HTTP ${status})${said}`;
  } else if (status === 400 && detail !== undefined && /temperature/i.test(detail)) {
    category = 'unsupported-option';
    text =
      `${provider} refused :temperature for this model${said}. ` +
      'Remove :temperature from the options (this model/API version does not accept it)';
  } else {
    category = 'invalid-request';
    text = `${provider} rejected the request (HTTP ${status})${said}`;
  }
  return { category, message: text, status };
}

export function failure(category: LlmErrorCategory, message: string): ProviderError {
  return new ProviderError({ category, message });
}

/** Message for a connection-level problem (refused, reset, DNS, ...). */
export function networkFailure(provider: string, baseUrl: string | undefined, err: unknown): LlmFailure {
  const cause = describeCause(err);
  const where = baseUrl ? ` at ${baseUrl}` : '';
  return { category: 'network', message: `could not reach ${provider}${where}${cause ? ` (${cause})` : ''}` };
}

/** The system error code (ECONNREFUSED, ...) deepest in the cause chain, else its last message. */
function describeCause(err: unknown): string | undefined {
  let e: unknown = err;
  let innermost: string | undefined;
  for (let depth = 0; depth < 5 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR')) return code;
    innermost = e.message;
    e = (e as { cause?: unknown }).cause;
  }
  return innermost && !/^(fetch failed|connection error\.?)$/i.test(innermost) ? innermost : undefined;
}

/**
 * Aborts `controller` when `touch()` has not been called for `ms`. The SDK's own timeout
 * stops at the response headers, so a server that stalls mid-stream needs this watchdog.
 */
export class IdleWatchdog {
  private timer: NodeJS.Timeout | undefined;
  fired = false;
  constructor(
    private readonly ms: number,
    private readonly controller: AbortController,
  ) {
    this.touch();
  }
  touch(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.ms);
  }
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export function idleFailure(provider: string, ms: number, streamed: boolean): LlmFailure {
  const what = streamed ? 'stopped sending in the middle of the stream' : 'sent nothing';
  return { category: 'timeout', message: `${provider} ${what} for ${ms / 1000}s; gave up (idle timeout)` };
}

export const cancelledFailure: LlmFailure = { category: 'cancelled', message: 'LLM request cancelled' };

/** Links a caller's signal to a fresh controller (the watchdog aborts the latter too). */
export function linkedController(signal: AbortSignal): AbortController {
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', () => controller.abort(), { once: true });
  return controller;
}
