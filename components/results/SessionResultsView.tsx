'use client';

import { BodyShort, Box, Heading, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { assertNever } from '@/lib/errors';
import type { SessionActivityResult, SessionResults } from '@/lib/results/session-results';
import { ClosingOutcomeView } from './ClosingOutcomeView';
import { FindingsOutcomeView } from './FindingsOutcomeView';
import { NestedOutcomeLine } from './NestedOutcomeLine';
import { PlenaryOutcomeView } from './PlenaryOutcomeView';
import { QuestionOutcomeView } from './QuestionOutcomeView';
import { ReflectionOutcomeView } from './ReflectionOutcomeView';
import type { ResultSize } from './result-size';

/**
 * A session's results, activity by activity in agenda order: the results page, the big screen's
 * closing summary and a phone's short summary all draw the model with this. `projectId`
 * (members only) adds the links to *Tilbakemeldinger*. A client component: Aksel's compound
 * parts (`Table.Row`) cannot be reached from a server component.
 */
export function SessionResultsView({ results, size, projectId = null, headingLevel = '2', numberFrom = 1 }: {
  results: SessionResults;
  size: ResultSize;
  projectId?: string | null;
  headingLevel?: '2' | '3';
  /** The first activity's number in the agenda: the big screen shows the activities a page at a time. */
  numberFrom?: number;
}) {
  const t = useTranslations('sessionResults');
  return (
    <ol className={`m-0 list-none p-0 ${size === 'screen' ? `grid items-start gap-6 ${results.activities.length > 1 ? 'grid-cols-2' : 'grid-cols-1'}` : 'space-y-6'}`} data-testid="session-results">
      {results.activities.map((a, i) => (
        <li key={a.activityId}>
          <Box as="section" aria-labelledby={`resultat-${a.activityId}`} background="raised" padding={size === 'phone' ? 'space-16' : 'space-24'} borderRadius="8" borderWidth="1" borderColor="neutral-subtle" data-testid={`outcome-${a.outcome.kind}`}>
            <VStack gap="space-16">
              <header>
                <Tag size="xsmall" variant="moderate" data-color="neutral" className="mb-1">
                  {t(`kind.${a.outcome.kind}`)}
                </Tag>
                <Heading id={`resultat-${a.activityId}`} level={headingLevel} size={size === 'screen' ? 'xlarge' : 'medium'}>
                  {numberFrom + i}. {a.title}
                </Heading>
              </header>
              <Outcome activity={a} minCount={results.minCount} size={size} projectId={projectId} />
            </VStack>
          </Box>
        </li>
      ))}
      {results.activities.length === 0 && (
        <li>
          <BodyShort>{t('nothing')}</BodyShort>
        </li>
      )}
    </ol>
  );
}

/** One activity's outcome, drawn by its kind (exhaustive: a new kind fails to compile until it has a view). */
function Outcome({ activity, minCount, size, projectId }: { activity: SessionActivityResult; minCount: number; size: ResultSize; projectId: string | null }) {
  const { outcome } = activity;
  switch (outcome.kind) {
    case 'findings':
      return <FindingsOutcomeView outcome={outcome} minCount={minCount} size={size} />;
    case 'reflection':
      return size === 'phone' ? null : <ReflectionOutcomeView outcome={outcome} size={size} />;
    case 'plenary':
      return <PlenaryOutcomeView outcome={outcome} minCount={minCount} size={size} />;
    case 'closing':
      return <ClosingOutcomeView outcome={outcome} minCount={minCount} size={size} />;
    case 'question':
      return <QuestionOutcomeView outcome={outcome} minCount={minCount} size={size} />;
    case 'qsort':
    case 'supervision':
      return <NestedOutcomeLine outcome={outcome} projectId={projectId} size={size} />;
    default:
      return assertNever(outcome);
  }
}
