import { CalendarIcon, PersonIcon } from '@navikt/aksel-icons';
import { BodyLong, BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import { findingResponses } from '@/db/schema';
import { RedactItemButton } from '@/components/RedactItemButton';
import type { FindingEvidenceView, ResponseCounts } from '@/server/services/findings-service';

const barColour = { kjenner_igjen: 'bg-ax-bg-success-strong', nyanserer: 'bg-ax-bg-warning-strong', avkrefter: 'bg-ax-bg-danger-strong' } as const;
const tagColour = { kjenner_igjen: 'success', nyanserer: 'warning', avkrefter: 'danger' } as const;
const totalOf = (c: ResponseCounts) => c.kjenner_igjen + c.nyanserer + c.avkrefter;

/** Three bars, one per response, scaled to the total so shares compare across workshops. */
function Tally({ counts, label }: { counts: ResponseCounts; label: string }) {
  const t = useTranslations('findings.response');
  const total = Math.max(1, totalOf(counts));
  return (
    <dl className="m-0 grid grid-cols-[minmax(6.5rem,auto)_1fr_auto] items-center gap-x-3 gap-y-2" aria-label={label}>
      {findingResponses.map((r) => (
        <div key={r} className="contents" data-testid={`evidence-${r}`}>
          <dt className="font-semibold">{t(r)}</dt>
          <dd className="m-0 h-4 overflow-hidden rounded-full bg-ax-bg-neutral-soft" aria-hidden>
            <div className={`h-4 rounded-full ${barColour[r]}`} style={{ width: `${(counts[r] / total) * 100}%` }} />
          </dd>
          <dd className="m-0 text-right tabular-nums">
            {counts[r]} <span className="text-ax-text-neutral-subtle">({Math.round((counts[r] / total) * 100)} %)</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What participants answered to the finding across workshops: totals, then each workshop with its comments. */
export function Evidence({ evidence, projectId }: { evidence: FindingEvidenceView; projectId: string }) {
  const t = useTranslations('findings.evidence');
  const tRedaction = useTranslations('redaction');
  const tResponse = useTranslations('findings.response');
  const format = useFormatter();
  const total = totalOf(evidence.counts);

  return (
    <section aria-labelledby="evidens">
      <Box background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <Heading id="evidens" level="2" size="medium" spacing>{t('heading')}</Heading>
        {evidence.themes.length > 0 && (
          <section aria-labelledby="temaer" className="mb-6">
            <Heading id="temaer" level="3" size="xsmall" spacing>{t('themes')}</Heading>
            <ul className="m-0 list-none space-y-2 p-0">
              {evidence.themes.map((th) => (
                <li key={th.id} className="rounded-lg border border-ax-border-neutral-subtle p-3" data-testid="linked-theme">
                  <BodyShort weight="semibold">{th.name} · {t('votes', { count: th.votes })}{th.workshop ? ` · ${th.workshop}` : ''}</BodyShort>
                  {th.notes.length > 0 && <BodyShort size="small" className="text-ax-text-neutral-subtle">{th.notes.join(' · ')}</BodyShort>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {evidence.sources.length === 0 ? (
          <BodyShort>{t('none')}</BodyShort>
        ) : (
          <VStack gap="space-24">
            <VStack gap="space-12">
              <BodyShort>{t('total', { count: total, workshops: evidence.sources.length })}</BodyShort>
              <Tally counts={evidence.counts} label={t('totalLabel')} />
            </VStack>
            {evidence.sources.map((source) => {
              const comments = evidence.comments.filter((c) => c.sourceKey === source.key);
              return (
                <section key={source.key} aria-label={source.title ?? t('unknownSource')} className="border-t border-ax-border-neutral-subtle pt-4">
                  <HStack gap="space-8" align="center" justify="space-between" className="mb-3">
                    <Heading level="3" size="xsmall">{source.title ?? t('unknownSource')}</Heading>
                    {source.date && (
                      <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
                        <CalendarIcon aria-hidden />
                        {format.dateTime(new Date(`${source.date}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' })}
                      </BodyShort>
                    )}
                  </HStack>
                  <Tally counts={source.counts} label={t('sourceLabel', { title: source.title ?? t('unknownSource') })} />
                  {comments.length === 0 ? (
                    <BodyShort size="small" className="mt-3 text-ax-text-neutral-subtle">{t('noComments')}</BodyShort>
                  ) : (
                    <ul className="m-0 mt-4 list-none space-y-2 p-0" aria-label={t('comments', { count: comments.length })}>
                      {comments.map((c) => (
                        <li key={c.id} className="rounded-lg border border-ax-border-neutral-subtle bg-ax-bg-neutral-soft p-3">
                          {c.redacted ? (
                            <BodyLong className="italic" data-testid="redacted">{tRedaction('marker')}</BodyLong>
                          ) : (
                            <BodyLong className="whitespace-pre-line">{c.text}</BodyLong>
                          )}
                          <HStack gap="space-8" align="center" className="mt-2">
                            {c.response && <Tag size="xsmall" variant="moderate" data-color={tagColour[c.response]}>{tResponse(c.response)}</Tag>}
                            <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
                              <PersonIcon aria-hidden />
                              {c.authorName ?? t('anonymous')}
                            </BodyShort>
                            {!c.redacted && <RedactItemButton projectId={projectId} itemId={c.id} />}
                          </HStack>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </VStack>
        )}
      </Box>
    </section>
  );
}
