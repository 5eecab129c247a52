// Every stdlib module the interpreter installs at start-up.

import { llmModule } from '../llm';
import { workflowModule } from '../workflow';
import type { StdlibModule } from './registry';
import { arithmeticModule } from './arithmetic';
import { bitwiseModule } from './bitwise';
import { listHigherOrderModule } from './list-higher-order';
import { listStatsModule } from './list-stats';
import { listsModule } from './lists';
import { mapNestedModule } from './map-nested';
import { mapsModule } from './maps';
import { mathModule } from './math';
import { predicatesModule } from './predicates';
import { vectorsModule } from './vectors';
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
import { webModule } from './web-serve';
import { streamsModule } from './streams';
import { contextModule } from './context';
import { debuggingModule } from './debugging';
import { typedArraysModule } from './typed-arrays';
import { cryptoModule } from './crypto';
import { terminalModule } from './terminal';
import { csvModule } from './csv';
import { tomlModule } from './toml';
import { reflectModule } from './reflect';
import { retryModule } from './retry';
import { kvModule } from './kv';
import { diffModule } from './diff';
import { secretModule } from './secret';
import { archiveModule } from './archive';
import { gitModule } from './git';
import { asyncModule } from './async';
import { channelModule } from './channel';
import { eventModule } from './event';
import { procModule } from './proc';
import { ptyModule } from './pty';
import { markupModule } from './markup';
import { otelModule } from './otel';

export const allModules: StdlibModule[] = [
  arithmeticModule,
  mathModule,
  bitwiseModule,
  listsModule,
  listHigherOrderModule,
  listStatsModule,
  vectorsModule,
  mapsModule,
  mapNestedModule,
  predicatesModule,
  stringsModule,
  ioModule,
  fileIoModule,
  jsonModule,
  regexModule,
  datetimeModule,
  systemModule,
  bytevectorsModule,
  textModule,
  httpModule,
  webModule,
  streamsModule,
  contextModule,
  debuggingModule,
  typedArraysModule,
  cryptoModule,
  terminalModule,
  csvModule,
  tomlModule,
  reflectModule,
  retryModule,
  kvModule,
  diffModule,
  secretModule,
  archiveModule,
  gitModule,
  asyncModule,
  channelModule,
  eventModule,
  procModule,
  ptyModule,
  markupModule,
  otelModule,
  llmModule,
  workflowModule,
];
