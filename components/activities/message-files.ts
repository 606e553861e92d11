import { activityKinds } from '@/lib/activities/registry';
import { messages as closing } from './closing/messages';
import type { ActivityKind, ActivityMessages } from './contract';
import { messages as findings } from './findings/messages';
import { messages as plenary } from './plenary/messages';
import { messages as qsort } from './qsort/messages';
import { messages as question } from './question/messages';
import { messages as reflection } from './reflection/messages';
import { messages as supervision } from './supervision/messages';

/**
 * Each kind's message file, apart from its UI: the server's i18n (`i18n/catalogue.ts`, loaded
 * for every page) reads this list. Were it to import `./registry`, every kind's client parts
 * would become client references of every page, and a phone would download all of them.
 */
export const activityMessages: { readonly [K in ActivityKind]: ActivityMessages } = { findings, reflection, plenary, closing, qsort, supervision, question };

/** The kinds' own message files (`messages/<locale>.<file>.json`), in registry order. */
export const activityMessageFiles: readonly string[] = activityKinds.map((kind) => activityMessages[kind].file);
