import { BodyShort, Box, Heading, Table, VStack } from '@navikt/ds-react';
// The parts by name: `Table.Row` is a property of a client component, out of reach from the server.
import { TableBody, TableDataCell, TableHeader, TableHeaderCell, TableRow } from '@navikt/ds-react/Table';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { SubpageHeader } from '@/components/SubpageHeader';
import type { TimelineEntry } from '@/lib/archive/timeline';
import { formatDecimal } from '@/lib/i18n/format';
import { getServices } from '@/server/registry';
import { TimelineEntryCard } from './TimelineEntryCard';

/** The project's timeline: phase by phase, each workshop and session with what it produced, then the evaluations over time. */
export default async function TimelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/prosjekter/${id}/tidslinje`);
  if (!z.uuid().safeParse(id).success) notFound();
  const services = getServices();
  const [project, timeline] = await Promise.all([services.projects.get(user.id, id), services.archiveTimeline.timeline(user.id, id)]);
  if (!project.ok || !timeline.ok) notFound();
  const t = await getTranslations('archiveSearch');
  const format = await getFormatter();
  const locale = await getLocale();
  const kindLabel = (kind: string) => (t.has(`kinds.${kind}` as 'kinds.note') ? t(`kinds.${kind}` as 'kinds.note') : kind);
  const date = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  const evaluated = timeline.data.flatMap((g) => g.entries).filter((e) => e.evaluation.some((q) => q.mean !== null));

  return (
    <VStack gap="space-24">
      <SubpageHeader backHref={`/prosjekter/${id}/tilbakemeldinger`} backLabel={t('timeline.back')} heading={t('timeline.heading')} lead={t('timeline.lead')} />
      {timeline.data.length === 0 && <BodyShort>{t('timeline.none')}</BodyShort>}
      <ol className="m-0 list-none space-y-8 border-0 border-l-4 border-solid border-ax-border-neutral-subtle p-0 pl-6">
        {timeline.data.map((group) => (
          <li key={group.phase?.id ?? 'none'} className="relative">
            <span aria-hidden className="absolute -left-[2.15rem] top-1 h-4 w-4 rounded-full border-4 border-solid border-ax-bg-default bg-ax-bg-accent-strong" />
            <section aria-label={group.phase?.name ?? t('timeline.noPhase')}>
              <Heading level="2" size="medium">{group.phase?.name ?? t('timeline.noPhase')}</Heading>
              {group.phase && (group.phase.startsOn || group.phase.endsOn) && (
                <BodyShort size="small" className="text-ax-text-neutral-subtle">
                  {t('timeline.period', { from: group.phase.startsOn ? date(group.phase.startsOn) : '', to: group.phase.endsOn ? date(group.phase.endsOn) : '' })}
                </BodyShort>
              )}
              <div className="mt-3 space-y-3">
                {group.entries.length === 0 ? (
                  <BodyShort className="text-ax-text-neutral-subtle">{t('timeline.empty')}</BodyShort>
                ) : (
                  group.entries.map((entry) => <TimelineEntryCard key={`${entry.type}:${entry.id}`} entry={entry} projectId={id} kindLabel={kindLabel} />)
                )}
              </div>
            </section>
          </li>
        ))}
      </ol>
      {evaluated.length > 1 && <EvaluationAcross entries={evaluated} heading={t('timeline.acrossHeading')} questionLabel={t('timeline.question')} mean={(m) => formatDecimal(locale, m, 1)} />}
    </VStack>
  );
}

/** The evaluation's means side by side, one column per workshop or meeting in time order; a dash where held back. */
function EvaluationAcross({ entries, heading, questionLabel, mean }: { entries: TimelineEntry[]; heading: string; questionLabel: string; mean: (m: number) => string }) {
  const questions = [...new Map(entries.flatMap((e) => e.evaluation.map((q) => [q.question, q.label || q.question] as const))).entries()];
  return (
    <Box as="section" aria-label={heading} background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <Heading level="2" size="medium" spacing>{heading}</Heading>
      <div className="overflow-x-auto">
        <Table size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{questionLabel}</TableHeaderCell>
              {entries.map((e) => <TableHeaderCell key={e.id} scope="col" align="right">{e.title}{e.date ? ` (${e.date})` : ''}</TableHeaderCell>)}
            </TableRow>
          </TableHeader>
          <TableBody>
            {questions.map(([key, label]) => (
              <TableRow key={key}>
                <TableHeaderCell scope="row">{label}</TableHeaderCell>
                {entries.map((e) => {
                  const q = e.evaluation.find((x) => x.question === key);
                  return <TableDataCell key={e.id} align="right">{q?.mean != null ? mean(q.mean) : '–'}</TableDataCell>;
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Box>
  );
}
