'use client';

import type { AppError } from '@/lib/errors';
import { roomTimer } from '@/lib/live/announcements';
import { workshopViewOf } from '@/lib/workshop/view';
import { Alert, BodyShort, Box, Button, Heading, HStack, Link, Loader, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Announcer } from '@/components/live/Announcer';
import { ConnectionBanner } from '@/components/live/ConnectionBanner';
import { PhoneStatusBar } from '@/components/live/PhoneStatusBar';
import { ResumeLink } from '@/components/live/ResumeLink';
import { WithdrawAll } from '@/components/live/WithdrawAll';
import { useLiveSession } from '@/components/live/use-live-session';
import dynamic from 'next/dynamic';
import { StepLoading } from '@/components/activities/phone-parts';
import { WorkshopParticipant } from './WorkshopParticipant';

// What a session shows depends on its kind and step; a phone loads only what it shows (the
// Q grid, a kollegaveiledning, the shared notes' Yjs, the summary are chunks of their own, and
// a workshop's steps load per kind: components/activities/phone-parts.tsx).
const SupervisionParticipant = dynamic(() => import('@/components/supervision/SupervisionParticipant').then((m) => m.SupervisionParticipant), { loading: StepLoading });
const QsortParticipant = dynamic(() => import('@/components/qsort/QsortParticipant').then((m) => m.QsortParticipant), { loading: StepLoading });
const SharedNotes = dynamic(() => import('@/components/live/SharedNotes').then((m) => m.SharedNotes), { loading: StepLoading });
const PhoneSummary = dynamic(() => import('@/components/results/PhoneSummary').then((m) => m.PhoneSummary), { loading: StepLoading });

export function ParticipantView({ code, title }: { code: string; title: string }) {
  const t = useTranslations('participant');
  const tNotes = useTranslations('console');
  const live = useLiveSession({ as: 'participant', code });
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  // Grows with each withdrawal, so the activity views remount and reload what is left (nothing).
  const [withdrawals, setWithdrawals] = useState(0);
  const snapshot = live.snapshot;
  // Let go of while the session runs (moved, removed, a rejoin refused); an ended session keeps its closing view.
  const letGo = live.status === 'failed' && live.wasJoined && snapshot?.status !== 'ended';

  async function saveName(event: FormEvent) {
    event.preventDefault();
    const result = await live.rename(name.trim() || null);
    if (result.ok) setEditing(false);
  }

  return (
    <VStack gap="space-16" className="phone-room mx-auto max-w-xl">
      <Heading level="1" size="medium">
        {snapshot?.title ?? title}
      </Heading>
      <Announcer live={live} />
      {!letGo && live.status === 'failed' && <ConnectionBanner status={live.status} error={live.error} />}
      {!letGo && <PhoneStatusBar status={live.status} timer={snapshot?.status === 'open' ? roomTimer(snapshot.state) : null} clockOffset={live.clockOffset} />}
      {letGo ? (
        // Let go of (moved to another device, removed, a rejoin refused): no form stays to type into.
        <LetGo code={code} error={live.error} />
      ) : !snapshot ? (
        live.status !== 'failed' && <Loader size="xlarge" title={t('connecting')} />
      ) : snapshot.status === 'ended' ? (
        <>
          <Alert variant="success">{t('ended')}</Alert>
          {snapshot.state.summary.phones && <PhoneSummary sessionId={snapshot.sessionId} version={snapshot.version} />}
        </>
      ) : (
        <>
          {snapshot.state.message && (
            <Alert variant="info" role="status">
              <Heading level="2" size="xsmall" spacing>
                {t('messageFromFacilitator')}
              </Heading>
              <span data-testid="facilitator-message">{snapshot.state.message}</span>
            </Alert>
          )}
          {snapshot.state.workshop && (
            <Box background="raised" padding={{ xs: 'space-12', sm: 'space-16' }} borderRadius="8" key={`workshop-${withdrawals}`}>
              <WorkshopParticipant live={live} runtime={workshopViewOf(snapshot.state.workshop)} />
            </Box>
          )}
          {/* Inside a workshop, its view shows a Q-sort or kollegaveiledning when that step is current. */}
          {snapshot.state.supervision && !snapshot.state.workshop && <SupervisionParticipant key={`supervision-${withdrawals}`} live={live} runtime={snapshot.state.supervision} />}
          {snapshot.state.qsort && !snapshot.state.workshop && <Box background="raised" padding="space-16" borderRadius="8" key={`qsort-${withdrawals}`}><QsortParticipant live={live} runtime={snapshot.state.qsort} /></Box>}
          {!snapshot.state.workshop && !snapshot.state.supervision && !snapshot.state.qsort && <Box background="raised" padding="space-16" borderRadius="8">
            <SharedNotes socket={live.socket} sessionId={snapshot.sessionId} ready label={tNotes('sharedNotes')} description={tNotes('sharedNotesHelp')} />
          </Box>}
          {/* Who I am and the ways out come after the step itself, which is what a phone is for. */}
          <Box background="raised" padding="space-16" borderRadius="8">
            <BodyShort spacing>{t('waiting')}</BodyShort>
            {(snapshot.state.workshop ? !snapshot.state.workshop.allowNames : snapshot.state.qsort) ? (
              <BodyShort data-testid="participant-identity">{t('joinedAnonymously')}</BodyShort>
            ) : editing ? (
              <form onSubmit={saveName}>
                <HStack gap="space-8" align="end">
                  <TextField label={t('changeName')} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
                  <Button type="submit">
                    {t('saveName')}
                  </Button>
                </HStack>
              </form>
            ) : (
              <HStack gap="space-8" align="center" justify="space-between">
                <BodyShort data-testid="participant-identity">
                  {live.displayName ? t('joinedAs', { name: live.displayName }) : t('joinedAnonymously')}
                </BodyShort>
                <Button
                  variant="tertiary"
                  onClick={() => {
                    setName(live.displayName ?? '');
                    setEditing(true);
                  }}
                >
                  {t('changeName')}
                </Button>
              </HStack>
            )}
            {/* A count is only true while connected; offline, the status bar says so instead. */}
            {live.presence && live.status === 'connected' && (
              <BodyShort className="mt-2 text-ax-text-neutral-subtle" data-testid="participants-online">
                {t('participantsOnline', { count: live.presence.connectedCount })}
              </BodyShort>
            )}
            <div className="mt-2"><ResumeLink live={live} code={code} /></div>
            <div className="mt-2"><WithdrawAll live={live} onDone={() => setWithdrawals((n) => n + 1)} /></div>
          </Box>
        </>
      )}
    </VStack>
  );
}

/** Says where the work went when this device no longer takes part, and offers a way back in. */
function LetGo({ code, error }: { code: string; error: AppError | null }) {
  const t = useTranslations('phone');
  const tErrors = useTranslations('errors');
  if (error?.code === 'DEVICE_MOVED') {
    return (
      <Alert variant="info" data-testid="device-moved">
        <Heading level="2" size="small" spacing>{t('movedHeading')}</Heading>
        {t('moved')}
      </Alert>
    );
  }
  return (
    <Alert variant="warning" data-testid="let-go">
      <Heading level="2" size="small" spacing>{error?.code === 'NOT_JOINED' ? t('noLongerJoined') : tErrors(error?.code ?? 'INTERNAL')}</Heading>
      <Link href={`/delta/${encodeURIComponent(code)}`}>{t('joinAgain')}</Link>
    </Alert>
  );
}
