import { CalendarIcon, PersonGroupIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Heading, HStack, Tag } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import { ResumeMeetingLink, StartMeetingButton } from './StartMeetingButton';

export interface GroupListItem {
  id: string;
  name: string;
  templateName: string | null;
  meetings: number;
  lastMeetingAt: Date | null;
  openSessionId: string | null;
}

/** The project's veiledningsgrupper with a way into their next (or running) meeting; used on the project page too. */
export function GroupList({ projectId, groups, archived, emptyText }: { projectId: string; groups: GroupListItem[]; archived: boolean; emptyText?: string }) {
  const t = useTranslations('supervisionPrep.groups');
  const format = useFormatter();
  if (groups.length === 0) return <BodyShort>{emptyText ?? t('none')}</BodyShort>;
  return (
    <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
      {groups.map((g) => (
        <li key={g.id}>
          <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="flex h-full flex-col gap-3">
            <div>
              <Heading level="3" size="small" className="flex items-start gap-2 break-words">
                <PersonGroupIcon aria-hidden className="mt-1 shrink-0 text-ax-text-neutral-subtle" />
                {g.name}
              </Heading>
              <BodyShort size="small" className="mt-1 text-ax-text-neutral-subtle">
                {g.templateName ? t('template', { name: g.templateName }) : t('noTemplate')}
              </BodyShort>
            </div>
            <HStack gap="space-8" align="center">
              <Tag size="small" variant="moderate" data-color="info">
                {t('meetings', { count: g.meetings })}
              </Tag>
              {g.lastMeetingAt && (
                <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
                  <CalendarIcon aria-hidden />
                  {t('lastMeeting', { date: format.dateTime(g.lastMeetingAt, { dateStyle: 'medium', timeZone: 'Europe/Oslo' }) })}
                </BodyShort>
              )}
              {g.openSessionId && (
                <Tag size="small" variant="strong" data-color="success">
                  {t('ongoing')}
                </Tag>
              )}
            </HStack>
            <div className="mt-auto">
              {g.openSessionId ? (
                <ResumeMeetingLink href={`/prosjekter/${projectId}/live/${g.openSessionId}`} groupName={g.name} />
              ) : (
                <StartMeetingButton projectId={projectId} groupId={g.id} groupName={g.name} disabled={archived || !g.templateName} />
              )}
            </div>
          </Box>
        </li>
      ))}
    </ul>
  );
}
