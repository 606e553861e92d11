'use client';

import { BodyShort, Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { ParticipantViewProps } from '../contract';
import { FindingResponseForm } from './FindingResponseForm';

/** One finding at a time, as on the screen; a participant may look one back and answer it again. */
export function FindingsParticipant({ live, runtime, activity, findings, mine, setMine, redactions, locked, redacted }: ParticipantViewProps<'findings'>) {
  const t = useTranslations('live');
  const [lookBack, setLookBack] = useState(false);
  const version = live.snapshot?.version ?? 0;
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a new step always returns to the present
  useEffect(() => setLookBack(false), [version]);

  const index = lookBack ? Math.max(0, runtime.findingIndex - 1) : runtime.findingIndex;
  const finding = findings.find((f) => f.id === activity.config.findingIds[index]);
  return (
    <>
      <BodyShort size="small">{t('findingOf', { current: index + 1, total: activity.config.findingIds.length })}</BodyShort>
      {runtime.findingIndex > 0 && (
        <div>
          <Button size="small" variant="tertiary" onClick={() => setLookBack((v) => !v)}>
            {lookBack ? t('backToNow') : t('lookBack')}
          </Button>
        </div>
      )}
      {finding && <FindingCardView finding={finding} />}
      {locked}
      {redacted}
      {finding && !runtime.locked && (
        <FindingResponseForm key={`${finding.id}:${redactions}`} live={live} findingId={finding.id} saved={mine?.responses[finding.id] ?? null}
          onSaved={(answer) => setMine((m) => m && { ...m, responses: { ...m.responses, [finding.id]: answer } })}
          onWithdrawn={() => setMine((m) => m && { ...m, responses: Object.fromEntries(Object.entries(m.responses).filter(([k]) => k !== finding.id)) })} />
      )}
      {!lookBack && live.results && <ResultsView results={live.results} minCount={runtime.minRevealCount} />}
    </>
  );
}
