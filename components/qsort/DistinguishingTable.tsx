'use client';

import { Table } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { QdcLabel, QResult } from '@/lib/qmethod/types';

/** Statements that distinguish factors or are consensus, with each factor's array value. */
export function DistinguishingTable({ result, texts }: { result: QResult; texts: Record<string, string> }) {
  const t = useTranslations('qsort.console');
  const label = (l: QdcLabel): string => {
    switch (l.kind) {
      case 'consensus':
        return t('qdc.consensus');
      case 'distinguishing':
        return t('qdc.distinguishing');
      case 'distinguishes-only':
        return t('qdc.only', { n: result.factorLabels[l.factor - 1]! });
      case 'distinguishes-all':
        return t('qdc.all');
      case 'distinguishes':
        return t('qdc.some', { list: l.factors.map((f) => result.factorLabels[f - 1]!).join(', ') });
      case 'none':
        return '';
    }
  };
  const rows = result.statements.map((id, s) => ({ id, s, label: label(result.qdcLabels[s]!) })).filter((r) => r.label);
  const factors = Array.from({ length: result.factors }, (_, f) => f);
  return (
    <div className="max-h-[32rem] overflow-auto">
      <Table size="small" data-testid="distinguishing">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('statement')}</Table.HeaderCell>
            {factors.map((f) => <Table.HeaderCell key={f} scope="col">{t('arrayValue', { n: result.factorLabels[f]! })}</Table.HeaderCell>)}
            <Table.HeaderCell scope="col">{t('label')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map(({ id, s, label: text }) => (
            <Table.Row key={id}>
              <Table.DataCell><strong>{id}</strong> {texts[id]}</Table.DataCell>
              {factors.map((f) => {
                const v = result.factorArrays[s]![f];
                return <Table.DataCell key={f} className="tabular-nums" title={t('zscore', { n: result.factorLabels[f]! })}>{v === null || v === undefined ? '–' : v > 0 ? `+${v}` : v}</Table.DataCell>;
              })}
              <Table.DataCell>{text}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
