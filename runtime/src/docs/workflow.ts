// Catalogue entries for the workflow runtime (llm/workflows.md): the DSL macros and the
// builtins behind them.

import type { BuiltinDoc } from './types';
import { fnDoc } from './entry';

const f = (sig: string | string[], summary: string, examples: string[]): BuiltinDoc => fnDoc('workflow', sig, summary, examples);

const macro = (name: string, signatures: string[], params: string[], summary: string, examples: string[]): BuiltinDoc => ({
  name,
  kind: 'macro',
  module: 'workflow',
  signatures,
  params,
  summary,
  examples,
});

export const workflowDocs: BuiltinDoc[] = [
  macro('defworkflow', ['(defworkflow name "doc" meta body ...)'], ['name', 'doc', 'meta', 'body'],
    'Defines and runs a journaled workflow: the form **is** the run. Expands to `workflow/run`, which writes `.sema/runs/<run-id>/` and returns a `{:status ...}` envelope: the body\'s last value when it is a map with `:status`, else `{:status :success :value v}`; `{:status :failed :error msg}` when the body fails; `{:status :failed :reason "budget exceeded"}` when a cap was passed. `meta` keys: `:phases` (the plan), `:budget` `{:tokens N :usd M}`, `:permissions` (a `--sandbox` string, applied by `sema workflow run`), `:args` (informational).', [
      '(defworkflow audit "Audit the repo." {:phases ["Scan"] :budget {:tokens 5000}}\n  (phase "Scan")\n  (define files (checkpoint :files (list "a.php" "b.php")))\n  {:status :success :count (count files)})\n; => {:count 2 :status :success}',
    ]),
  macro('phase', ['(phase "label")'], ['label'],
    'A marker, not a wrapper: ends the open phase (`phase.ended`) and opens `label`; the steps and checkpoints after it belong to it until the next `phase` or the end of the run. Takes exactly one argument; returns nil.', [
      '(phase "Inventory")\n(checkpoint :files (list "a.php"))\n(phase "Audit")',
    ]),
  macro('step', ['(step prompt)', '(step prompt opts)'], ['prompt', 'opts'],
    'A journaled model call, the workflow\'s unit of work: `llm/complete` on the prompt; with `:schema` typed data via `llm/extract` (`:sema-form` reads the answer as Sema forms); with `:tools` the tool loop, each tool call journaled; with `:agent` a defagent runs it (its own tools and model). `:name` labels it in the journal (default `"step"`). On `--resume` a step whose inputs are unchanged returns its memoized value without calling the model; once a budget cap is passed further steps return nil without running. Outside a workflow it just calls the model.', [
      '(step "Summarize the changelog.")',
      '(step "List auth-relevant files." {:name "scout" :schema [:list :string]})',
    ]),
  macro('checkpoint', ['(checkpoint key value)', '(checkpoint key)'], ['key', 'value'],
    'With a value: stores it under the keyword or string `key`, journals a `checkpoint` event and returns it (on `--resume` the stored value comes back without evaluating `value`). With only a key: the value stored earlier in this run, or nil. Only inside a workflow.', [
      '(checkpoint :files (list "a.php" "b.php"))',
      '(count (checkpoint :files))',
    ]),
  f('(workflow/run name doc meta thunk)',
    'Runs `thunk` as a workflow named `name` (what `defworkflow` expands to): opens the run directory, journals `run.started` ... `run.ended`, writes `metadata.json` and `result.json`, and returns the `{:status ...}` envelope. Settings come from the environment `sema workflow run` sets: SEMA_WORKFLOW_RUN_DIR (default `.sema/runs`), SEMA_WORKFLOW_RUN_ID, SEMA_WORKFLOW_RESUME, SEMA_WORKFLOW_ARGS_JSON, SEMA_WORKFLOW_CODE_VERSION, and SEMA_WORKFLOW_FIXED_TS (fixed timestamps for tests).', [
      '(workflow/run "w" "doc" {} (fn () 42))  ; => {:status :success :value 42}',
    ]),
  f('(workflow/phase label)', 'The function behind `phase`: ends the open phase and opens the string `label`. Fails outside a workflow.', ['(workflow/phase "Audit")']),
  f('(workflow/step opts thunk)',
    'The function behind `step`: runs `thunk` as a journaled step (`agent.started`, `agent.result`, and a `budget` event when it called a model). `opts` is a map with `:name` (or a bare keyword/string label); `:prompt` (or the `:__prompt` the macro adds) goes into the resume key. Returns the memoized value on resume, nil once over budget, and just calls `thunk` outside a workflow.', [
      '(workflow/step {:name "fetch" :prompt "a"} (fn () (http/get url)))',
    ]),
  f('(workflow/tool-call tool [args])', 'Journals a tool call (`agent.tool_call`) by the running step; `args` is a string or a value (rendered), absent means "gated". Does nothing outside a step; returns nil.', [
    '(workflow/tool-call "read-file" {:path "a.txt"})  ; => nil',
  ]),
  f(['(workflow/checkpoint key thunk)', '(workflow/checkpoint key)'], 'The function behind `checkpoint`: stores and returns `(thunk)`, or reads the stored value back.', [
    '(workflow/checkpoint :files (fn () (list "a")))',
  ]),
  f('(workflow/check source)',
    'Checks workflow source text (or a quoted form) without evaluating it, the same checks as `sema workflow check`: a list of `{:severity :code :message :line :col :hint}` maps, empty when clean.', [
      '(map (fn (d) (:code d)) (workflow/check "(defworkflow d \\"d\\" {} (phase \\"P\\" 1) {:status :ok})"))  ; => ("E-PHASE-ARITY")',
    ]),
  f(['(parallel thunks)', '(parallel thunks n)'],
    'Calls each zero-argument function of `thunks` and returns their results in input order, waiting for all of them (a barrier); a thunk that fails gives nil in its slot and the others still run. Here the thunks run one after another, in order (model calls block this evaluator), so `n`, the concurrency cap, must be a positive integer but changes nothing.', [
      '(parallel (list (fn () 1) (fn () (error "x")) (fn () 3)))  ; => (1 nil 3)',
    ]),
  f('(pipeline items stage ...)',
    'Passes each item through every stage function in turn; a stage that fails drops that item to nil and skips its remaining stages. Results line up with `items`. Items are processed one after another here.', [
      '(pipeline (list 1 2 3) (fn (x) (* x 10)) (fn (x) (if (= x 20) (error "no") (+ x 1))))  ; => (11 nil 31)',
    ]),
];
