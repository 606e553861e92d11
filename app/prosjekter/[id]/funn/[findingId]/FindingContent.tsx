'use client';

import { PencilIcon } from '@navikt/aksel-icons';
import { BodyLong, BodyShort, Box, Button, Heading, HStack, Label, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { updateFindingAction } from '@/app/_actions/finding-actions';
import { FindingForm, type PhaseOption } from '../FindingForm';
import { valuesOf, type FindingView } from '../finding-view';

/** The finding as workshops show it (summary, anonymised quotes, the question), editable in place. */
export function FindingContent({ projectId, finding, phases }: { projectId: string; finding: FindingView; phases: PhaseOption[] }) {
  const t = useTranslations('findings.detail');
  const tForm = useTranslations('findings.form');
  const [editing, setEditing] = useState(false);

  return (
    <section aria-labelledby="innhold-funn">
      <Box background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <HStack justify="space-between" align="center" gap="space-8" className="mb-4">
          <Heading id="innhold-funn" level="2" size="medium">{t('content')}</Heading>
          {!editing && (
            <Button size="small" variant="tertiary" icon={<PencilIcon aria-hidden />} onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          )}
        </HStack>
        {editing ? (
          <FindingForm
            initial={valuesOf(finding)}
            phases={phases}
            label={t('edit')}
            submitLabel={tForm('save')}
            action={(input) => updateFindingAction(projectId, finding.id, input)}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <VStack gap="space-16">
            {(finding.theme || finding.phaseName) && (
              <HStack gap="space-8">
                {finding.theme && <Tag size="small" variant="moderate" data-color="accent">{finding.theme}</Tag>}
                {finding.phaseName && <Tag size="small" variant="outline">{finding.phaseName}</Tag>}
              </HStack>
            )}
            {finding.summary ? (
              <BodyLong className="whitespace-pre-line">{finding.summary}</BodyLong>
            ) : (
              <BodyShort className="text-ax-text-neutral-subtle">{t('noSummary')}</BodyShort>
            )}
            {finding.quotes.length > 0 && (
              <div>
                <Label as="p" size="small" spacing>{tForm('quotes')}</Label>
                <VStack gap="space-8" as="ul" className="m-0 list-none p-0">
                  {finding.quotes.map((q, i) => (
                    <li key={i}>
                      <blockquote className="m-0 border-0 border-l-4 border-solid border-ax-border-accent pl-3 italic">«{q}»</blockquote>
                    </li>
                  ))}
                </VStack>
              </div>
            )}
            {finding.reflectionQuestion && (
              <Box background="accent-soft" padding="space-12" borderRadius="8">
                <Label as="p" size="small">{tForm('reflectionQuestion')}</Label>
                <BodyLong weight="semibold">{finding.reflectionQuestion}</BodyLong>
              </Box>
            )}
          </VStack>
        )}
      </Box>
    </section>
  );
}
