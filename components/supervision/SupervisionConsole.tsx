'use client';

import { Alert, Box, Heading, HGrid, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { currentRound, inClosing, outcomeOpen, type SupervisionRuntime } from '@/lib/supervision/engine';
import { CaseView } from './CaseView';
import { GroundRules } from './GroundRules';
import { LeaderControls } from './LeaderControls';
import { MembersPanel } from './MembersPanel';
import { OutcomePanel } from './OutcomePanel';
import { PreviousAgreements } from './PreviousAgreements';
import { RoundHeader } from './RoundHeader';
import { RoundNotes } from './RoundNotes';
import { RoundStepper } from './RoundStepper';
import { TurnPanel } from './TurnPanel';
import { useSupervision } from './use-supervision';

const card = { background: 'raised', padding: 'space-20', borderRadius: '12', borderWidth: '1', borderColor: 'neutral-subtle' } as const;

/**
 * The veiledningsleder's console, made to be shown on the room's screen: the round, its
 * guidance and time, who has the word, and the controls to move on.
 */
export function SupervisionConsole({ live, runtime }: { live: ReturnType<typeof useLiveSession>; runtime: SupervisionRuntime }) {
  const t = useTranslations('supervision');
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const { run, save } = useSupervision(live, setError);
  const round = currentRound(runtime);
  const present = new Set((live.presence?.participants ?? []).filter((p) => p.connected).map((p) => p.participantId));

  return (
    <VStack gap="space-16" data-testid="supervision-console">
      <RoundStepper runtime={runtime} />
      <LeaderControls runtime={runtime} run={run} />
      {error && <Alert variant="error" size="small" role="alert">{errors.summary}</Alert>}
      <HGrid columns={{ xs: 1, lg: '3fr 2fr' }} gap="space-16" align="start">
        <VStack gap="space-16">
          <Box {...card}>
            <RoundHeader runtime={runtime} clockOffset={live.clockOffset} />
          </Box>
          <TurnPanel runtime={runtime} me={null} lead run={run} />
          {runtime.current < 0 && (
            <>
              <GroundRules />
              <Box {...card}><PreviousAgreements agreements={runtime.previousAgreements} /></Box>
            </>
          )}
          <Box {...card}>
            <Heading level="2" size="small" spacing>{t('caseHeading')}</Heading>
            <CaseView value={runtime.case} />
          </Box>
        </VStack>
        <VStack gap="space-16">
          {runtime.current < 0 && <Box {...card}><MembersPanel runtime={runtime} run={run} present={present} /></Box>}
          {round && <Box {...card}><RoundNotes socket={live.socket} sessionId={live.snapshot?.sessionId ?? ''} round={round} canWrite /></Box>}
          {(outcomeOpen(runtime) || inClosing(runtime)) && (
            <Box {...card}><OutcomePanel outcome={live.outcome} open={outcomeOpen(runtime)} save={save} canRemove /></Box>
          )}
          {runtime.current >= 0 && <Box {...card}><MembersPanel runtime={runtime} run={run} present={present} /></Box>}
        </VStack>
      </HGrid>
    </VStack>
  );
}
