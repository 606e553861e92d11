'use client';

import { BodyShort, Checkbox, Heading, Table, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useNumbers } from '@/components/use-one-decimal';
import type { QsortAnalysis } from '@/lib/protocol';
import type { QResult } from '@/lib/qmethod/types';
import { ScreePlot } from './ScreePlot';

/** Loadings, eigenvalues and correlations with two decimals, in the page's language ("0,72"). */
function useTwoDecimals() {
  const { decimal } = useNumbers();
  return (v: number | null | undefined) => (v === null || v === undefined ? '–' : decimal(v, 2));
}
const factorsOf = (r: QResult) => Array.from({ length: r.factors }, (_, f) => f);

/** Eigenvalues, explained variance, defining sorts and reliability per factor, with the scree. */
export function CharacteristicsTable({ result, scree, advice }: { result: QResult; scree: number[]; advice: QsortAnalysis['advice'] }) {
  const t = useTranslations('qsort.console');
  const n2 = useTwoDecimals();
  const { decimal } = useNumbers();
  return (
    <VStack gap="space-12">
      <Heading level="3" size="xsmall">{t('eigenvalues')}</Heading>
      <div className="overflow-x-auto">
        <Table size="small" data-testid="eigenvalues">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col" />
              {factorsOf(result).map((f) => <Table.HeaderCell key={f} scope="col">{t('factor', { n: result.factorLabels[f]! })}</Table.HeaderCell>)}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            <Table.Row><Table.HeaderCell scope="row">{t('eigenvalue')}</Table.HeaderCell>{result.eigenvalues.map((v, f) => <Table.DataCell key={f}>{n2(v)}</Table.DataCell>)}</Table.Row>
            <Table.Row><Table.HeaderCell scope="row">{t('explained')}</Table.HeaderCell>{result.explainedVariance.map((v, f) => <Table.DataCell key={f}>{decimal(v, 1)} %</Table.DataCell>)}</Table.Row>
            <Table.Row><Table.HeaderCell scope="row">{t('defining')}</Table.HeaderCell>{result.flaggedCount.map((v, f) => <Table.DataCell key={f}>{v}</Table.DataCell>)}</Table.Row>
            <Table.Row><Table.HeaderCell scope="row">{t('reliability')}</Table.HeaderCell>{result.reliability.map((v, f) => <Table.DataCell key={f}>{n2(v)}</Table.DataCell>)}</Table.Row>
          </Table.Body>
        </Table>
      </div>
      <div className="flex flex-wrap items-start gap-6">
        <ScreePlot values={scree} random={advice.parallel?.random95 ?? null} label={t('scree')} randomLabel={t('advice.randomLine')} />
        <FactorAdvicePanel advice={advice} />
      </div>
    </VStack>
  );
}

/** Loadings per sort with their flags; ticking a box flags by hand. */
export function LoadingsTable({ result, onFlag }: { result: QResult; onFlag: (sort: number, factor: number, on: boolean) => void }) {
  const t = useTranslations('qsort.console');
  const n2 = useTwoDecimals();
  return (
    <div className="max-h-[28rem] overflow-auto">
      <Table size="small" data-testid="loadings">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('sort')}</Table.HeaderCell>
            {factorsOf(result).map((f) => <Table.HeaderCell key={f} scope="col">{t('factor', { n: result.factorLabels[f]! })}</Table.HeaderCell>)}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {result.sorts.map((name, j) => (
            <Table.Row key={name}>
              <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
              {factorsOf(result).map((f) => (
                <Table.DataCell key={f} className={result.flagged[j]![f] ? 'font-bold' : ''}>
                  <Checkbox size="small" checked={result.flagged[j]![f]!} onChange={(e) => onFlag(j, f, e.target.checked)}>
                    <span className="tabular-nums">{n2(result.loadings[j]![f])}</span>
                    <span className="sr-only"> – {t('flag', { sort: name, n: result.factorLabels[f]! })}</span>
                  </Checkbox>
                </Table.DataCell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** Pearson correlations between the factors' z-scores. */
export function CorrelationsTable({ result }: { result: QResult }) {
  const t = useTranslations('qsort.console');
  const n2 = useTwoDecimals();
  return (
    <Table size="small">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell scope="col" />
          {factorsOf(result).map((f) => <Table.HeaderCell key={f} scope="col">{t('factor', { n: result.factorLabels[f]! })}</Table.HeaderCell>)}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {result.factorCorrelations.map((row, f) => (
          <Table.Row key={f}>
            <Table.HeaderCell scope="row">{t('factor', { n: result.factorLabels[f]! })}</Table.HeaderCell>
            {row.map((v, g) => <Table.DataCell key={g}>{n2(v)}</Table.DataCell>)}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** What the eigenvalues, a parallel analysis and Humphrey's rule each suggest for k: advice beside the scree. */
function FactorAdvicePanel({ advice }: { advice: QsortAnalysis['advice'] }) {
  const t = useTranslations('qsort.console.advice');
  const n2 = useTwoDecimals();
  const significant = advice.humphrey.filter((h) => h.significant).map((h) => h.factor);
  return (
    <VStack gap="space-8" className="max-w-md" data-testid="factor-advice">
      <Heading level="4" size="xsmall">{t('heading')}</Heading>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        <li data-testid="advice-kaiser">{t('kaiser', { count: advice.kaiser })}</li>
        <li data-testid="advice-parallel">{advice.parallel ? t('parallel', { count: advice.parallel.suggested, iterations: advice.parallel.iterations }) : t('parallelTooMany')}</li>
        <li data-testid="advice-humphrey">{significant.length === 0 ? t('humphreyNone') : t('humphrey', { list: significant.join(', '), count: significant.length })}</li>
      </ul>
      <details className="text-sm">
        <summary className="cursor-pointer">{t('humphreyDetails')}</summary>
        <Table size="small" className="mt-2">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('factor')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('product')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('threshold')}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {advice.humphrey.map((h) => (
              <Table.Row key={h.factor}>
                <Table.HeaderCell scope="row">{h.factor}</Table.HeaderCell>
                <Table.DataCell className="tabular-nums">{n2(h.product)}{h.significant ? ' ✓' : ''}</Table.DataCell>
                <Table.DataCell className="tabular-nums">{n2(h.threshold)}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </details>
      <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('note')}</BodyShort>
    </VStack>
  );
}
