import { Alert, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireUser } from '@/app/_lib/auth';
import { StartQsortButton } from '@/components/qsort/StartQsortButton';
import { gridMax } from '@/lib/qsort/grid';
import { getServices } from '@/server/registry';
import { AddStatements } from './AddStatements';
import { GridDesigner } from './GridDesigner';
import { formatValue } from './grid-draft';
import { InstructionsEditor } from './InstructionsEditor';
import { SetDetails } from './SetDetails';
import { SetHeader } from './SetHeader';
import { StatementList } from './StatementList';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('statementSets'))('heading') };
}

const section = 'scroll-mt-4';

/** The statement-set editor: statements, the grid designer and the instructions for each step. */
export default async function StatementSetPage({ params }: { params: Promise<{ id: string; setId: string }> }) {
  const { id, setId } = await params;
  const user = await requireUser(`/prosjekter/${id}/utsagn/${setId}`);
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(setId).success) notFound();
  const services = getServices();
  const [project, set] = await Promise.all([services.projects.get(user.id, id), services.statementSets.get(user.id, setId)]);
  if (!project.ok || !set.ok || set.data.projectId !== id) notFound();
  const t = await getTranslations('statementSets');
  const tProject = await getTranslations('project');
  const archived = project.data.project.archivedAt !== null;
  const { statements, grid } = set.data;
  const codes = statements.map((s) => s.code);

  return (
    <VStack gap="space-32">
      <SetHeader
        crumbs={[
          { href: `/prosjekter/${id}`, label: project.data.project.name },
          { href: `/prosjekter/${id}/utsagn`, label: t('heading') },
        ]}
        breadcrumbLabel={t('editor.breadcrumb')}
        heading={set.data.name}
        lead={t('editor.lead')}
        actions={<StartQsortButton projectId={id} setId={setId} disabled={archived || !set.data.gridFits} />}
      />
      <HStack gap="space-8" align="center">
        <Tag variant="outline" size="small">
          {t('editor.summary', { count: statements.length, min: formatValue(grid.min), max: formatValue(gridMax(grid)) })}
        </Tag>
        <Tag size="small" variant="moderate" data-color={set.data.gridFits ? 'success' : 'warning'}>
          {set.data.gridFits ? t('gridFits') : t('gridMismatch')}
        </Tag>
      </HStack>
      {archived && <Alert variant="info">{tProject('archivedNotice')}</Alert>}
      <nav aria-label={t('editor.sections')}>
        <ul className="m-0 flex list-none flex-wrap gap-x-6 gap-y-2 p-0">
          <li><a href="#utsagn" className="aksel-link">{t('statements.heading')}</a></li>
          <li><a href="#skjema" className="aksel-link">{t('grid.heading')}</a></li>
          <li><a href="#instruksjoner" className="aksel-link">{t('instructions.heading')}</a></li>
        </ul>
      </nav>

      <section aria-labelledby="utsagn" className={section}>
        <Heading id="utsagn" level="2" size="medium" spacing>
          {`${t('statements.heading')} (${statements.length})`}
        </Heading>
        <StatementList projectId={id} setId={setId} statements={statements.map((s) => ({ id: s.id, code: s.code, text: s.text }))} readOnly={archived} />
      </section>
      {!archived && (
        <section aria-labelledby="nye-utsagn">
          <AddStatements projectId={id} setId={setId} codes={codes} />
        </section>
      )}
      <Panel labelledBy="skjema">
        <GridDesigner projectId={id} setId={setId} initial={grid} suggested={set.data.gridSuggested} statementCount={statements.length} readOnly={archived} />
      </Panel>
      <Panel labelledBy="instruksjoner">
        <InstructionsEditor projectId={id} setId={setId} initial={set.data.instructions} readOnly={archived} />
      </Panel>
      {!archived && (
        <Panel labelledBy="om-settet">
          <SetDetails projectId={id} setId={setId} name={set.data.name} />
        </Panel>
      )}
    </VStack>
  );
}

/** A framed section of the editor, named by its heading. */
function Panel({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <Box as="section" aria-labelledby={labelledBy} background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className={section}>
      {children}
    </Box>
  );
}
