'use client';

import { PencilIcon } from '@navikt/aksel-icons';
import { BodyLong, Box, Button, Heading, HStack, Label, VStack } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { updateProjectAction } from '@/app/_actions/project-actions';
import { ProjectForm, type ProjectValues } from '@/components/ProjectForm';

export function ProjectDetails({ projectId, initial }: { projectId: string; initial: ProjectValues }) {
  const t = useTranslations('project');
  const tRetention = useTranslations('retention');
  const format = useFormatter();
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="om-prosjektet">
      <Box background="raised" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <HStack justify="space-between" align="center" className="mb-4">
          <Heading id="om-prosjektet" level="2" size="medium">
            {t('details')}
          </Heading>
          {!editing && (
            <Button size="small" variant="tertiary" icon={<PencilIcon aria-hidden />} onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          )}
        </HStack>
        {editing ? (
          <ProjectForm
            initial={initial}
            submitLabel={t('save')}
            action={(values) => updateProjectAction(projectId, values)}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <VStack gap="space-12">
            {initial.description && <BodyLong className="whitespace-pre-line">{initial.description}</BodyLong>}
            <div>
              <Label as="p" size="small">
                {t('ethicsReference')}
              </Label>
              <BodyLong size="small">{initial.ethicsReference || t('none')}</BodyLong>
            </div>
            <div>
              <Label as="p" size="small">
                {t('consentText')}
              </Label>
              <BodyLong size="small" className="whitespace-pre-line">
                {initial.consentText || t('none')}
              </BodyLong>
            </div>
            <div>
              <Label as="p" size="small">
                {tRetention('label')}
              </Label>
              <BodyLong size="small">{initial.retainFreeTextUntil ? format.dateTime(new Date(`${initial.retainFreeTextUntil}T12:00:00`), { dateStyle: 'long' }) : t('none')}</BodyLong>
            </div>
          </VStack>
        )}
      </Box>
    </section>
  );
}
