'use client';

import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, HStack, TextField, VStack } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState, useTransition, type FormEvent } from 'react';
import { addPhaseAction, deletePhaseAction, movePhaseAction } from '@/app/_actions/project-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { PhasePeriod, type PhasePeriodHandle } from './PhasePeriod';

interface PhaseView {
  id: string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
}

const empty = { name: '', description: '', startsOn: '', endsOn: '' };

export function Phases({ projectId, phases }: { projectId: string; phases: PhaseView[] }) {
  const t = useTranslations('project');
  const tFields = useTranslations('fields');
  const format = useFormatter();
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const period = useRef<PhasePeriodHandle>(null);
  const errors = useFormErrors(error);
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T12:00:00`), { dateStyle: 'medium' }) : '…');

  function add(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await addPhaseAction(projectId, values);
      if (!result.ok) return setError(result.error);
      setError(null);
      setValues(empty);
      period.current?.reset();
    });
  }

  const run = (action: () => Promise<unknown>) => startTransition(async () => void (await action()));

  return (
    <section aria-labelledby="faser">
      <Heading id="faser" level="2" size="medium" spacing>
        {t('phases')}
      </Heading>
      {phases.length === 0 && <BodyShort spacing>{t('noPhases')}</BodyShort>}
      <ol className="mb-4 list-none space-y-2 p-0">
        {phases.map((phase, index) => (
          <li key={phase.id}>
            <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
              <HStack justify="space-between" align="start" gap="space-8">
                <div>
                  <Heading level="3" size="xsmall">
                    {phase.name}
                  </Heading>
                  <BodyShort size="small" className="text-ax-text-neutral-subtle">
                    {phase.startsOn || phase.endsOn ? `${date(phase.startsOn)} – ${date(phase.endsOn)}` : ''}
                  </BodyShort>
                  {phase.description && <BodyShort size="small">{phase.description}</BodyShort>}
                </div>
                <HStack gap="space-4">
                  <Button
                    size="small"
                    variant="tertiary-neutral"
                    icon={<ArrowUpIcon title={t('moveUp', { name: phase.name })} />}
                    disabled={index === 0 || pending}
                    onClick={() => run(() => movePhaseAction(projectId, phase.id, -1))}
                  />
                  <Button
                    size="small"
                    variant="tertiary-neutral"
                    icon={<ArrowDownIcon title={t('moveDown', { name: phase.name })} />}
                    disabled={index === phases.length - 1 || pending}
                    onClick={() => run(() => movePhaseAction(projectId, phase.id, 1))}
                  />
                  <Button
                    size="small"
                    variant="tertiary-neutral"
                    icon={<TrashIcon title={t('deletePhase', { name: phase.name })} />}
                    disabled={pending}
                    onClick={() => run(() => deletePhaseAction(projectId, phase.id))}
                  />
                </HStack>
              </HStack>
            </Box>
          </li>
        ))}
      </ol>
      <form onSubmit={add} noValidate aria-label={t('addPhase')}>
        <VStack gap="space-12">
          {errors.summary && error?.code !== 'BAD_REQUEST' && <Alert variant="error">{errors.summary}</Alert>}
          <HStack gap="space-12" align="end">
            <TextField label={tFields('phaseName')} value={values.name} onChange={set('name')} error={errors.field('name')} className="min-w-60" />
            <PhasePeriod
              ref={period}
              onChange={(startsOn, endsOn) => setValues((v) => ({ ...v, startsOn, endsOn }))}
              fromError={errors.field('startsOn')}
              toError={errors.field('endsOn')}
            />
            <Button type="submit" variant="secondary" icon={<PlusIcon aria-hidden />} loading={pending}>
              {t('addPhase')}
            </Button>
          </HStack>
        </VStack>
      </form>
    </section>
  );
}
