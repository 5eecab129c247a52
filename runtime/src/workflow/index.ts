// The workflow runtime (llm/workflows.md): journaled, resumable multi-phase runs.

import type { StdlibModule } from '../stdlib/registry';
import { checkBuiltins } from './check-builtins';
import { fanoutBuiltins } from './fanout';
import { runBuiltins } from './run-builtins';

export { installWorkflowMacros } from './macros';

export const workflowModule: StdlibModule = { name: 'workflow', builtins: [...runBuiltins, ...fanoutBuiltins, ...checkBuiltins] };
