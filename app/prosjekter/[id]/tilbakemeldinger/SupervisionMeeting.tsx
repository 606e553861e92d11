import { BodyLong, BodyShort, Box, Heading, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { SupervisionMeetingRecord } from '@/server/services/feedback-archive';
import { RedactItemButton } from '@/components/RedactItemButton';
import { AgreementFields } from './AgreementFields';
import { ArchiveCard, ArchivePart } from './ArchivePart';
import { EvaluationSummary } from './EvaluationSummary';

/** One kollegaveiledning meeting: the case, round notes, learning points, agreements and evaluation. */
export function SupervisionMeeting({ meeting, projectId }: { meeting: SupervisionMeetingRecord; projectId: string }) {
  const t = useTranslations('feedbackArchive.meeting');
  const tRedaction = useTranslations('redaction');
  const headingId = meeting.activityId ? `mote-${meeting.sessionId}-${meeting.activityId}` : `mote-${meeting.sessionId}`;
  const empty = !meeting.case && meeting.roundNotes.length === 0 && meeting.learningPoints.length === 0 && meeting.agreements.length === 0 && meeting.evaluation.respondents === 0;

  return (
    <ArchiveCard
      headingId={headingId}
      kind={t('kind')}
      kindColor="accent"
      ongoing={meeting.endedAt ? null : t('ongoing')}
      heading={meeting.groupName}
      startedAt={meeting.startedAt}
      workshopLine={meeting.workshopTitle ? t('inWorkshop', { title: meeting.workshopTitle }) : null}
      meta={
        meeting.templateName && (
          <BodyShort size="small" className="text-ax-text-neutral-subtle">
            {t('template', { name: meeting.templateName })}
          </BodyShort>
        )
      }
    >
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
                  <HStack gap="space-8" align="center" justify="space-between" wrap={false}>
                    {p.redacted ? <BodyLong className="italic" data-testid="redacted">{tRedaction('marker')}</BodyLong> : <BodyLong>{p.text}</BodyLong>}
                    {!p.redacted && <RedactItemButton projectId={projectId} itemId={p.id} />}
                  </HStack>
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
    </ArchiveCard>
  );
}
