// Every stdlib module the interpreter installs at start-up.

import type { StdlibModule } from './registry';
import { stringsModule } from './strings';

export const allModules: StdlibModule[] = [stringsModule];
