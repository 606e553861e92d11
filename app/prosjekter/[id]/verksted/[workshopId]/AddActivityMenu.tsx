'use client';

import { ChevronDownIcon, PlusIcon } from '@navikt/aksel-icons';
import { ActionMenu, Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { agendaKinds, type ActivityInput } from '@/lib/workshop/agenda';
import { kindIcons } from '../activity-kinds';

/** "Legg til aktivitet": one entry per kind; a findings round needs findings in the project. */
export function AddActivityMenu({ hasFindings, disabled, onAdd }: { hasFindings: boolean; disabled: boolean; onAdd: (kind: ActivityInput['kind']) => void }) {
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
          const blocked = kind === 'findings' && !hasFindings;
          return (
            <ActionMenu.Item key={kind} icon={<Icon aria-hidden />} disabled={blocked} onSelect={() => onAdd(kind)}>
              <span className="flex flex-col">
                <span className="font-semibold">{t(`kind.${kind}`)}</span>
                <span className="text-ax-text-neutral-subtle text-sm">{blocked ? t('noFindingsToAdd') : t(`kindHelp.${kind}`)}</span>
              </span>
            </ActionMenu.Item>
          );
        })}
      </ActionMenu.Content>
    </ActionMenu>
  );
}
