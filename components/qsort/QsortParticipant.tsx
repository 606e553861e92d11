'use client';

import { Alert, BodyLong, BodyShort, Button, Heading, HStack, Loader, ProgressBar, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import { instructionFor, qsortSteps, type QsortStep } from '@/lib/qsort/instructions';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { isComplete } from '@/lib/qsort/sort';
import { CommentsStep } from './CommentsStep';
import { GridBoard } from './GridBoard';
import { HelpButton } from './HelpButton';
import { PilesStep } from './PilesStep';
import { StatementCard } from './StatementCard';
import { useSortDraft } from './use-sort-draft';

/** The participant's Q-sort, step by step; every change is saved as it happens. */
export function QsortParticipant({ live, runtime }: { live: ReturnType<typeof useLiveSession>; runtime: QsortRuntime }) {
  const t = useTranslations('qsort');
  const { state, change, submit, saveStatus, error } = useSortDraft(live, runtime);
  const errors = useFormErrors(error);
  // The statement someone is working on goes with a call for help.
  const [focus, setFocus] = useState<string | null>(null);
  if (!state) return <Loader size="large" title={t('saving')} />;
  if (state.step === 'done') {
    return (
      <Alert variant="success" data-testid="qsort-done">
        <Heading level="2" size="small" spacing>{t('thanks')}</Heading>
        {t('thanksLead')}
      </Alert>
    );
  }
  if (!runtime.open) return <Alert variant="info">{t('closed')}</Alert>;

  const step = state.step as QsortStep;
  const index = qsortSteps.indexOf(step);
  const go = (to: QsortStep) => change({ ...state, step: to });
  const canContinue: Record<QsortStep, boolean> = {
    read: true,
    piles: runtime.statements.every((s) => state.piles[s.id]),
    grid: isComplete(state, runtime.grid),
    review: isComplete(state, runtime.grid),
    comments: true,
    pseudonym: true,
  };
  const nextLabel = step === 'read' ? t('readDone') : step === 'pseudonym' ? t('submit') : t('continue');
  const onNext = () => (step === 'pseudonym' ? void submit(state) : go(qsortSteps[index + 1]!));

  return (
    <VStack gap="space-16" data-testid="qsort-participant">
      <VStack gap="space-8">
        <HStack justify="space-between" align="center">
          <BodyShort size="small">{t('stepOf', { n: index + 1, total: qsortSteps.length })}</BodyShort>
          <BodyShort size="small" aria-live="polite" data-testid="save-status" className="text-ax-text-neutral-subtle">
            {saveStatus === 'saving' ? t('saving') : saveStatus === 'saved' ? t('saved') : saveStatus === 'retrying' ? t('saveFailed') : ''}
          </BodyShort>
        </HStack>
        <ProgressBar value={index + 1} valueMax={qsortSteps.length} size="small" aria-label={t('progressLabel')} />
        <Heading level="2" size="medium" data-testid="qsort-step">{t(`steps.${step}`)}</Heading>
        <BodyLong>{instructionFor(runtime.instructions, step)}</BodyLong>
      </VStack>
      {step === 'read' && (
        <ol className="m-0 list-none space-y-2 p-0">
          {runtime.statements.map((s) => <li key={s.id}><StatementCard id={s.id} text={s.text} compact /></li>)}
        </ol>
      )}
      {step === 'piles' && <PilesStep runtime={runtime} state={state} change={change} />}
      {(step === 'grid' || step === 'review') && <GridBoard runtime={runtime} state={state} change={change} onSelect={setFocus} />}
      {step === 'comments' && <CommentsStep runtime={runtime} state={state} change={change} error={error} />}
      {step === 'pseudonym' && (
        <TextField label={t('pseudonymLabel')} description={t('pseudonymHelp')} maxLength={40} value={state.pseudonym} error={errors.field('pseudonym')}
          onChange={(e) => change({ ...state, pseudonym: e.target.value })} autoComplete="off" />
      )}
      {error && !error.fields?.pseudonym && <Alert variant="error" size="small">{errors.summary}</Alert>}
      <HStack gap="space-8" justify="space-between" className="sticky bottom-0 rounded-lg bg-ax-bg-raised py-2">
        <Button variant="tertiary" disabled={index === 0} onClick={() => go(qsortSteps[index - 1]!)}>{t('back')}</Button>
        <Button disabled={!canContinue[step]} onClick={onNext}>{nextLabel}</Button>
      </HStack>
      <HelpButton live={live} statement={step === 'piles' ? (runtime.statements.find((s) => !state.piles[s.id])?.id ?? null) : step === 'grid' || step === 'review' ? focus : null} />
    </VStack>
  );
}
