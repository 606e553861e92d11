'use client';

import { Checkbox, Fieldset, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';

export interface FindingOption {
  id: string;
  title: string;
  theme: string;
}

/** The findings a findings round shows, always in the project's order. */
export function FindingsFields({ findingIds, onChange, findings, error }: {
  findingIds: string[];
  onChange: (findingIds: string[]) => void;
  findings: FindingOption[];
  error?: string;
}) {
  const t = useTranslations('workshop.form');
  const selected = new Set(findingIds);
  const all = findings.length > 0 && findings.every((f) => selected.has(f.id));
  const toggle = (id: string, on: boolean) => onChange(findings.filter((f) => (f.id === id ? on : selected.has(f.id))).map((f) => f.id));
  return (
    <Fieldset legend={t('findings')} description={t('findingsHelp')} error={error}>
      <VStack gap="space-4">
        <Checkbox
          checked={all}
          indeterminate={!all && findings.some((f) => selected.has(f.id))}
          onChange={(e) => onChange(e.target.checked ? findings.map((f) => f.id) : [])}
          className="border-0 border-b border-solid border-ax-border-neutral-subtle pb-1"
        >
          {t('selectAll')}
        </Checkbox>
        {findings.map((f) => (
          <Checkbox key={f.id} checked={selected.has(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} description={f.theme || undefined}>
            {f.title}
          </Checkbox>
        ))}
      </VStack>
    </Fieldset>
  );
}
