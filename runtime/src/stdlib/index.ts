// Every stdlib module the interpreter installs at start-up.

import type { StdlibModule } from './registry';
import { stringsModule } from './strings';
import { ioModule } from './io';
import { fileIoModule } from './file-io';
import { jsonModule } from './json';
import { regexModule } from './regex';
import { datetimeModule } from './datetime';
import { systemModule } from './system';
import { bytevectorsModule } from './bytevectors';
import { textModule } from './text';
import { httpModule } from './http';

export const allModules: StdlibModule[] = [stringsModule, ioModule, fileIoModule, jsonModule, regexModule, datetimeModule, systemModule, bytevectorsModule, textModule, httpModule];
