import { BodyShort, Heading, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { FindingsOutcome } from '@/lib/results/session-results';
import { textSize, type ResultSize } from './result-size';
import { StatusBadge } from './StatusBadge';

const responses = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
const barColour = { kjenner_igjen: 'bg-ax-bg-success-strong', nyanserer: 'bg-ax-bg-warning-strong', avkrefter: 'bg-ax-bg-danger-strong' } as const;

/** Each finding: its status now, how the room answered (a split bar and the counts), and the comments. */
export function FindingsOutcomeView({ outcome, minCount, size }: { outcome: FindingsOutcome; minCount: number; size: ResultSize }) {
  const t = useTranslations('sessionResults');
  const text = textSize[size];
  // The room's summary shows what was answered; the page lists every finding, answered or not.
  const shown = size === 'page' ? outcome.findings : outcome.findings.filter((f) => f.total !== null);
  const withheld = outcome.findings.length - shown.length;
  return (
    <VStack gap="space-24">
      {shown.map((f) => (
        <section key={f.findingId} aria-labelledby={`funn-${f.findingId}`} data-testid="finding-outcome">
          <HStack gap="space-8" align="center" justify="space-between" wrap={false} className="mb-2">
            <Heading id={`funn-${f.findingId}`} level="3" size={size === 'screen' ? 'large' : 'small'}>
              {f.title}
            </Heading>
            <StatusBadge status={f.status} />
          </HStack>
          {f.counts && f.total ? (
            <VStack gap="space-8">
              <div className="flex h-3 overflow-hidden rounded-full bg-ax-bg-neutral-moderate" aria-hidden>
                {responses.map((r) => (
                  <div key={r} className={barColour[r]} style={{ width: `${(f.counts![r] / f.total!) * 100}%` }} />
                ))}
              </div>
              {/* A <dl> holds only its term–value groups: the total stands beside it. */}
              <HStack gap="space-16" align="center">
                <HStack gap="space-16" as="dl" className="m-0">
                  {responses.map((r) => (
                    <div key={r} className="flex items-center gap-2">
                      <dt className={`flex items-center gap-2 ${text}`}>
                        <span aria-hidden className={`inline-block h-3 w-3 rounded-full ${barColour[r]}`} />
                        {t(`findings.${r}`)}
                      </dt>
                      <dd className={`m-0 font-semibold tabular-nums ${text}`} data-testid={`count-${r}`}>
                        {f.counts![r]}
                      </dd>
                    </div>
                  ))}
                </HStack>
                <BodyShort className={`text-ax-text-neutral-subtle ${text}`}>{t('responses', { count: f.total })}</BodyShort>
              </HStack>
            </VStack>
          ) : (
            <BodyShort className={`text-ax-text-neutral-subtle ${text}`}>{t('tooFew', { min: minCount })}</BodyShort>
          )}
          {f.comments.length > 0 && (
            <VStack gap="space-4" className="mt-3">
              <Heading level="4" size="xsmall">
                {t('findings.comments')}
              </Heading>
              <ul className="m-0 list-none space-y-2 p-0">
                {f.comments.map((c) => (
                  <li key={c.id} className="border-0 border-l-4 border-solid border-ax-border-neutral-subtle pl-3">
                    <BodyShort className={`whitespace-pre-wrap ${text}`}>{c.text}</BodyShort>
                  </li>
                ))}
              </ul>
            </VStack>
          )}
        </section>
      ))}
      {withheld > 0 && <BodyShort className={`text-ax-text-neutral-subtle ${text}`}>{t('findings.withheld', { count: withheld, min: minCount })}</BodyShort>}
    </VStack>
  );
}
