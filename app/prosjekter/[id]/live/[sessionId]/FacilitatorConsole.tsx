'use client';

import { isFullWorkshop } from '@/lib/workshop/view';
import { Alert, BodyShort, Box, Button, CopyButton, Heading, HGrid, HStack, Link as AkselLink, Loader, Modal, Switch, Textarea, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SharedNotes } from '@/components/live/SharedNotes';
import { useLiveSession } from '@/components/live/use-live-session';
import { Announcer } from '@/components/live/Announcer';
import { ConnectionBanner } from '@/components/live/ConnectionBanner';
import { ArchiveStatusBanner } from '@/components/live/ArchiveStatusBanner';
import { formatJoinCode } from '@/lib/join-code';
import { clientEvents } from '@/lib/protocol';
import type { AppError } from '@/lib/errors';
import { useFormErrors } from '@/components/use-form-errors';
import { ParticipantCapForm } from './ParticipantCapForm';
import { ParticipantList } from './ParticipantList';
import { WorkshopConsole } from './WorkshopConsole';
import { JoinCard } from '@/components/console/JoinCard';
import { SupervisionConsole } from '@/components/supervision/SupervisionConsole';
import { QsortConsole } from '@/components/qsort/QsortConsole';
import { ConsoleResults } from '@/components/results/ConsoleResults';

export function FacilitatorConsole({ projectId, sessionId, title, joinUrl, joinHost, qrSvg }: {
  projectId: string;
  sessionId: string;
  title: string;
  joinUrl: string;
  joinHost: string;
  qrSvg: string;
}) {
  const t = useTranslations('console');
  const tProject = useTranslations('project');
  const tParticipant = useTranslations('participant');
  const live = useLiveSession({ as: 'facilitator', sessionId });
  const [message, setMessage] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const endDialog = useRef<HTMLDialogElement>(null);
  const snapshot = live.snapshot;
  const ended = snapshot?.status === 'ended';
  const workshop = snapshot?.state.workshop && isFullWorkshop(snapshot.state.workshop) && !ended ? snapshot.state.workshop : null;
  // Once the room is under way the join code moves to the side column: the screen shows it big.
  const started = workshop !== null && workshop.current >= 0;

  async function run(command: Parameters<typeof live.send>[0]) {
    const result = await live.send(command);
    setError(result.ok ? null : result.error);
    return result.ok;
  }

  const participantList = snapshot && (
    <ParticipantList
      presence={live.presence}
      onErase={async (number) => {
        const r = await live.call(clientEvents.eraseParticipant, { sessionId, number });
        return r.ok ? null : r.error;
      }}
    />
  );
  const sessionPanels = snapshot && (
    <>
      {snapshot.state.workshop && !ended && <ConsoleResults projectId={projectId} sessionId={sessionId} ended={false} summary={snapshot.state.summary} />}
      {!ended && (
        <Box background="raised" padding="space-20" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              if (await run({ type: 'setMessage', message })) setMessage('');
            }}
          >
            <VStack gap="space-12">
              <Textarea label={t('message')} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={500} minRows={2} />
              {snapshot.state.message && (
                <BodyShort size="small" className="rounded bg-ax-bg-accent-soft p-2" data-testid="current-message">
                  {snapshot.state.message}
                </BodyShort>
              )}
              <HStack gap="space-8">
                <Button type="submit" size="small">
                  {t('sendMessage')}
                </Button>
                {snapshot.state.message && (
                  <Button type="button" size="small" variant="tertiary" onClick={() => run({ type: 'setMessage', message: null })}>
                    {t('clearMessage')}
                  </Button>
                )}
              </HStack>
            </VStack>
          </form>
          <div className="mt-4">
            <Switch checked={snapshot.state.joinOpen} onChange={(e) => void run({ type: 'setJoinOpen', open: e.target.checked })}>
              {t('joinOpen')}
            </Switch>
          </div>
          <div className="mt-4">
            <ParticipantCapForm key={snapshot.state.participantCap} cap={snapshot.state.participantCap} onSave={(cap) => run({ type: 'setParticipantCap', cap })} />
          </div>
          <div className="mt-4">
            <Button variant="danger" size="small" onClick={() => endDialog.current?.showModal()}>
              {t('endSession')}
            </Button>
          </div>
        </Box>
      )}
      {(snapshot.state.workshop || (!snapshot.state.supervision && !snapshot.state.qsort)) && <Box background="raised" padding="space-20" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <SharedNotes
          socket={live.socket}
          sessionId={sessionId}
          ready={snapshot !== null}
          label={t('sharedNotes')}
          description={t('sharedNotesHelp')}
          onRedactPassage={async (docName, passage) => {
            const r = await live.call(clientEvents.redact, { sessionId, target: { type: 'passage', docName, text: passage } });
            return r.ok ? null : r.error;
          }}
        />
      </Box>}
    </>
  );

  return (
    <VStack gap="space-24" data-wide-layout={workshop ? '' : undefined}>
      <HStack justify="space-between" align="center" gap="space-12">
        <Heading level="1" size="large">
          {title}
        </Heading>
        <AkselLink as={Link} href={`/prosjekter/${projectId}`}>
          {t('backToProject')}
        </AkselLink>
      </HStack>
      <Announcer live={live} />
      <ConnectionBanner status={live.status} error={live.error} />
      <ArchiveStatusBanner live={live} sessionId={sessionId} />
      {errors.summary && <Alert variant="error">{errors.summary}</Alert>}
      {!snapshot ? (
        <Loader size="2xlarge" title={tParticipant('connecting')} />
      ) : (
        <>
          {ended && <Alert variant="info">{t('ended')}</Alert>}
          {snapshot.state.workshop && ended && <ConsoleResults projectId={projectId} sessionId={sessionId} ended summary={snapshot.state.summary} />}
          {!ended && !started && (
            <Box background="raised" padding="space-24" borderRadius="12" shadow="dialog">
              <HGrid columns={{ xs: 1, md: '1fr auto' }} gap="space-24" align="center">
                <VStack gap="space-8">
                  <BodyShort size="large">{t('joinAt', { url: joinHost })}</BodyShort>
                  <p className="m-0 font-mono text-6xl font-bold tracking-widest sm:text-7xl" aria-label={`${t('code')}: ${snapshot.code.split('').join(' ')}`} data-testid="join-code">
                    {formatJoinCode(snapshot.code)}
                  </p>
                  <HStack gap="space-8" align="center">
                    <BodyShort size="small" className="break-all">
                      {joinUrl}
                    </BodyShort>
                    <CopyButton copyText={joinUrl} size="small" title={t('copyLink')} />
                  </HStack>
                </VStack>
                <div
                  role="img"
                  aria-label={t('qrAlt', { url: joinUrl })}
                  className="h-44 w-44 justify-self-center sm:h-52 sm:w-52 [&>svg]:h-full [&>svg]:w-full"
                  dangerouslySetInnerHTML={{ __html: qrSvg }}
                />
              </HGrid>
            </Box>
          )}
          {workshop && (
            <WorkshopConsole live={live} runtime={workshop} screenUrl={`/skjerm/${sessionId}`}
              side={<>
                {started && <JoinCard code={snapshot.code} joinUrl={joinUrl} joinHost={joinHost} qrSvg={qrSvg} />}
                {participantList}
                {sessionPanels}
              </>} />
          )}
          {/* Inside a workshop, its console shows a Q-sort or kollegaveiledning when that step is current. */}
          {snapshot.state.supervision && !snapshot.state.workshop && !ended && <SupervisionConsole live={live} runtime={snapshot.state.supervision} />}
          {snapshot.state.qsort && !(snapshot.state.workshop && !ended) && <QsortConsole live={live} runtime={snapshot.state.qsort} projectId={projectId} />}
          {!workshop && (
            <HGrid columns={{ xs: 1, md: 2 }} gap="space-24" align="start">
              {participantList}
              <VStack gap="space-16">{sessionPanels}</VStack>
            </HGrid>
          )}
          <Modal ref={endDialog} header={{ heading: t('endSession') }} width="small">
            <Modal.Body>
              <BodyShort>{t('endConfirm')}</BodyShort>
            </Modal.Body>
            <Modal.Footer>
              <Button
                variant="danger"
                onClick={async () => {
                  await run({ type: 'end' });
                  endDialog.current?.close();
                }}
              >
                {t('endSession')}
              </Button>
              <Button variant="secondary" onClick={() => endDialog.current?.close()}>
                {tProject('cancel')}
              </Button>
            </Modal.Footer>
          </Modal>
        </>
      )}
    </VStack>
  );
}
