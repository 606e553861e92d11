'use client';

import { Alert, BodyShort, Box, Heading, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { addActivityAction, moveActivityAction, removeActivityAction } from '@/app/_actions/workshop-actions';
import type { ActionResult } from '@/app/_actions/result';
import type { EditorOptions, FindingOption, SetOption, TemplateOption } from '@/components/activities/contract';
import { activityUi, uiKinds } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { defaultActivity, type ActivityInput, type AgendaActivity } from '@/lib/workshop/agenda';
import { ActivityCard } from './ActivityCard';
import { ActivityForm } from './ActivityForm';
import { AddActivityMenu } from './AddActivityMenu';
import { useActivitySummary } from './activity-summary';

/** The workshop's agenda in order: cards to read, edit inline, reorder and remove. */
export function Agenda({ projectId, workshopId, activities, findings, sets, templates }: {
  projectId: string;
  workshopId: string;
  activities: AgendaActivity[];
  findings: FindingOption[];
  sets: SetOption[];
  templates: TemplateOption[];
}) {
  const t = useTranslations('workshop');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const kindText = useKindText();
  const options: EditorOptions = { findings, sets, templates };
  const summarise = useActivitySummary(options);

  const run = <T,>(action: () => Promise<ActionResult<T>>, then?: (data: T) => void) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      if (result.ok) then?.(result.data);
    });

  // A new activity starts from the defaults and opens for editing, so it is adapted at once.
  function add(kind: ActivityInput['kind']) {
    const input = defaultActivity(kind, { findingIds: findings.map((f) => f.id), setId: sets.find((s) => s.gridFits)?.id ?? null, templateId: templates[0]?.id ?? null });
    if (input) run(() => addActivityAction(projectId, workshopId, input), (added) => setEditing(added.id));
  }

  return (
    <section aria-labelledby="program">
      <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <Heading id="program" level="2" size="medium">
          {t('agenda')}
        </Heading>
        <BodyShort size="small" className="mb-4 text-ax-text-neutral-subtle">
          {t('agendaHelp')}
        </BodyShort>
        <VStack gap="space-16">
          {errors.summary && <Alert variant="error" size="small">{errors.summary}</Alert>}
          {activities.length === 0 ? (
            <BodyShort>{t('agendaEmpty')}</BodyShort>
          ) : (
            <ol className="m-0 list-none space-y-3 p-0">
              {activities.map((activity, index) => (
                <li key={activity.id}>
                  <Box padding={{ xs: 'space-12', sm: 'space-16' }} borderRadius="8" borderWidth="1" borderColor={editing === activity.id ? 'accent' : 'neutral-subtle'}>
                    {editing === activity.id ? (
                      <VStack gap="space-12">
                        <Tag size="xsmall" variant="moderate" data-color="accent" className="w-fit">
                          {t('stepNumber', { number: index + 1 })} · {kindText.label(activity.kind)}
                        </Tag>
                        <ActivityForm projectId={projectId} workshopId={workshopId} activity={activity} options={options} onDone={() => setEditing(null)} />
                      </VStack>
                    ) : (
                      <ActivityCard
                        activity={activity}
                        number={index + 1}
                        isFirst={index === 0}
                        isLast={index === activities.length - 1}
                        summary={summarise(activity)}
                        pending={pending}
                        onEdit={() => setEditing(activity.id)}
                        onMove={(direction) => run(() => moveActivityAction(projectId, workshopId, activity.id, direction))}
                        onDelete={() => run(() => removeActivityAction(projectId, workshopId, activity.id))}
                      />
                    )}
                  </Box>
                </li>
              ))}
            </ol>
          )}
          <div>
            <AddActivityMenu blocked={Object.fromEntries(uiKinds.map((kind) => [kind, activityUi[kind].editor.blockedReason(activities, options)]))} disabled={pending} onAdd={add} />
          </div>
        </VStack>
      </Box>
    </section>
  );
}
