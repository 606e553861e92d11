import { BodyShort, Heading, Table, VStack } from '@navikt/ds-react';
// The parts by name: `Table.Row` is a property of a client component, out of reach from the server.
import { TableBody, TableDataCell, TableHeader, TableHeaderCell, TableRow } from '@navikt/ds-react/Table';
import { useTranslations } from 'next-intl';
import type { ClosingOutcome } from '@/lib/results/session-results';
import { textSize, type ResultSize } from './result-size';
import { useOneDecimal } from '@/components/use-one-decimal';

const values = [0, 1, 2, 3, 4] as const;

/** The evaluation: per question how many gave 0–4 and the mean (a table), then the free texts. */
export function ClosingOutcomeView({ outcome, minCount, size }: { outcome: ClosingOutcome; minCount: number; size: ResultSize }) {
  const t = useTranslations('sessionResults');
  const oneDecimal = useOneDecimal();
  const text = textSize[size];
  return (
    <VStack gap="space-16">
      <BodyShort size="small" className="text-ax-text-neutral-subtle">
        {outcome.respondents === null ? t('tooFew', { min: minCount }) : `${t('closing.respondents', { count: outcome.respondents })} · ${t('closing.scale')}`}
      </BodyShort>
      {size === 'phone' ? (
        <ul className="m-0 list-none space-y-3 p-0">
          {outcome.questions.map((q) => (
            <li key={q.id}>
              <BodyShort size="small">{q.text}</BodyShort>
              <BodyShort weight="semibold">{q.mean === null ? '–' : t('question.meanValue', { value: oneDecimal(q.mean) })}</BodyShort>
            </li>
          ))}
        </ul>
      ) : (
        <Table size={size === 'screen' ? 'large' : 'small'} data-testid="evaluation-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('closing.question')}</TableHeaderCell>
              {values.map((v) => (
                <TableHeaderCell key={v} scope="col" align="right">
                  {v}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col" align="right">
                {t('closing.mean')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.questions.map((q) => {
              const most = Math.max(1, ...(q.distribution ?? [0]));
              return (
                <TableRow key={q.id}>
                  <TableHeaderCell scope="row" className={`font-normal ${text}`}>
                    {q.text}
                  </TableHeaderCell>
                  {values.map((v) => {
                    const n = q.distribution?.[v];
                    return (
                      <TableDataCell key={v} align="right" className={`tabular-nums ${text}`}>
                        {n === undefined ? '–' : (
                          <span className="inline-flex min-w-8 justify-end rounded px-1" style={{ backgroundColor: n ? `color-mix(in srgb, var(--ax-bg-accent-strong) ${Math.round((n / most) * 45)}%, transparent)` : undefined }}>
                            {n}
                          </span>
                        )}
                      </TableDataCell>
                    );
                  })}
                  <TableDataCell align="right" className={`font-semibold tabular-nums ${text}`}>
                    {q.mean === null ? '–' : oneDecimal(q.mean)}
                  </TableDataCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {outcome.texts.length > 0 && (
        <section>
          <Heading level="3" size="xsmall" spacing>
            {t('closing.texts')}
            {outcome.freeTextQuestion ? `: ${outcome.freeTextQuestion}` : ''}
          </Heading>
          <ul className="m-0 list-none space-y-2 p-0">
            {outcome.texts.map((x) => (
              <li key={x.id} className="border-0 border-l-4 border-solid border-ax-border-neutral-subtle pl-3">
                <BodyShort className={`whitespace-pre-wrap ${text}`}>{x.text}</BodyShort>
              </li>
            ))}
          </ul>
        </section>
      )}
    </VStack>
  );
}
