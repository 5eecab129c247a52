// The builtin catalogue: every builtin function, special form and macro with its docs.
// Each module's entries live in their own file; this index only collects them.

import type { BuiltinDoc } from './types';
import { coreDocs } from './core';
import { listDocs } from './lists';
import { mapDocs } from './maps';
import { mathDocs } from './math';
import { predicateDocs, vectorDocs } from './predicates';
import { stringDocs } from './strings';
import { charDocs } from './chars';
import { ioDocs } from './io';
import { jsonDocs, regexDocs, bytevectorDocs, httpDocs } from './data-formats';
import { datetimeDocs, systemDocs } from './system';
import { textDocs } from './text';
import { specialFormDocs } from './special-forms';
import { llmDocs } from './llm';
import { constantDocs } from './constants';
import { debuggingDocs } from './debugging';
import { streamDocs } from './streams';
import { contextDocs } from './context';
import { typedArrayDocs } from './typed-arrays';
import { cryptoDocs } from './crypto';
import { terminalDocs } from './terminal';
import { csvDocs, tomlDocs, reflectDocs } from './formats';
import { kvDocs } from './kv-store';
import { diffDocs } from './diff';
import { markupDocs } from './markup';
import { otelDocs } from './otel';
import { secretDocs } from './secret';
import { archiveDocs } from './archive';
import { gitDocs } from './git';
import { processDocs, ptyDocs } from './process';
import { workflowDocs } from './workflow';
import { webServerDocs } from './web-server';

import { asyncDocs, channelDocs, eventDocs } from './concurrency';

export type { BuiltinDoc, OptionDoc, EntryKind } from './types';

const modules: (readonly BuiltinDoc[])[] = [coreDocs, mathDocs, listDocs, vectorDocs, mapDocs, predicateDocs, stringDocs, charDocs, ioDocs, jsonDocs, regexDocs, bytevectorDocs, datetimeDocs, systemDocs, textDocs, httpDocs, streamDocs, contextDocs, debuggingDocs, typedArrayDocs, cryptoDocs, terminalDocs, csvDocs, tomlDocs, reflectDocs, kvDocs, diffDocs, secretDocs, archiveDocs, gitDocs, processDocs, ptyDocs, llmDocs, specialFormDocs, constantDocs, asyncDocs, channelDocs, eventDocs, workflowDocs, webServerDocs, markupDocs, otelDocs];

let byName: Map<string, BuiltinDoc> | undefined;

/** Every catalogue entry (aliases are separate names pointing at the same entry). */
export function catalogue(): readonly BuiltinDoc[] {
  return modules.flat();
}

/** The entry for `name` (an alias finds its main entry). */
export function lookupDoc(name: string): BuiltinDoc | undefined {
  if (byName === undefined) {
    byName = new Map();
    for (const doc of catalogue()) {
      byName.set(doc.name, doc);
      for (const alias of doc.aliases ?? []) if (!byName.has(alias)) byName.set(alias, doc);
    }
  }
  return byName.get(name);
}
