import { BodyLong, BodyShort, Box, Heading, Table, VStack } from '@navikt/ds-react';
// The parts by name: `Table.Row` is a property of a client component, out of reach from the server.
import { TableBody, TableDataCell, TableHeader, TableHeaderCell, TableRow } from '@navikt/ds-react/Table';
import { useFormatter, useTranslations } from 'next-intl';
import { chronological, findingChanges, responseKeys, share, type EvidenceSource, type StatusChange } from '@/lib/archive/finding-changes';

/**
 * The finding across workshops: the evidence side by side (oldest first), and what changed
 * since the last workshop (the shift in shares from the one before, and status changes since).
 */
export function FindingChanges({ sources, history }: { sources: EvidenceSource[]; history: StatusChange[] }) {
  const t = useTranslations('archiveSearch.findingChanges');
  const tResponse = useTranslations('findings.response');
  const tStatus = useTranslations('project.status');
  const format = useFormatter();
  const changes = findingChanges(sources, history);
  const titleOf = (s: EvidenceSource) => s.title ?? t('unknownSource');
  const status = (s: string) => tStatus(s as 'forelopig');

  return (
    <Box as="section" aria-labelledby="siden-forrige" background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <VStack gap="space-16">
        <Heading id="siden-forrige" level="2" size="medium">{t('heading')}</Heading>
        {!changes.latest ? (
          <BodyShort>{t('none')}</BodyShort>
        ) : (
          <>
            {changes.previous && changes.shift ? (
              <div>
                <BodyShort weight="semibold" spacing>{t('compared', { latest: titleOf(changes.latest), previous: titleOf(changes.previous) })}</BodyShort>
                <ul className="m-0 list-disc space-y-1 pl-5" data-testid="finding-shift">
                  {responseKeys.map((k) => {
                    const delta = changes.shift![k];
                    return <li key={k}><BodyShort>{t('shift', { response: tResponse(k), share: share(changes.latest!.counts, k), delta: delta > 0 ? 'up' : delta < 0 ? 'down' : 'same', points: Math.abs(delta) })}</BodyShort></li>;
                  })}
                </ul>
              </div>
            ) : (
              <BodyShort>{t('onlyOne', { latest: titleOf(changes.latest) })}</BodyShort>
            )}
            <div>
              <BodyShort weight="semibold" spacing>{t('statusSince', { latest: titleOf(changes.latest) })}</BodyShort>
              {changes.changesSince.length === 0 ? (
                <BodyShort>{t('noStatusSince', { latest: titleOf(changes.latest) })}</BodyShort>
              ) : (
                <ul className="m-0 list-none space-y-2 p-0">
                  {changes.changesSince.map((c) => (
                    <li key={c.id}>
                      <BodyShort>{t('statusChange', { from: status(c.fromStatus), to: status(c.toStatus), date: format.dateTime(c.changedAt, { dateStyle: 'medium' }) })}{c.changedBy ? ` · ${t('by', { name: c.changedBy })}` : ''}</BodyShort>
                      {c.note && <BodyLong size="small" className="whitespace-pre-line text-ax-text-neutral-subtle">{c.note}</BodyLong>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {sources.length > 1 && (
              <div className="overflow-x-auto">
                <Table size="small" aria-label={t('sideBySide')} data-testid="evidence-side-by-side">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('response')}</TableHeaderCell>
                      {chronological(sources).map((s) => <TableHeaderCell key={s.key} scope="col" align="right">{titleOf(s)}</TableHeaderCell>)}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {responseKeys.map((k) => (
                      <TableRow key={k}>
                        <TableHeaderCell scope="row">{tResponse(k)}</TableHeaderCell>
                        {chronological(sources).map((s) => <TableDataCell key={s.key} align="right">{t('cell', { count: s.counts[k], share: share(s.counts, k) })}</TableDataCell>)}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </>
        )}
      </VStack>
    </Box>
  );
}
