import { BodyLong, BodyShort, Box, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { FactorArrayGrid } from '@/components/qsort/FactorArrayGrid';
import type { Grid } from '@/lib/qsort/grid';
import type { QsortFactorRecord } from '@/server/services/feedback-archive';

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

/** A named factor: its description, its array as the filled grid, and what sets it apart. */
export function QsortFactor({ factor, grid, texts }: { factor: QsortFactorRecord; grid: Grid | null; texts: Record<string, string> }) {
  const t = useTranslations('feedbackArchive.study');
  const number = t('factor', { number: factor.label ?? factor.number });
  // A factor kept without a name, or named just "Faktor 2", is titled by its number alone.
  const named = factor.name.trim() !== '' && factor.name.trim().toLocaleLowerCase() !== number.toLocaleLowerCase();
  const distinguishing = [...factor.distinguishing].sort((a, b) => b.value - a.value || b.z - a.z);
  return (
    <Box as="section" aria-label={named ? factor.name : number} padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="border-l-4 border-l-ax-border-accent" data-testid="qsort-factor">
      <VStack gap="space-12">
        <div>
          <BodyShort size="small" className="text-ax-text-neutral-subtle">
            {named ? `${number} · ` : ''}
            {t('definingSorts', { count: factor.definingSorts })}
          </BodyShort>
          <Heading level="4" size="small" className="break-words">
            {named ? factor.name : number}
          </Heading>
          {factor.description && <BodyLong className="mt-1 whitespace-pre-wrap">{factor.description}</BodyLong>}
        </div>

        {factor.array && grid ? (
          <div className="space-y-2">
            <BodyShort size="small" className="text-ax-text-neutral-subtle">
              {t('arrayHelp')}
            </BodyShort>
            {/* Narrow screens scroll a wide grid sideways rather than squeeze its cells unreadable. */}
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('array', { number: factor.number })}>
              <div style={{ minWidth: `${grid.counts.length * 1.6}rem` }}>
                <FactorArrayGrid grid={grid} array={factor.array} texts={texts} highlight={factor.distinguishing.map((d) => d.id)} label={t('array', { number: factor.number })} />
              </div>
            </div>
          </div>
        ) : (
          !factor.array && <BodyShort size="small">{t('noArray')}</BodyShort>
        )}

        {factor.array && (
          <div>
            <Heading level="5" size="xsmall" spacing>
              {t('distinguishing')}
            </Heading>
            {distinguishing.length === 0 ? (
              <BodyShort size="small">{t('noDistinguishing')}</BodyShort>
            ) : (
              <ul className="m-0 list-none space-y-2 p-0">
                {distinguishing.map((d) => (
                  <li key={d.id} className="flex items-baseline gap-3">
                    <span aria-hidden className="min-w-10 shrink-0 rounded bg-ax-bg-accent-strong px-1 text-center font-semibold tabular-nums text-ax-text-accent-contrast">
                      {signed(d.value)}
                    </span>
                    <span className="sr-only">{t('valueLabel', { value: signed(d.value) })}</span>
                    <BodyShort>
                      <strong className="tabular-nums">{d.id}</strong> {texts[d.id] ?? ''}
                    </BodyShort>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </VStack>
    </Box>
  );
}
