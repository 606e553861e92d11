import { Alert, Box, VStack } from '@navikt/ds-react';
import { cookies, headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { JoinCodeForm } from '@/components/JoinCodeForm';
import { CLIENT_IP_HEADER, participantCookieName } from '@/lib/cookies';
import { normalizeJoinCode } from '@/lib/join-code';
import { getServices } from '@/server/registry';
import { pageMayLookUpCode } from '@/server/security/fetch-metadata';
import { readLiveState } from '@/lib/live-session';
import { joinQuestions } from '@/lib/workshop/runtime';
import { JoinForm } from './JoinForm';
import { ParticipantView } from './ParticipantView';
import { ResumeRedeem } from './ResumeRedeem';

export async function generateMetadata() {
  return { title: (await getTranslations('landing'))('joinHeading') };
}

/**
 * The participant's page. With a valid participant cookie for this session it shows the live
 * view directly, so a reloaded or reconnected phone is the same participant as before.
 */
export default async function ParticipantPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ fortsett?: string }> }) {
  const { code: raw } = await params;
  const { fortsett } = await searchParams;
  const t = await getTranslations('join');
  const code = normalizeJoinCode(decodeURIComponent(raw));
  const services = getServices();
  const requestHeaders = await headers();
  // Another site's <img> or iframe pointing here gets the plain code form: no lookup, so it
  // cannot spend the visitor's address's miss budget. A real visit looks up, and a miss counts
  // against the address like a join's.
  if (code && !pageMayLookUpCode((name) => requestHeaders.get(name))) return <CodeForm code={code} />;
  const found = code ? await services.codes.find(code, requestHeaders.get(CLIENT_IP_HEADER)) : null;
  const session = found?.ok ? found.data : null;
  if (!code || !session) {
    const limited = found?.ok === false && found.error.code === 'RATE_LIMITED';
    return (
      <Box background="raised" padding="space-24" borderRadius="12" className="mx-auto max-w-md">
        <VStack gap="space-16">
          <Alert variant="warning">{limited ? (await getTranslations('errors'))('RATE_LIMITED') : t('notFound', { code: code ?? raw.slice(0, 12) })}</Alert>
          <JoinCodeForm initialCode={code ?? ''} />
        </VStack>
      </Box>
    );
  }
  // A "switch device" link: redeem it here, whatever this browser had before.
  if (fortsett) return <ResumeRedeem code={code} token={fortsett} />;
  const participant = await services.live.participantFor(session.id, (await cookies()).get(participantCookieName(session.id))?.value);
  if (participant) return <ParticipantView code={code} title={session.title} />;
  const consent = await services.projects.currentConsent(session.projectId);
  // A workshop that keeps answers anonymous does not ask for a name at all.
  const { workshop, supervision, qsort } = readLiveState(session.state);
  return (
    <JoinForm code={code} title={session.title} consent={consent && { version: consent.version, text: consent.text }} askName={(!workshop || workshop.allowNames) && !qsort} nameRequired={Boolean(supervision)} questions={workshop ? joinQuestions(workshop.activities) : []} />
  );
}

function CodeForm({ code }: { code: string }) {
  return (
    <Box background="raised" padding="space-24" borderRadius="12" className="mx-auto max-w-md">
      <JoinCodeForm initialCode={code} />
    </Box>
  );
}
