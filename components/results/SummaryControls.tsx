'use client';

import { Alert, BodyShort, Box, Button, Heading, HStack, Switch, VStack } from '@navikt/ds-react';
import { MonitorIcon } from '@navikt/aksel-icons';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { setSessionSummaryAction } from '@/app/_actions/session-results-actions';
import { ScreenPager } from '@/components/console/ScreenPager';
import type { ErrorCode } from '@/lib/errors';

/**
 * The facilitator's two summary switches: the closing summary on the big screen (with its page
 * turner), and whether the phones get a short summary when the session ends. Each is a live
 * command (through `decide`), sent by a server action; the screen and phones hear of it with
 * the committed state.
 */
export function SummaryControls({ projectId, sessionId, summary }: { projectId: string; sessionId: string; summary: { screen: boolean; phones: boolean } }) {
  const t = useTranslations('sessionResults.controls');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [state, setState] = useState(summary);
  const [pending, setPending] = useState<'screen' | 'phones' | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function send(command: { type: 'showSummary'; show: boolean } | { type: 'setPhoneSummary'; on: boolean }) {
    const before = state;
    setPending(command.type === 'showSummary' ? 'screen' : 'phones');
    setError(null);
    // The switch moves at once; the committed state (or the old one, on a refusal) follows.
    if (command.type === 'setPhoneSummary') setState({ ...state, phones: command.on });
    const result = await setSessionSummaryAction(projectId, sessionId, command);
    setPending(null);
    if (!result.ok) {
      setState(before);
      return setError(result.error.code);
    }
    setState(result.data);
    router.refresh();
  }

  async function turn(step: 1 | -1) {
    const result = await setSessionSummaryAction(projectId, sessionId, { type: 'turnScreenPage', step });
    setError(result.ok ? null : result.error.code);
  }

  return (
    <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" data-testid="summary-controls">
      <VStack gap="space-12">
        <Heading level="2" size="small">
          {t('heading')}
        </Heading>
        <HStack gap="space-12" align="center" wrap>
          <Button size="small" variant={state.screen ? 'secondary' : 'primary'} icon={<MonitorIcon aria-hidden />} loading={pending === 'screen'} onClick={() => send({ type: 'showSummary', show: !state.screen })}>
            {state.screen ? t('hideOnScreen') : t('showOnScreen')}
          </Button>
          {state.screen && (
            <BodyShort size="small" role="status">
              {t('onScreen')}
            </BodyShort>
          )}
        </HStack>
        {state.screen && <ScreenPager onTurn={(step) => void turn(step)} />}
        <Switch size="small" checked={state.phones} disabled={pending !== null} onChange={(e) => send({ type: 'setPhoneSummary', on: e.target.checked })}>
          {t('phones')}
        </Switch>
        {error && (
          <Alert variant="error" size="small">
            {tErrors(error)}
          </Alert>
        )}
      </VStack>
    </Box>
  );
}
