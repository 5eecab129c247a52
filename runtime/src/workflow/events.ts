// The journal's event vocabulary (llm/workflows.md "Event vocabulary"). Each event is one
// JSON object per line; fields appear in a fixed order (`event`, `seq`, `ts`, then the
// payload) and optional fields are left out when empty, so journals diff cleanly.

export type WorkflowEvent =
  | { event: 'run.started'; workflow: string; run_id: string; code_version?: string; args_json?: string; phases?: string[] }
  | { event: 'phase.started'; phase: string }
  | { event: 'phase.ended'; phase: string; status: string; dur_ms: number }
  | { event: 'agent.started'; agent_id: string; agent_name: string; model?: string; prompt?: string }
  | { event: 'agent.result'; agent_id: string; status: string; output: string; dur_ms: number; model?: string }
  | { event: 'agent.tool_call'; agent_id: string; tool_name: string; args_json?: string }
  | { event: 'checkpoint'; phase_seq?: number; key: string; content_key?: string; value_digest: string; value?: string }
  | {
      event: 'budget';
      agent_id?: string;
      phase_seq?: number;
      input_tokens: number;
      output_tokens: number;
      cost_usd?: number;
      budget_limit?: number;
    }
  | { event: 'run.ended'; status: string; reason?: string; dur_ms: number };

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** One journal line (without the newline): `event`, `seq`, `ts`, then the payload in order. */
export function eventLine(ev: WorkflowEvent, seq: number, ts: string): string {
  const { event, ...payload } = ev;
  const out: Record<string, unknown> = { event, seq, ts };
  for (const [k, v] of Object.entries(payload)) if (!isEmpty(v)) out[k] = v;
  return JSON.stringify(out);
}
