'use client';

import { ChevronDownIcon, PlusIcon } from '@navikt/aksel-icons';
import { ActionMenu, Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { agendaKinds, type ActivityInput } from '@/lib/workshop/agenda';
import { kindIcons } from '../activity-kinds';

type Kind = ActivityInput['kind'];
/** Why a kind cannot be added now, as a message key; absent or null when it can. */
export type BlockedKinds = Partial<Record<Kind, 'noFindingsToAdd' | 'noSetsToAdd' | 'noTemplatesToAdd' | 'onePerAgenda' | null>>;

/**
 * "Legg til aktivitet": one entry per kind; a findings round needs findings in the project, a
 * Q-sort a statement set whose grid fits, a kollegaveiledning a template, and an agenda holds
 * at most one Q-sort and one kollegaveiledning.
 */
export function AddActivityMenu({ blocked, disabled, onAdd }: { blocked: BlockedKinds; disabled: boolean; onAdd: (kind: Kind) => void }) {
  const t = useTranslations('workshop');
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
        {agendaKinds.map((kind) => {
          const Icon = kindIcons[kind];
          const why = blocked[kind] ?? null;
          return (
            <ActionMenu.Item key={kind} icon={<Icon aria-hidden />} disabled={why !== null} onSelect={() => onAdd(kind)}>
              <span className="flex flex-col">
                <span className="font-semibold">{t(`kind.${kind}`)}</span>
                <span className="text-ax-text-neutral-subtle text-sm">{why ? t(why) : t(`kindHelp.${kind}`)}</span>
              </span>
            </ActionMenu.Item>
          );
        })}
      </ActionMenu.Content>
    </ActionMenu>
  );
}
