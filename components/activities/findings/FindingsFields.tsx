'use client';

import { Checkbox, Fieldset, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';

import type { EditorFieldsProps } from '../contract';

/** The findings a findings round shows, always in the project's order. */
export function FindingsFields({ draft, onChange: change, options: { findings }, fieldError }: EditorFieldsProps<'findings'>) {
  const t = useTranslations('findingsRound.form');
  const findingIds = draft.config.findingIds;
  const onChange = (ids: string[]) => change({ ...draft, config: { findingIds: ids } });
  const error = fieldError('findingIds');
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
