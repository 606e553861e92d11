'use client';

import { Alert, BodyShort, Box, Heading, ReadMore, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { canWriteNotes, currentRound, inClosing, isLeader, listeningOnly, memberOf, outcomeOpen, type SupervisionRuntime } from '@/lib/supervision/engine';
import { CaseForm } from './CaseForm';
import { CaseView } from './CaseView';
import { EvaluationForm } from './EvaluationForm';
import { GroundRules } from './GroundRules';
import { LeaderControls } from './LeaderControls';
import { OutcomePanel } from './OutcomePanel';
import { PreviousAgreements } from './PreviousAgreements';
import { RoundHeader } from './RoundHeader';
import { RoundNotes } from './RoundNotes';
import { TurnPanel } from './TurnPanel';
import { useSupervision } from './use-supervision';

const card = { background: 'raised', padding: 'space-16', borderRadius: '12' } as const;

/** A member's phone or laptop: follows the leader, shows whose turn it is, and what they may write. */
export function SupervisionParticipant({ live, runtime }: { live: ReturnType<typeof useLiveSession>; runtime: SupervisionRuntime }) {
  const t = useTranslations('supervision');
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const { command, run, save } = useSupervision(live, setError);
  const me = live.participantId ?? '';
  const member = memberOf(runtime, me);
  const actor = { kind: 'participant' as const, participantId: me };
  const lead = isLeader(runtime, actor);
  const round = currentRound(runtime);
  const listening = listeningOnly(runtime, me);
  const sessionId = live.snapshot?.sessionId ?? '';

  if (!member) return <Alert variant="info">{t('full')}</Alert>;
  return (
    <VStack gap="space-16" data-testid="supervision-participant">
      <Tag variant={member.role === 'case_owner' ? 'warning' : 'neutral'} size="small" className="self-start" data-testid="my-role">
        {t('youAre', { role: t(`roles.${member.role}`).toLowerCase() })}
      </Tag>
      {lead && <LeaderControls runtime={runtime} run={run} />}
      {error && <Alert variant="error" size="small" role="alert">{errors.summary}</Alert>}
      <Box {...card}><RoundHeader runtime={runtime} clockOffset={live.clockOffset} showTimer={false} /></Box>
      {listening && (
        <Alert variant="info" data-testid="listening-only">
          <Heading level="2" size="xsmall" spacing>{t('listeningOnly')}</Heading>
          {t('listeningOnlyHelp')}
        </Alert>
      )}
      <TurnPanel runtime={runtime} me={me} lead={lead} run={run} />
      {runtime.current < 0 && (
        <>
          <BodyShort>{t('waitingStart')}</BodyShort>
          <GroundRules />
          {runtime.previousAgreements.length > 0 && <Box {...card}><PreviousAgreements agreements={runtime.previousAgreements} /></Box>}
        </>
      )}
      <Box {...card}>
        {member.role === 'case_owner' && runtime.current <= 0 ? (
          <>
            <Heading level="2" size="small" spacing>{t('caseHeading')}</Heading>
            <CaseForm initial={runtime.case} send={command} />
          </>
        ) : runtime.current <= 0 ? (
          <>
            <Heading level="2" size="small" spacing>{t('caseHeading')}</Heading>
            <CaseView value={runtime.case} />
          </>
        ) : (
          <ReadMore header={t('caseHeading')} defaultOpen={!inClosing(runtime)}>
            <CaseView value={runtime.case} />
          </ReadMore>
        )}
      </Box>
      {round && (
        <Box {...card}>
          <RoundNotes socket={live.socket} sessionId={sessionId} round={round} canWrite={canWriteNotes(runtime, actor, round.id)} />
        </Box>
      )}
      {outcomeOpen(runtime) && <Box {...card}><OutcomePanel outcome={live.outcome} open save={save} canRemove={lead} /></Box>}
      {inClosing(runtime) && (
        <Box {...card}>
          <BodyShort spacing>{t('closingLead')}</BodyShort>
          <EvaluationForm save={save} />
        </Box>
      )}
    </VStack>
  );
}
