// Every stdlib module the interpreter installs at start-up.

import { llmModule } from '../llm';
import type { StdlibModule } from './registry';

export const allModules: StdlibModule[] = [llmModule];
