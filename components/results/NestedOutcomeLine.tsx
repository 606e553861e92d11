import { BodyShort, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { QsortOutcome, SupervisionOutcome } from '@/lib/results/session-results';
import { textSize, type ResultSize } from './result-size';

/** A Q-sort or a kollegaveiledning in one line, with a link to its full record on *Tilbakemeldinger* (on the page). */
export function NestedOutcomeLine({ outcome, projectId, size }: { outcome: QsortOutcome | SupervisionOutcome; projectId: string | null; size: ResultSize }) {
  const t = useTranslations('sessionResults');
  const text = textSize[size];
  const line =
    outcome.kind === 'qsort'
      ? [t('qsort.factors', { count: outcome.factors.length, names: outcome.factors.map((n) => n || t('qsort.unnamed')).join(', ') }), outcome.comments === null ? null : t('qsort.comments', { count: outcome.comments })]
          .filter(Boolean)
          .join(' · ')
      : t('supervision.line', { points: outcome.learningPoints, agreements: outcome.agreements });
  const source = outcome.kind === 'qsort' ? 'qsort' : 'kollegaveiledning';
  return (
    <VStack gap="space-4">
      <BodyShort className={text}>{line}</BodyShort>
      {projectId && (
        <Link href={`/prosjekter/${projectId}/tilbakemeldinger?vis=${source}`} className="aksel-link w-fit">
          {t(`${outcome.kind}.link`)}
        </Link>
      )}
    </VStack>
  );
}
