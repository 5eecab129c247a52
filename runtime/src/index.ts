// Public API of the Sema runtime.

export { Interpreter, type InterpreterOptions } from './eval/interpreter';
export { SemaError, UserThrow } from './eval/errors';
export { formatError, describeError, errorPosition, type ErrorPosition } from './eval/format-error';
export { read, parse, printValue, displayValue, formatFloat, LineIndex } from './reader';
export type { ReadResult } from './reader';
export * from './eval/values';
export { valuesEqual, compareValues, mapKey, mapFromPairs, mapGet, mapAssoc } from './eval/equality';
export { flushTelemetry } from './otel/telemetry';
