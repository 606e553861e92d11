import { Alert, BodyShort, ReadMore, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { FEW_QSORT_SORTS, type QsortStudyRecord } from '@/server/services/feedback-archive';
import { ArchiveCard, ArchivePart } from './ArchivePart';
import { QsortComments } from './QsortComments';
import { QsortFactor } from './QsortFactor';

/**
 * One Q-sort study: the set, how many finished their sort, the analysis the facilitator ran,
 * each named factor with its array and distinguishing statements, and the participants'
 * comments by statement.
 */
export function QsortStudy({ study, projectId }: { study: QsortStudyRecord; projectId: string }) {
  const t = useTranslations('feedbackArchive.study');
  // A workshop may run several Q-sorts: each study is its own card.
  const headingId = study.activityId ? `qsort-${study.sessionId}-${study.activityId}` : `qsort-${study.sessionId}`;
  const texts = Object.fromEntries(study.statements.map((s) => [s.id, s.text]));
  const empty = study.sortCount === 0 && study.factors.length === 0 && study.comments.length === 0;
  const analysis = study.analysis;

  return (
    <ArchiveCard
      headingId={headingId}
      kind={t('kind')}
      kindColor="meta-purple"
      ongoing={study.endedAt ? null : t('ongoing')}
      heading={study.setName}
      startedAt={study.startedAt}
      workshopLine={study.workshopTitle ? t('inWorkshop', { title: study.workshopTitle }) : null}
      testId="qsort-study"
      meta={
        <BodyShort size="small" className="text-ax-text-neutral-subtle" data-testid="qsort-sort-count">
          {t('sorts', { count: study.sortCount })}
        </BodyShort>
      }
      below={
        analysis && (
          <BodyShort size="small" className="mt-1 text-ax-text-neutral-subtle">
            {t('analysis', { factors: analysis.factors, extraction: t(`extraction.${analysis.extraction}`), rotation: t(`rotation.${analysis.rotation}`) })}
            {analysis.sortCount !== null && analysis.sortCount !== study.sortCount && `, ${t('analysedSorts', { count: analysis.sortCount })}`}
          </BodyShort>
        )
      }
    >
        {empty && <BodyShort>{t('empty')}</BodyShort>}

        {!empty && study.sortCount < FEW_QSORT_SORTS && (
          <Alert variant="warning" size="small" inline>
            {t('few', { count: study.sortCount })}
          </Alert>
        )}

        {study.statements.length > 0 && (
          <ReadMore header={t('statements', { count: study.statements.length })} size="small">
            <ol className="m-0 list-none space-y-1 p-0">
              {study.statements.map((s) => (
                <li key={s.id} className="flex gap-2">
                  <span className="min-w-6 text-right font-semibold tabular-nums">{s.id}</span>
                  <span>{s.text}</span>
                </li>
              ))}
            </ol>
          </ReadMore>
        )}

        {(study.factors.length > 0 || study.sortCount > 0) && (
          <ArchivePart title={t('factors')}>
            {study.factors.length === 0 ? (
              <BodyShort>{t('noFactors')}</BodyShort>
            ) : (
              <VStack gap="space-16">
                {study.factors.map((f) => (
                  <QsortFactor key={f.number} factor={f} grid={study.grid} texts={texts} />
                ))}
              </VStack>
            )}
          </ArchivePart>
        )}

        {study.comments.length > 0 && (
          <ArchivePart title={t('comments')}>
            <QsortComments comments={study.comments} projectId={projectId} />
          </ArchivePart>
        )}
    </ArchiveCard>
  );
}
