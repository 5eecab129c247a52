// Every stdlib module the interpreter installs at start-up.

import type { StdlibModule } from './registry';

export const allModules: StdlibModule[] = [];
