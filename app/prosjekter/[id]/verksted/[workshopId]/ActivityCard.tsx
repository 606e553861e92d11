'use client';

import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Heading, HStack, Tag } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AgendaActivity } from '@/lib/workshop/agenda';
import { activityUi } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';

/** One agenda step at a glance, with its edit, move and delete buttons. */
export function ActivityCard({ activity, number, isFirst, isLast, summary, pending, onEdit, onMove, onDelete }: {
  activity: AgendaActivity;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  summary: string;
  pending: boolean;
  onEdit: () => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}) {
  const t = useTranslations('workshop');
  const [confirming, setConfirming] = useState(false);
  const kindText = useKindText();
  const Icon = activityUi[activity.kind].icon;
  const title = activity.title;
  return (
    <div className="flex gap-3">
      <span aria-hidden className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-ax-bg-accent-soft text-2xl text-ax-text-accent">
        <Icon />
      </span>
      <div className="min-w-0 grow">
        {/* Buttons share the first row with the step label, so title and summary get the full width. */}
        <div className="flex flex-wrap items-center justify-between gap-x-2">
          <Tag size="xsmall" variant="moderate" data-color="neutral">
            {t('stepNumber', { number })} · {kindText.label(activity.kind)}
          </Tag>
          {!confirming && (
            <HStack gap="space-4" wrap={false} className="-my-1">
              <Button size="small" variant="tertiary-neutral" icon={<PencilIcon title={t('editActivity', { title })} />} onClick={onEdit} />
              <Button size="small" variant="tertiary-neutral" icon={<ArrowUpIcon title={t('moveUp', { title })} />} disabled={isFirst || pending} onClick={() => onMove(-1)} />
              <Button size="small" variant="tertiary-neutral" icon={<ArrowDownIcon title={t('moveDown', { title })} />} disabled={isLast || pending} onClick={() => onMove(1)} />
              <Button size="small" variant="tertiary-neutral" icon={<TrashIcon title={t('deleteActivity', { title })} />} disabled={pending} onClick={() => setConfirming(true)} />
            </HStack>
          )}
        </div>
        <Heading level="3" size="xsmall" className="mt-1">
          {title}
        </Heading>
        <BodyShort size="small" className="line-clamp-2 text-ax-text-neutral-subtle" title={summary}>
          {summary}
        </BodyShort>
        {confirming && (
          <HStack gap="space-8" align="center" className="mt-3">
            <BodyShort size="small">{t('deleteActivityConfirm', { title })}</BodyShort>
            <Button size="small" variant="danger" loading={pending} onClick={onDelete}>
              {t('deleteYes')}
            </Button>
            <Button size="small" variant="tertiary" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </HStack>
        )}
      </div>
    </div>
  );
}
