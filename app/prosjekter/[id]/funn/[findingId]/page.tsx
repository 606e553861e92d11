import { BodyLong, BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import { getServices } from '@/server/registry';
import { StatusForm } from './StatusForm';

const barColour = { kjenner_igjen: 'bg-ax-bg-success-strong', nyanserer: 'bg-ax-bg-warning-strong', avkrefter: 'bg-ax-bg-danger-strong' } as const;

/** One finding with everything the workshops said about it, and its status history. */
export default async function FindingPage({ params }: { params: Promise<{ id: string; findingId: string }> }) {
  const { id, findingId } = await params;
  const user = await requireUser(`/prosjekter/${id}/funn/${findingId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(findingId).success) notFound();
  const result = await getServices().findingEvidence.get(user.id, id, findingId);
  if (!result.ok) notFound();
  const { finding, evidence, history } = result.data;
  const t = await getTranslations('evidence');
  const tLive = await getTranslations('live');
  const tStatus = await getTranslations('project.status');
  const format = await getFormatter();
  const total = evidence.counts.kjenner_igjen + evidence.counts.nyanserer + evidence.counts.avkrefter;
  const max = Math.max(1, ...Object.values(evidence.counts));

  return (
    <VStack gap="space-24">
      <Link href={`/prosjekter/${id}`} className="aksel-link">{t('back')}</Link>
      <HStack gap="space-12" align="center">
        <Heading level="1" size="large">{finding.title}</Heading>
        <Tag variant={finding.status === 'forelopig' ? 'neutral' : 'success'} data-testid="finding-status">{tStatus(finding.status)}</Tag>
      </HStack>
      <FindingCardView finding={{ ...finding }} />
      <section aria-labelledby="evidence">
        <Box background="raised" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
          <Heading id="evidence" level="2" size="medium" spacing>{t('heading')}</Heading>
          {total === 0 && evidence.themes.length === 0 ? (
            <BodyShort>{t('none')}</BodyShort>
          ) : (
            <VStack gap="space-16">
              <BodyShort>{t('responses', { count: total })}</BodyShort>
              {(['kjenner_igjen', 'nyanserer', 'avkrefter'] as const).map((r) => (
                <div key={r} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-3">
                  <span className="font-semibold">{tLive(`response.${r}`)}</span>
                  <div className="h-5 rounded bg-ax-bg-neutral-soft"><div className={`h-5 rounded ${barColour[r]}`} style={{ width: `${(evidence.counts[r] / max) * 100}%` }} /></div>
                  <span className="text-right tabular-nums">{evidence.counts[r]}</span>
                </div>
              ))}
              {evidence.comments.length > 0 && (
                <VStack gap="space-8" as="ul" className="m-0 list-none p-0" aria-label={tLive('comments')}>
                  {evidence.comments.map((c) => (
                    <li key={c.id} className="rounded-md border border-ax-border-neutral-subtle p-3">
                      <BodyLong>{c.text}</BodyLong>
                      <BodyShort size="small" className="text-ax-text-neutral-subtle">
                        {[c.response ? tLive(`response.${c.response as 'kjenner_igjen'}`) : null, c.workshop, c.date ? format.dateTime(new Date(`${c.date}T12:00:00`), { dateStyle: 'medium' }) : null, c.authorName].filter(Boolean).join(' · ')}
                      </BodyShort>
                    </li>
                  ))}
                </VStack>
              )}
              {evidence.themes.length > 0 && (
                <div>
                  <Heading level="3" size="xsmall" spacing>{t('themes')}</Heading>
                  <ul className="m-0 pl-5">
                    {evidence.themes.map((th) => <li key={th.id}>{th.text} – {tLive('votes', { count: th.votes })}{th.workshop ? ` (${th.workshop})` : ''}</li>)}
                  </ul>
                </div>
              )}
            </VStack>
          )}
        </Box>
      </section>
      <StatusForm projectId={id} findingId={findingId} current={finding.status} />
      <section aria-labelledby="history">
        <Heading id="history" level="2" size="small" spacing>{t('history')}</Heading>
        {history.length === 0 ? (
          <BodyShort>{t('noHistory')}</BodyShort>
        ) : (
          <ol className="m-0 list-none space-y-2 p-0">
            {history.map((h) => (
              <li key={h.id} className="rounded-md bg-ax-bg-raised p-3">
                <BodyShort weight="semibold">{tStatus(h.fromStatus)} → {tStatus(h.toStatus)}</BodyShort>
                {h.note && <BodyLong>{h.note}</BodyLong>}
                <BodyShort size="small" className="text-ax-text-neutral-subtle">{[h.by, format.dateTime(h.changedAt, { dateStyle: 'medium', timeStyle: 'short' })].filter(Boolean).join(' · ')}</BodyShort>
              </li>
            ))}
          </ol>
        )}
      </section>
    </VStack>
  );
}
