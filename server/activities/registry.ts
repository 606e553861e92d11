import type { ActivityKindName } from '@/lib/activities/registry';
import { activityKinds } from '@/lib/activities/registry';
import { closingServer } from './closing';
import type { ServerActivityModule } from './contract';
import { findingsServer } from './findings';
import { plenaryServer } from './plenary';
import { qsortServer } from './qsort';
import { questionServer } from './question';
import { reflectionServer } from './reflection';
import { supervisionServer } from './supervision';

/**
 * The server half of every kind registered in lib/activities/registry.ts. Typed by every kind
 * name, so a kind registered there does not compile until its server part is listed here.
 */
const serverModules: { [K in ActivityKindName]: ServerActivityModule<K> } = {
  findings: findingsServer,
  reflection: reflectionServer,
  plenary: plenaryServer,
  closing: closingServer,
  qsort: qsortServer,
  supervision: supervisionServer,
  question: questionServer,
};

/** The server half of a kind, typed for calls with any activity of it (the pairing is by kind). */
export const serverModuleOf = (kind: ActivityKindName): ServerActivityModule => serverModules[kind] as unknown as ServerActivityModule;

/** The server halves in registry order (the order `keep` runs in: a plenary quotes the boards kept before it). */
export const serverActivityModules: readonly ServerActivityModule[] = activityKinds.map(serverModuleOf);
