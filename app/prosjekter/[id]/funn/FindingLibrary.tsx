'use client';

import { ArrowDownIcon, ArrowUpIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Button, Chips, Table, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { moveFindingAction } from '@/app/_actions/finding-actions';
import type { FindingStatus } from '@/db/schema';
import { findingStatuses } from '@/lib/finding-schemas';
import { FindingDetails } from './FindingDetails';
import type { PhaseOption } from './FindingForm';
import type { FindingView } from './finding-view';
import { StatusTag } from './StatusTag';

/**
 * The library as a table in the facilitators' order: expand a row to read, edit or delete
 * the finding; arrows move it. A status filter narrows the list; reordering then pauses,
 * since a hidden neighbour would make "up" mean something the reader cannot see.
 */
export function FindingLibrary({ projectId, findings, phases }: { projectId: string; findings: FindingView[]; phases: PhaseOption[] }) {
  const t = useTranslations('findings.library');
  const tStatus = useTranslations('project.status');
  const [filter, setFilter] = useState<FindingStatus | null>(null);
  const [pending, startTransition] = useTransition();
  const shown = filter ? findings.filter((f) => f.status === filter) : findings;
  const move = (id: string, direction: -1 | 1) => startTransition(async () => void (await moveFindingAction(projectId, id, direction)));

  if (findings.length === 0) return <BodyShort>{t('empty')}</BodyShort>;
  return (
    <VStack gap="space-16">
      <Chips aria-label={t('filterLabel')}>
        <Chips.Toggle selected={filter === null} checkmark={false} onClick={() => setFilter(null)}>
          {t('filterAll', { count: findings.length })}
        </Chips.Toggle>
        {findingStatuses.map((s) => (
          <Chips.Toggle key={s} selected={filter === s} checkmark={false} onClick={() => setFilter(filter === s ? null : s)}>
            {`${tStatus(s)} (${findings.filter((f) => f.status === s).length})`}
          </Chips.Toggle>
        ))}
      </Chips>
      {filter && <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('reorderPaused')}</BodyShort>}
      {shown.length === 0 ? (
        <BodyShort>{t('emptyFilter')}</BodyShort>
      ) : (
        <Box background="raised" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="overflow-x-auto">
        <Table size="medium" className="w-full">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell aria-label={t('expand')} />
              <Table.HeaderCell scope="col" className="hidden w-10 sm:table-cell">{t('number')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('title')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hidden md:table-cell">{t('themeAndPhase')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hidden sm:table-cell">{t('status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">{t('order')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {shown.map((f) => {
              const index = findings.indexOf(f);
              return (
                <Table.ExpandableRow key={f.id} content={<FindingDetails projectId={projectId} finding={f} phases={phases} />} data-testid="finding-row">
                  <Table.DataCell className="hidden tabular-nums text-ax-text-neutral-subtle sm:table-cell">{index + 1}</Table.DataCell>
                  <Table.DataCell>
                    <Link href={`/prosjekter/${projectId}/funn/${f.id}`} className="aksel-link font-semibold">
                      {f.title}
                    </Link>
                    {(f.theme || f.phaseName) && (
                      <BodyShort size="small" className="text-ax-text-neutral-subtle md:hidden">
                        {[f.theme, f.phaseName].filter(Boolean).join(' · ')}
                      </BodyShort>
                    )}
                    <div className="mt-1 sm:hidden">
                      <StatusTag status={f.status} size="xsmall" />
                    </div>
                  </Table.DataCell>
                  <Table.DataCell className="hidden md:table-cell">
                    {f.theme}
                    {f.phaseName && <BodyShort size="small" className="text-ax-text-neutral-subtle">{f.phaseName}</BodyShort>}
                  </Table.DataCell>
                  <Table.DataCell className="hidden sm:table-cell">
                    <StatusTag status={f.status} />
                  </Table.DataCell>
                  <Table.DataCell>
                    {/* Stacked on phones so the title keeps the width. */}
                    <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                      <Button
                        size="small"
                        variant="tertiary-neutral"
                        icon={<ArrowUpIcon title={t('moveUp', { title: f.title })} />}
                        disabled={pending || filter !== null || index === 0}
                        onClick={() => move(f.id, -1)}
                      />
                      <Button
                        size="small"
                        variant="tertiary-neutral"
                        icon={<ArrowDownIcon title={t('moveDown', { title: f.title })} />}
                        disabled={pending || filter !== null || index === findings.length - 1}
                        onClick={() => move(f.id, 1)}
                      />
                    </div>
                  </Table.DataCell>
                </Table.ExpandableRow>
              );
            })}
          </Table.Body>
        </Table>
        </Box>
      )}
    </VStack>
  );
}
