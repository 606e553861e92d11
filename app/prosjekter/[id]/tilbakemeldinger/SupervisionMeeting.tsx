import { CalendarIcon } from '@navikt/aksel-icons';
import { BodyLong, BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { SupervisionMeetingRecord } from '@/server/services/feedback-archive';
import { AgreementFields } from './AgreementFields';
import { ArchivePart } from './ArchivePart';
import { EvaluationSummary } from './EvaluationSummary';

/** One kollegaveiledning meeting: the case, round notes, learning points, agreements and evaluation. */
export function SupervisionMeeting({ meeting }: { meeting: SupervisionMeetingRecord }) {
  const t = useTranslations('feedbackArchive.meeting');
  const format = useFormatter();
  const headingId = meeting.activityId ? `mote-${meeting.sessionId}-${meeting.activityId}` : `mote-${meeting.sessionId}`;
  const empty = !meeting.case && meeting.roundNotes.length === 0 && meeting.learningPoints.length === 0 && meeting.agreements.length === 0 && meeting.evaluation.respondents === 0;

  return (
    <Box as="article" aria-labelledby={headingId} background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <VStack gap="space-20">
        <header>
          <HStack gap="space-8" align="center" className="mb-1">
            <Tag size="xsmall" variant="moderate" data-color="accent">
              {t('kind')}
            </Tag>
            {!meeting.endedAt && (
              <Tag size="xsmall" variant="strong" data-color="success">
                {t('ongoing')}
              </Tag>
            )}
          </HStack>
          <Heading id={headingId} level="2" size="medium" className="break-words">
            {meeting.groupName}
          </Heading>
          <HStack gap="space-16" className="mt-1">
            <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
              <CalendarIcon aria-hidden />
              <time dateTime={meeting.startedAt.toISOString()}>{format.dateTime(meeting.startedAt, { dateStyle: 'full', timeZone: 'Europe/Oslo' })}</time>
            </BodyShort>
            {meeting.workshopTitle && (
              <BodyShort size="small" className="text-ax-text-neutral-subtle">
                {t('inWorkshop', { title: meeting.workshopTitle })}
              </BodyShort>
            )}
            {meeting.templateName && (
              <BodyShort size="small" className="text-ax-text-neutral-subtle">
                {t('template', { name: meeting.templateName })}
              </BodyShort>
            )}
          </HStack>
        </header>

        {empty && <BodyShort>{t('empty')}</BodyShort>}

        {meeting.case && (
          <ArchivePart title={t('case')}>
            <BodyLong className="whitespace-pre-wrap">{meeting.case.text}</BodyLong>
            {meeting.case.question && (
              <Box background="neutral-soft" padding="space-12" borderRadius="4" className="mt-3">
                <BodyShort size="small" weight="semibold">
                  {t('question')}
                </BodyShort>
                <BodyLong className="whitespace-pre-wrap">{meeting.case.question}</BodyLong>
              </Box>
            )}
          </ArchivePart>
        )}

        {meeting.roundNotes.length > 0 && (
          <ArchivePart title={t('notes')}>
            <VStack gap="space-12">
              {meeting.roundNotes.map((n) => (
                <div key={n.roundId} className="border-0 border-l-4 border-solid border-ax-border-neutral-subtle pl-3">
                  <Heading level="4" size="xsmall">
                    {n.roundName}
                  </Heading>
                  <BodyLong size="small" className="whitespace-pre-wrap">
                    {n.text}
                  </BodyLong>
                </div>
              ))}
            </VStack>
          </ArchivePart>
        )}

        {meeting.learningPoints.length > 0 && (
          <ArchivePart title={t('learningPoints')}>
            <ul className="m-0 list-disc space-y-1 pl-6">
              {meeting.learningPoints.map((p) => (
                <li key={p.id}>
                  <BodyLong>{p.text}</BodyLong>
                </li>
              ))}
            </ul>
          </ArchivePart>
        )}

        {meeting.agreements.length > 0 && (
          <ArchivePart title={t('agreements')}>
            <VStack gap="space-12">
              {meeting.agreements.map((a, i) => (
                <AgreementFields key={a.id} agreement={a} title={t('agreement', { number: i + 1 })} />
              ))}
            </VStack>
          </ArchivePart>
        )}

        {(meeting.endedAt || meeting.evaluation.respondents > 0) && (
          <ArchivePart title={t('evaluation')}>
            <EvaluationSummary evaluation={meeting.evaluation} />
          </ArchivePart>
        )}
      </VStack>
    </Box>
  );
}
