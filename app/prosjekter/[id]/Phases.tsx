'use client';

import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Button, Heading, HStack } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { addPhaseAction, deletePhaseAction, movePhaseAction, updatePhaseAction } from '@/app/_actions/project-actions';
import { emptyPhase, PhaseForm } from './PhaseForm';

interface PhaseView {
  id: string;
  name: string;
  description: string;
  startsOn: string | null;
  endsOn: string | null;
}

export function Phases({ projectId, phases }: { projectId: string; phases: PhaseView[] }) {
  const t = useTranslations('project');
  const format = useFormatter();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T12:00:00`), { dateStyle: 'medium' }) : '…');
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
              {editing === phase.id ? (
                <PhaseForm
                  initial={{ name: phase.name, description: phase.description, startsOn: phase.startsOn ?? '', endsOn: phase.endsOn ?? '' }}
                  label={t('editPhase', { name: phase.name })}
                  submitLabel={t('save')}
                  action={(values) => updatePhaseAction(projectId, phase.id, values)}
                  onDone={() => setEditing(null)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <HStack justify="space-between" align="start" gap="space-8">
                  <div>
                    <Heading level="3" size="xsmall">
                      {phase.name}
                    </Heading>
                    {(phase.startsOn || phase.endsOn) && (
                      <BodyShort size="small" className="text-ax-text-neutral-subtle">
                        {`${date(phase.startsOn)} – ${date(phase.endsOn)}`}
                      </BodyShort>
                    )}
                    {phase.description && <BodyShort size="small">{phase.description}</BodyShort>}
                  </div>
                  <HStack gap="space-4">
                    <Button size="small" variant="tertiary-neutral" icon={<PencilIcon title={t('editPhase', { name: phase.name })} />} onClick={() => setEditing(phase.id)} />
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
              )}
            </Box>
          </li>
        ))}
      </ol>
      <PhaseForm initial={emptyPhase} label={t('addPhase')} submitLabel={t('addPhase')} action={(values) => addPhaseAction(projectId, values)} clearOnDone />
    </section>
  );
}
