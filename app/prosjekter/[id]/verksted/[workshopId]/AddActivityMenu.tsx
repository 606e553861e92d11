'use client';

import { ChevronDownIcon, PlusIcon } from '@navikt/aksel-icons';
import { ActionMenu, Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { ActivityKind as Kind, BlockedReason } from '@/components/activities/contract';
import { activityUi, uiKinds } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';

/** Why a kind cannot be added now, as a message key; absent or null when it can. */
export type BlockedKinds = Partial<Record<Kind, BlockedReason | null>>;

/**
 * "Legg til aktivitet": one entry per registered kind, in registry order; each kind says
 * itself why it cannot be added now (no findings, no set whose grid fits, …).
 */
export function AddActivityMenu({ blocked, disabled, onAdd }: { blocked: BlockedKinds; disabled: boolean; onAdd: (kind: Kind) => void }) {
  const t = useTranslations('workshop');
  const kindText = useKindText();
  return (
    <ActionMenu>
      <ActionMenu.Trigger>
        <Button variant="secondary" icon={<PlusIcon aria-hidden />} disabled={disabled}>
          <span className="inline-flex items-center gap-1">
            {t('addActivity')}
            <ChevronDownIcon aria-hidden />
          </span>
        </Button>
      </ActionMenu.Trigger>
      <ActionMenu.Content>
        {uiKinds.map((kind) => {
          const Icon = activityUi[kind].icon;
          const why = blocked[kind] ?? null;
          return (
            <ActionMenu.Item key={kind} icon={<Icon aria-hidden />} disabled={why !== null} onSelect={() => onAdd(kind)}>
              <span className="flex flex-col">
                <span className="font-semibold">{kindText.label(kind)}</span>
                <span className="text-ax-text-neutral-subtle text-sm">{why ? t(why) : kindText.help(kind)}</span>
              </span>
            </ActionMenu.Item>
          );
        })}
      </ActionMenu.Content>
    </ActionMenu>
  );
}
