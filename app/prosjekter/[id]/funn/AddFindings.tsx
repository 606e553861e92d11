'use client';

import { FileTextIcon, PlusIcon } from '@navikt/aksel-icons';
import { Box, Heading, Tabs } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { createFindingAction } from '@/app/_actions/finding-actions';
import { emptyFinding, FindingForm, type PhaseOption } from './FindingForm';
import { ImportFindings } from './ImportFindings';

/** New findings: one at a time with the form, or many at once from pasted text. */
export function AddFindings({ projectId, phases, defaultPhaseId }: { projectId: string; phases: PhaseOption[]; defaultPhaseId: string }) {
  const t = useTranslations('findings.add');
  const tForm = useTranslations('findings.form');
  return (
    <section aria-labelledby="nye-funn">
      <Box background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <Heading id="nye-funn" level="2" size="medium" spacing>
          {t('heading')}
        </Heading>
        <Tabs defaultValue="skriv" size="small">
          <Tabs.List>
            <Tabs.Tab value="skriv" label={t('write')} icon={<PlusIcon aria-hidden />} />
            <Tabs.Tab value="importer" label={t('import')} icon={<FileTextIcon aria-hidden />} />
          </Tabs.List>
          <Tabs.Panel value="skriv" className="pt-6">
            <FindingForm
              initial={{ ...emptyFinding, phaseId: defaultPhaseId }}
              phases={phases}
              label={t('write')}
              submitLabel={tForm('create')}
              action={(input) => createFindingAction(projectId, input)}
              clearOnDone
            />
          </Tabs.Panel>
          <Tabs.Panel value="importer" className="pt-6">
            <ImportFindings projectId={projectId} phases={phases} />
          </Tabs.Panel>
        </Tabs>
      </Box>
    </section>
  );
}
