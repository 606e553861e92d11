'use client';

import { useTranslations } from 'next-intl';
import { currentRound, inClosing, type SupervisionRuntime } from '@/lib/supervision/engine';
import { CaseView } from './CaseView';
import { GroundRules } from './GroundRules';
import { RoundHeader } from './RoundHeader';
import { RoundStepper } from './RoundStepper';
import { TurnPanel } from './TurnPanel';

/** The big screen: the round, its guidance and time, who speaks now and next. No controls. */
export function SupervisionScreen({ runtime, clockOffset }: { runtime: SupervisionRuntime; clockOffset: number }) {
  const t = useTranslations('supervision');
  const round = currentRound(runtime);
  return (
    <div className="space-y-8" data-testid="supervision-screen">
      <RoundStepper runtime={runtime} large />
      <div className="rounded-xl bg-white p-10"><RoundHeader runtime={runtime} clockOffset={clockOffset} size="large" /></div>
      {runtime.turn && <TurnPanel runtime={runtime} me={null} lead={false} run={() => undefined} size="large" />}
      {runtime.current < 0 && <GroundRules large />}
      {round && runtime.current <= 1 && runtime.case && (
        <div className="rounded-xl bg-white p-10">
          <h2 className="m-0 mb-4 text-4xl">{t('caseHeading')}</h2>
          <CaseView value={runtime.case} large />
        </div>
      )}
      {inClosing(runtime) && <p className="m-0 text-4xl">{t('closingLead')}</p>}
    </div>
  );
}
