'use client';

import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from '@navikt/aksel-icons';
import { Box, Button, Checkbox, HGrid, HStack, Select, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { WholeNumberField } from '@/components/WholeNumberField';
import { roundAudiences, type Round } from '@/lib/supervision/template';

/** The id of a round's control, for focus after a move and for links from the error summary. */
export const controlId = (roundId: string, part: string) => `runde-${roundId}-${part}`;

/** One round of the template as a fieldset: every control labelled, with move and delete. */
export function RoundCard({ round, number, isFirst, isLast, canDelete, disabled, fieldError, onChange, onMove, onDelete }: {
  round: Round;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  canDelete: boolean;
  disabled: boolean;
  fieldError: (field: keyof Round) => string | undefined;
  onChange: (change: Partial<Round>) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: () => void;
}) {
  const t = useTranslations('supervisionPrep.editor');
  const name = round.name.trim() || t('untitled');
  const legendId = controlId(round.id, 'legend');
  return (
    <Box padding={{ xs: 'space-12', sm: 'space-16' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle" background="raised">
      <fieldset aria-labelledby={legendId} className="m-0 min-w-0 border-0 p-0">
        <VStack gap="space-16">
          <div className="flex items-start justify-between gap-2">
            {/* A heading rather than a <legend>, so the buttons can share its row at every width. */}
            <h3 id={legendId} className="m-0 min-w-0 flex-1 break-words pt-1 text-lg font-semibold">
              <span className="mr-2 inline-flex h-7 w-7 items-center justify-center rounded-full bg-ax-bg-accent-soft text-base text-ax-text-accent" aria-hidden>
                {number}
              </span>
              <span className="sr-only">{t('roundLegend', { number, name })}</span>
              <span aria-hidden>{name}</span>
            </h3>
            <HStack gap="space-4" wrap={false} className="shrink-0">
              <Button type="button" size="small" variant="tertiary-neutral" id={controlId(round.id, 'up')} icon={<ArrowUpIcon title={t('moveUp', { name })} />} disabled={isFirst || disabled} onClick={() => onMove(-1)} />
              <Button type="button" size="small" variant="tertiary-neutral" id={controlId(round.id, 'down')} icon={<ArrowDownIcon title={t('moveDown', { name })} />} disabled={isLast || disabled} onClick={() => onMove(1)} />
              <Button type="button" size="small" variant="tertiary-neutral" icon={<TrashIcon title={t('remove', { name })} />} disabled={!canDelete || disabled} onClick={onDelete} />
            </HStack>
          </div>
          <TextField id={controlId(round.id, 'name')} label={t('roundName')} value={round.name} maxLength={80} onChange={(e) => onChange({ name: e.target.value })} error={fieldError('name')} />
          <Textarea
            id={controlId(round.id, 'guidance')}
            label={t('guidance')}
            description={t('guidanceHelp')}
            value={round.guidance}
            minRows={2}
            onChange={(e) => onChange({ guidance: e.target.value })}
            error={fieldError('guidance')}
          />
          <HGrid columns={{ xs: 1, sm: 3 }} gap="space-16" align="start">
            <WholeNumberField id={controlId(round.id, 'minutes')} label={t('minutes')} value={round.minutes} min={1} max={120} onChange={(minutes) => onChange({ minutes })} error={fieldError('minutes')} />
            <Select id={controlId(round.id, 'speakers')} label={t('speakers')} value={round.speakers} onChange={(e) => onChange({ speakers: e.target.value as Round['speakers'] })} error={fieldError('speakers')}>
              {roundAudiences.map((a) => (
                <option key={a} value={a}>
                  {t(`audience.${a}`)}
                </option>
              ))}
            </Select>
            <Select id={controlId(round.id, 'writers')} label={t('writers')} value={round.writers} onChange={(e) => onChange({ writers: e.target.value as Round['writers'] })} error={fieldError('writers')}>
              {roundAudiences.map((a) => (
                <option key={a} value={a}>
                  {t(`audience.${a}`)}
                </option>
              ))}
            </Select>
          </HGrid>
          <Checkbox id={controlId(round.id, 'turnBased')} checked={round.turnBased} onChange={(e) => onChange({ turnBased: e.target.checked })} description={t('turnBasedHelp')}>
            {t('turnBased')}
          </Checkbox>
        </VStack>
      </fieldset>
    </Box>
  );
}
