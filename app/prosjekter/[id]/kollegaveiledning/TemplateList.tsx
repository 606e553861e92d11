import { ClockIcon, PencilIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Heading, HStack, Tag } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CopyTemplateButton } from './CopyTemplateButton';

export interface TemplateListItem {
  id: string;
  name: string;
  description: string;
  rounds: number;
  minutes: number;
  allowSkip: boolean;
}

/** The project's templates: what each holds at a glance, a link to edit it and a copy button. */
export function TemplateList({ projectId, templates, archived }: { projectId: string; templates: TemplateListItem[]; archived: boolean }) {
  const t = useTranslations('supervisionPrep.templates');
  return (
    <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
      {templates.map((tpl) => (
        <li key={tpl.id}>
          <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="flex h-full flex-col gap-2">
            <Heading level="3" size="small" className="break-words">
              {tpl.name}
            </Heading>
            {tpl.description && <BodyShort size="small">{tpl.description}</BodyShort>}
            <HStack gap="space-8" align="center">
              <Tag size="small" variant="moderate" data-color="info">
                {t('rounds', { count: tpl.rounds })}
              </Tag>
              <Tag size="small" variant="outline" data-color="neutral" icon={<ClockIcon aria-hidden />}>
                {t('minutes', { minutes: tpl.minutes })}
              </Tag>
              {tpl.allowSkip && (
                <Tag size="small" variant="outline" data-color="neutral">
                  {t('allowSkip')}
                </Tag>
              )}
            </HStack>
            <HStack gap="space-8" align="center" className="mt-auto pt-1">
              <Link href={`/prosjekter/${projectId}/kollegaveiledning/maler/${tpl.id}`} className="aksel-link inline-flex items-center gap-1" aria-label={t('editLabel', { name: tpl.name })}>
                <PencilIcon aria-hidden />
                {t('edit')}
              </Link>
              {!archived && <CopyTemplateButton projectId={projectId} templateId={tpl.id} templateName={tpl.name} variant="copy" />}
            </HStack>
          </Box>
        </li>
      ))}
    </ul>
  );
}
