import { activityKinds } from '@/lib/activities/registry';
import { closingUi } from './closing';
import type { ActivityKind, ActivityUi, ActivityUiRegistry } from './contract';
import { findingsUi } from './findings';
import { plenaryUi } from './plenary';
import { qsortUi } from './qsort';
import { questionUi } from './question';
import { reflectionUi } from './reflection';
import { supervisionUi } from './supervision';

/**
 * Every activity kind's UI module. Typed by the contract: a kind left out here, or a part
 * left out of a module, does not compile; `registry.test.ts` checks the rest (parts present at
 * run time, message files in every locale).
 */
export const activityUi: ActivityUiRegistry = {
  findings: findingsUi,
  reflection: reflectionUi,
  plenary: plenaryUi,
  closing: closingUi,
  qsort: qsortUi,
  supervision: supervisionUi,
  question: questionUi,
};

/** The kinds in the order the editor offers them (an utviklingsverksted's usual order). */
export const uiKinds: readonly ActivityKind[] = activityKinds;

/**
 * One kind's module. Shells call it with the current activity's kind; with a union kind the
 * parts take the union's props, so `<ui.Participant activity={activity} />` checks.
 */
export const uiOf = <K extends ActivityKind>(kind: K): ActivityUi<K> => activityUi[kind] as ActivityUi<K>;

// The message files are listed apart from the UI (./message-files), for the server's i18n.
export { activityMessageFiles } from './message-files';
