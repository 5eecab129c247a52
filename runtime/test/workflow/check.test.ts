// The static workflow checker: each documented problem, where it points, and the report.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkSource, declaredPermissions } from '../../src/workflow/check';
import { renderReport, reportStatus } from '../../src/workflow/check-report';

const codes = (src: string): string[] => checkSource(src).map((d) => d.code);

test('a clean workflow has no findings', () => {
  const src = `(defworkflow demo "a demo" {:phases ["Inventory" "Audit"]}
    (phase "Inventory")
    (checkpoint :files (list "a" "b"))
    (phase "Audit")
    {:status :success :n (count (checkpoint :files))})`;
  assert.deepEqual(codes(src), []);
});

test('(phase "x" body) is an arity error at the phase form, with a hint', () => {
  const [d] = checkSource('(defworkflow d "d" {:phases ["P"]}\n  (phase "P" 1)\n  {:status :ok})');
  assert.deepEqual(d, {
    severity: 'error',
    code: 'E-PHASE-ARITY',
    message: 'phase takes exactly 1 argument (its label), got 2',
    line: 2,
    col: 3,
    hint: 'phase is a marker, not a wrapper: write (phase "x") then the body forms as siblings',
  });
});

test('declared and opened phases are compared', () => {
  const c = codes('(defworkflow demo "d" {:phases ["Declared"]} (phase "Opened") {:status :success})');
  assert.deepEqual(c.sort(), ['W-PHASE-UNDECL', 'W-PHASE-UNUSED']);
});

test('a body should end in a status map, unless it ends in control flow', () => {
  assert.deepEqual(codes('(defworkflow d "d" {} (phase "P") (checkpoint :x 1))'), ['W-NO-STATUS']);
  assert.deepEqual(codes('(defworkflow d "d" {} (if #t {:status :success} {:status :failed}))'), []);
});

test('defworkflow shape, checkpoint, step and fan-out checks', () => {
  assert.deepEqual(codes('(defworkflow d "doc")'), ['E-WF-SHAPE']);
  assert.deepEqual(codes('(defworkflow "notsym" 42 [:not :map] {:status :ok})'), ['E-WF-NAME', 'W-WF-DOC', 'E-WF-META']);
  assert.deepEqual(codes('(defworkflow d "d" {} (checkpoint :a 1 2) {:status :ok})'), ['E-CKPT-ARITY']);
  assert.deepEqual(codes('(defworkflow d "d" {} (checkpoint 99 1) {:status :ok})'), ['W-CKPT-KEY']);
  assert.deepEqual(codes('(defworkflow d "d" {} (phase :P) {:status :ok})'), ['W-PHASE-LABEL']);
  assert.deepEqual(codes('(defworkflow d "d" {} (step) {:status :ok})'), ['E-STEP-ARITY']);
  assert.deepEqual(codes('(defworkflow d "d" {} (step "go" {:name 1 :tools "x"}) {:status :ok})'), ['W-STEP-NAME', 'W-STEP-TOOLS']);
  assert.deepEqual(codes('(defworkflow d "d" {} (step "go" {:agent a :tools [t] :model "m"}) {:status :ok})'), ['W-STEP-AGENT-TOOLS', 'W-STEP-AGENT-MODEL']);
  assert.deepEqual(codes('(defworkflow d "d" {} (let ((x (pipeline))) x))'), ['W-FANOUT-ARITY']);
});

test('markers outside a defworkflow are left alone; workflows are found inside other forms', () => {
  assert.deepEqual(codes('(define (phase a b c) (+ a b c)) (phase 1 2 3)'), []);
  assert.deepEqual(codes('(do (defworkflow d "d" {} (phase "a" "b") {:status :ok}))'), ['E-PHASE-ARITY']);
});

test('a syntax error is reported and checking goes on', () => {
  assert.ok(codes('(defworkflow d "x" {} (phase "P")').includes('E-PARSE'));
});

test(':permissions are collected as strings; quoted workflows are skipped', () => {
  assert.deepEqual(declaredPermissions(`'(defworkflow q "d" {:permissions "all"} 1) (defworkflow a "d" {:permissions "no-fs-write"} 1)`), ['no-fs-write']);
  assert.deepEqual(declaredPermissions('(defworkflow a "d" {:permissions [:no-fs-write]} 1)'), { error: 'defworkflow :permissions must be a sandbox string' });
});

test('the report: text with locations and a summary, JSON, and the exit status', () => {
  const diags = checkSource('(defworkflow d "d" {}\n  (phase "P" 1)\n  {:status :ok})');
  const text = renderReport('a.sema', diags, false);
  assert.equal(text, 'a.sema:2:3: error[E-PHASE-ARITY]: phase takes exactly 1 argument (its label), got 2\n  hint: phase is a marker, not a wrapper: write (phase "x") then the body forms as siblings\na.sema: 1 error(s), 0 warning(s)');
  assert.equal(renderReport('a.sema', [], false), 'a.sema: ok — no issues found');
  const json = JSON.parse(renderReport('a.sema', diags, true));
  assert.deepEqual(json, { file: 'a.sema', errors: 1, warnings: 0, diagnostics: [{ severity: 'error', code: 'E-PHASE-ARITY', message: diags[0]!.message, line: 2, col: 3, hint: diags[0]!.hint }] });
  const warning = checkSource('(defworkflow d "d" {} 1)');
  assert.equal(reportStatus([], false), 0);
  assert.equal(reportStatus(diags, false), 1);
  assert.equal(reportStatus(warning, false), 0);
  assert.equal(reportStatus(warning, true), 1);
});
