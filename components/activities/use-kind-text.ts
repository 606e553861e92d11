'use client';

import { useTranslations } from 'next-intl';
import type { ActivityKind } from './contract';
import { activityUi } from './registry';

/** A kind's name and one-line help, from the kind's own message namespace. */
export function useKindText() {
  const t = useTranslations();
  return {
    /** "Plenum": on the agenda cards, the console and the screen. */
    label: (kind: ActivityKind): string => t(`${activityUi[kind].messages.namespace}.kind` as const),
    /** What the kind does in a line, in the add menu. */
    help: (kind: ActivityKind): string => t(`${activityUi[kind].messages.namespace}.kindHelp` as const),
  };
}
