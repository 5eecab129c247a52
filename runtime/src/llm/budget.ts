// Spending limits: a cost budget (USD) and/or a token budget, session-wide
// (`llm/set-budget`) or scoped (`llm/with-budget`, restored afterwards). Plain calls
// are refused once the budget is spent, and the call that crosses it fails after the
// fact; streams count towards the budget but are only gated (at open) with
// `:on-stream :pre-gate`, since their cost is known only when they end.

import { SemaError } from '../eval/errors';

interface BudgetState {
  costLimit: number | undefined;
  costSpent: number;
  tokenLimit: number | undefined;
  tokensSpent: number;
  preGateStreams: boolean;
}

const fresh = (): BudgetState => ({
  costLimit: undefined,
  costSpent: 0,
  tokenLimit: undefined,
  tokensSpent: 0,
  preGateStreams: false,
});

class Budget {
  state: BudgetState = fresh();
  private readonly stack: BudgetState[] = [];
  private warnedUnpriced = false;

  get active(): boolean {
    return this.state.costLimit !== undefined || this.state.tokenLimit !== undefined;
  }

  setCost(limit: number): void {
    this.state.costLimit = limit;
    this.state.costSpent = 0;
  }

  clear(): void {
    this.state = fresh();
  }

  /** Runs `body` under its own limits; the previous budget comes back afterwards. */
  scoped<T>(limits: { cost?: number; tokens?: number; preGateStreams: boolean }, body: () => T): T {
    this.stack.push(this.state);
    this.state = { ...fresh(), costLimit: limits.cost, tokenLimit: limits.tokens, preGateStreams: limits.preGateStreams };
    try {
      return body();
    } finally {
      this.state = this.stack.pop() ?? fresh();
    }
  }

  /** Refuses to start a call once the budget is used up. */
  beforeCall(fn: string, streaming: boolean): void {
    const s = this.state;
    if (streaming && !s.preGateStreams) return;
    const at = streaming ? ' (stream not opened)' : '';
    if (s.costLimit !== undefined && s.costSpent >= s.costLimit) {
      throw budgetError(`${fn}: budget exceeded: $${s.costSpent.toFixed(4)} of $${s.costLimit.toFixed(4)} limit already spent${at}`);
    }
    if (s.tokenLimit !== undefined && s.tokensSpent >= s.tokenLimit) {
      throw budgetError(`${fn}: token budget exceeded: ${s.tokensSpent} of ${s.tokenLimit} tokens already used${at}`);
    }
  }

  /** Counts a finished call; a plain call that went over the limit fails. */
  afterCall(fn: string, model: string, tokens: number, cost: number | undefined, streaming: boolean, warn: (text: string) => void): void {
    const s = this.state;
    s.tokensSpent += tokens;
    if (cost !== undefined) s.costSpent += cost;
    else if (s.costLimit !== undefined && !this.warnedUnpriced) {
      this.warnedUnpriced = true;
      warn(`Warning: pricing unknown for model '${model}'; budget enforcement is best-effort (see llm/set-pricing)\n`);
    }
    if (streaming) return;
    if (s.tokenLimit !== undefined && s.tokensSpent > s.tokenLimit) {
      throw budgetError(`${fn}: token budget exceeded: used ${s.tokensSpent} of ${s.tokenLimit} tokens`);
    }
    if (s.costLimit !== undefined && s.costSpent > s.costLimit) {
      throw budgetError(`${fn}: budget exceeded: spent $${s.costSpent.toFixed(4)} of $${s.costLimit.toFixed(4)} limit`);
    }
  }

  reset(): void {
    this.state = fresh();
    this.stack.length = 0;
    this.warnedUnpriced = false;
  }
}

function budgetError(message: string): SemaError {
  return new SemaError(message, 'llm/budget');
}

export const budget = new Budget();
