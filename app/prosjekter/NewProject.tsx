'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Box, Button, Heading } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ProjectForm } from '@/components/ProjectForm';
import { createProjectAction } from '../_actions/project-actions';

export function NewProject() {
  const t = useTranslations('projects');
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div>
        <Button icon={<PlusIcon aria-hidden />} onClick={() => setOpen(true)}>
          {t('new')}
        </Button>
      </div>
    );
  }
  return (
    <Box background="raised" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="w-full">
      <Heading level="2" size="medium" spacing>
        {t('new')}
      </Heading>
      <ProjectForm
        initial={{ name: '', description: '', ethicsReference: '', consentText: '' }}
        submitLabel={t('create')}
        action={createProjectAction}
        onCancel={() => setOpen(false)}
      />
    </Box>
  );
}
