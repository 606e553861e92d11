'use client';

import { ArchiveIcon } from '@navikt/aksel-icons';
import { Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setArchivedAction } from '@/app/_actions/project-actions';

export function ArchiveButton({ projectId, archived }: { projectId: string; archived: boolean }) {
  const t = useTranslations('project');
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      size="small"
      icon={<ArchiveIcon aria-hidden />}
      loading={pending}
      onClick={() => startTransition(async () => void (await setArchivedAction(projectId, !archived)))}
    >
      {archived ? t('unarchive') : t('archive')}
    </Button>
  );
}
